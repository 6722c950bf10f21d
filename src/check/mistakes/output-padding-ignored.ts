/** `output-padding-ignored`: the extra output_padding cells at the end of each axis left out. */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const outputPaddingIgnored: ProblemMistake = {
  id: "output-padding-ignored",
  scope: "problem",
  recompute({ problem }) {
    const p = problem.params;
    if (p.op !== "transposed" || p.outputPadding.every((v) => v === 0)) return [];
    const r = recomputeWith(problem, { outputPadding: p.outputPadding.map(() => 0) });
    return r ? [{ diagnosis: { mistake: "output-padding-ignored" }, ...r }] : [];
  },
};
