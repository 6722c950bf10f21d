/**
 * `flipped-kernel`: the kernel rotated by 180° — a true (flipped) convolution where deep-learning
 * libraries use the unflipped kernel, or the other way round (rotating twice is the identity, so
 * one recomputation covers both directions).
 */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const flippedKernel: ProblemMistake = {
  id: "flipped-kernel",
  scope: "problem",
  recompute({ problem }) {
    const k = problem.info.kernelCount;
    // Reversing every spatial axis of a row-major block is reversing the block's flat order.
    const data = problem.w.data.map((_, i) => {
      const base = i - (i % k);
      return problem.w.data[base + (k - 1 - (i % k))]!;
    });
    const r = recomputeWith(problem, {}, { w: { shape: problem.w.shape, data } });
    return r ? [{ diagnosis: { mistake: "flipped-kernel" }, ...r }] : [];
  },
};
