/**
 * Step 3, the scatter view: every input value times the whole kernel, placed where the relation
 * o = a·s + t·d − p puts it. The placements are the rows of C (algebra/sparse.ts), read per batch
 * item, so this view and the matrix view share one construction.
 */
import { deriveCells } from "../../algebra/index.ts";
import type { AlgebraValue } from "../../algebra/ring.ts";
import type { ExplainContext } from "../context.ts";
import type { ScatterCopy, ScatterStep } from "../types.ts";

/**
 * Builds the scatter step (transposed convolution only).
 *
 * @example
 * buildScatter(seedCtx).copies[1].placements // → [[1, 0], [2, 1], [4, 2], [5, 3]]
 */
export function buildScatter(ctx: ExplainContext): ScatterStep {
  const { info } = ctx;
  if (info.op !== "transposed") throw new Error("buildScatter: only a transposed convolution scatters");
  const c = ctx.matrix();
  const perItemIn = info.inChannels * info.inCount, perItemOut = info.outChannels * info.outCount;
  const copies: ScatterCopy[] = [];
  for (let n = 0; n < info.batch; n++) {
    for (let r = 0; r < c.rows; r++) {
      const placements: [number, number][] = [];
      for (let j = c.rowStart[r]!; j < c.rowStart[r + 1]!; j++) placements.push([n * perItemOut + c.col[j]!, c.source[j]!]);
      // A copy of the kernel has kernelCount taps per output channel of the group.
      const cropped = info.kernelCount * info.outChannelsPerGroup - placements.length;
      copies.push({ input: n * perItemIn + r, placements, cropped });
    }
  }
  // Whether two copies land on the same output cell (the scatter sum then adds something).
  const seen = new Set<number>();
  const overlaps = copies.some((cp) => cp.placements.some(([o]) => (seen.has(o) ? true : (seen.add(o), false))));
  if (!ctx.problem.bias) return { kind: "scatter", copies, overlaps };
  // The copies add up to the output before the bias; the bias is its own step after the sum.
  const free = deriveCells(info, ctx.problem.x, ctx.problem.w, undefined, { indexBase: ctx.indexBase });
  const unbiased: AlgebraValue[] = new Array(free.count);
  for (let f = 0; f < free.count; f++) unbiased[f] = free.mode === "symbolic" ? free.polynomial(f) : free.value(f)!;
  return { kind: "scatter", copies, overlaps, unbiased };
}
