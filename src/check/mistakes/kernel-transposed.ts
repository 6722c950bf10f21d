/**
 * `kernel-transposed`: the kernel read with its last two spatial axes swapped (its rows taken as
 * columns), every parameter staying with its axis.
 */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith, swapLastTwoAxes } from "./recompute.ts";

export const kernelTransposed: ProblemMistake = {
  id: "kernel-transposed",
  scope: "problem",
  recompute({ problem }) {
    const r = problem.info.rank;
    if (r < 2) return [];
    const kernelSize = [...problem.params.kernelSize];
    [kernelSize[r - 2], kernelSize[r - 1]] = [kernelSize[r - 1]!, kernelSize[r - 2]!];
    const rec = recomputeWith(problem, { kernelSize }, { w: swapLastTwoAxes(problem.w) });
    return rec ? [{ diagnosis: { mistake: "kernel-transposed" }, ...rec }] : [];
  },
};
