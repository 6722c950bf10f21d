/**
 * `stride-zeros-wrong`: in the direct-convolution view, s zeros inserted between input values
 * instead of s − 1. The zero-inserted input then has the spacing of stride s + 1, with the same
 * padding and flipped kernel, so the mistake is the transposed convolution with stride s + 1.
 */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const strideZerosWrong: ProblemMistake = {
  id: "stride-zeros-wrong",
  scope: "problem",
  recompute({ problem }) {
    const p = problem.params;
    if (p.op !== "transposed" || p.inputSize.every((i) => i === 1)) return [];
    const r = recomputeWith(problem, { stride: p.stride.map((s) => s + 1) });
    return r ? [{ diagnosis: { mistake: "stride-zeros-wrong" }, ...r }] : [];
  },
};
