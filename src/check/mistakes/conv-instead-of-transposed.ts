/**
 * `conv-instead-of-transposed`: an ordinary convolution (sliding the kernel over the input)
 * computed where a transposed convolution was asked for — or the reverse for `--op conv`. Same
 * stride, padding and dilation; the weight is re-indexed between the two canonical layouts
 * ([C_in, C_out/g, *k] ↔ [C_out, C_in/g, *k]).
 */
import type { Scalar } from "../../algebra/scalar.ts";
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const convInsteadOfTransposed: ProblemMistake = {
  id: "conv-instead-of-transposed",
  scope: "problem",
  recompute({ problem }) {
    const { info, w } = problem;
    const k = info.kernelCount, cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
    const data: Scalar[] = [];
    let shape: number[];
    if (info.op === "transposed") {
      shape = [info.outChannels, cig, ...info.kernelSpatial];
      for (let co = 0; co < info.outChannels; co++) {
        const g = Math.floor(co / cog), col = co % cog;
        for (let cil = 0; cil < cig; cil++) {
          const base = ((g * cig + cil) * cog + col) * k;
          for (let t = 0; t < k; t++) data.push(w.data[base + t]!);
        }
      }
    } else {
      shape = [info.inChannels, cog, ...info.kernelSpatial];
      for (let ci = 0; ci < info.inChannels; ci++) {
        const g = Math.floor(ci / cig), cil = ci % cig;
        for (let col = 0; col < cog; col++) {
          const base = ((g * cog + col) * cig + cil) * k;
          for (let t = 0; t < k; t++) data.push(w.data[base + t]!);
        }
      }
    }
    const computed = info.op === "transposed" ? "conv" : "transposed";
    const r = recomputeWith(problem, {
      op: computed,
      outputPadding: problem.params.outputPadding.map(() => 0),
    }, { w: { shape, data } });
    return r ? [{ diagnosis: { mistake: "conv-instead-of-transposed", computed }, ...r }] : [];
  },
};
