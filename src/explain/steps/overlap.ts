/**
 * Step 8, overlap: how many terms each output cell sums, per axis and in all; whether the
 * interior is even (Distill: a kernel size not divisible by the stride overlaps unevenly — the
 * checkerboard), and which input cells meet at the focus cell.
 */
import { axisOverlapCounts, overlapCounts } from "../../geometry/overlap.ts";
import type { ExplainContext } from "../context.ts";
import type { OverlapAxis, OverlapStep } from "../types.ts";

/**
 * Builds the overlap step (transposed convolution only).
 *
 * @example
 * buildOverlap(seedCtx).counts // [1, 2, 1, 2, 4, 2, 1, 2, 1]
 */
export function buildOverlap(ctx: ExplainContext): OverlapStep {
  const { info } = ctx;
  if (info.op !== "transposed") throw new Error("buildOverlap: overlap is a property of the transposed convolution");
  const counts = Array.from(overlapCounts(info));
  const perAxis = axisOverlapCounts(info);
  const axes: OverlapAxis[] = info.axes.map((a, ax) => {
    const c = Array.from(perAxis[ax]!);
    // Interior: output positions whose every tap could find an input, away from the borders where
    // counts fall off anyway; position o sits at o + p_begin in the uncropped output.
    const interior = c.filter((_, o) => o + a.padBegin >= a.dilation * (a.kernel - 1) && o + a.padBegin <= (a.inSize - 1) * a.stride);
    const look = interior.length > 0 ? interior : c;
    return {
      kernel: a.kernel, stride: a.stride, dilation: a.dilation, counts: c,
      divisible: a.kernel % a.stride === 0, even: look.every((v) => v === look[0]),
    };
  });
  const focus = ctx.focus % info.outCount;
  const meeting: number[] = [];
  ctx.cells.forEachTerm(focus, (i) => { if (i < info.inCount) meeting.push(i); });
  return {
    kind: "overlap", shape: info.outSpatial, counts,
    levels: [...new Set(counts)].sort((p, q) => p - q),
    axes, focus, meeting, even: axes.every((a) => a.even),
  };
}
