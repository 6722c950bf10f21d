/**
 * `padding-not-cropped`: the transposed convolution's padding is a crop of the full output; this
 * mistake keeps the full (i−1)·s + d·(k−1) + 1 (+ output padding) cells. For an ordinary
 * convolution the same change means the padding was never added.
 */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const paddingNotCropped: ProblemMistake = {
  id: "padding-not-cropped",
  scope: "problem",
  recompute({ problem }) {
    const p = problem.params;
    if (p.padBegin.every((v) => v === 0) && p.padEnd.every((v) => v === 0)) return [];
    const zeros = p.padBegin.map(() => 0);
    const r = recomputeWith(problem, { padBegin: zeros, padEnd: zeros });
    return r ? [{ diagnosis: { mistake: "padding-not-cropped" }, ...r }] : [];
  },
};
