/**
 * `input-transposed`: the input read with its last two spatial axes swapped (rows for columns),
 * every parameter staying with its axis.
 */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const inputTransposed: ProblemMistake = {
  id: "input-transposed",
  scope: "problem",
  recompute({ problem }) {
    const { info, x } = problem;
    if (info.rank < 2) return [];
    const r = info.rank;
    const rows = info.inSpatial[r - 2]!, cols = info.inSpatial[r - 1]!, plane = rows * cols;
    const data = x.data.map((_, i) => {
      const base = i - (i % plane), j = i % plane;
      // Output position (a, b) of the swapped plane (cols × rows) reads input (b, a).
      const a = Math.floor(j / rows), b = j % rows;
      return x.data[base + b * cols + a]!;
    });
    const inputSize = [...problem.params.inputSize];
    inputSize[r - 2] = cols; inputSize[r - 1] = rows;
    const shape = [...x.shape];
    shape[shape.length - 2] = cols; shape[shape.length - 1] = rows;
    const rec = recomputeWith(problem, { inputSize }, { x: { shape, data } });
    return rec ? [{ diagnosis: { mistake: "input-transposed" }, ...rec }] : [];
  },
};
