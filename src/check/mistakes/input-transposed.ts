/**
 * `input-transposed`: the input read with its last two spatial axes swapped (rows for columns),
 * every parameter staying with its axis.
 */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith, swapLastTwoAxes } from "./recompute.ts";

export const inputTransposed: ProblemMistake = {
  id: "input-transposed",
  scope: "problem",
  recompute({ problem }) {
    const r = problem.info.rank;
    if (r < 2) return [];
    const inputSize = [...problem.params.inputSize];
    [inputSize[r - 2], inputSize[r - 1]] = [inputSize[r - 1]!, inputSize[r - 2]!];
    const rec = recomputeWith(problem, { inputSize }, { x: swapLastTwoAxes(problem.x) });
    return rec ? [{ diagnosis: { mistake: "input-transposed" }, ...rec }] : [];
  },
};
