/**
 * Step 8, overlap: how many terms each output cell sums, per axis and in all; whether the
 * interior is even (Distill: a kernel size not divisible by the stride overlaps unevenly), and
 * whether the checkerboard actually shows: what an all-ones input gives inside. Uneven overlap
 * with an even all-ones output means the kernel compensates (the 1-D kernel [1,2,1] with stride
 * 2 is linear interpolation); even overlap can still give a pattern when each cell gets a
 * different tap (stride = kernel size). Every predicate here is a function of the data.
 */
import { matVec, transpose } from "../../algebra/index.ts";
import { Rational } from "../../algebra/rational.ts";
import { ringFor, type AlgebraValue, type Ring } from "../../algebra/ring.ts";
import type { ConvInfo } from "../../geometry/conv-info.ts";
import { axisOverlapCounts, overlapCounts } from "../../geometry/overlap.ts";
import type { ExplainContext } from "../context.ts";
import type { OverlapAxis, OverlapStep } from "../types.ts";

/**
 * Whether output position o of an axis is inside: every tap could find an input there (away
 * from the borders, where counts fall off anyway); o sits at o + p_begin in the uncropped output.
 */
export function interiorPositions(a: ConvInfo["axes"][number]): boolean[] {
  return Array.from({ length: a.outSize }, (_, o) =>
    o + a.padBegin >= a.dilation * (a.kernel - 1) && o + a.padBegin <= (a.inSize - 1) * a.stride);
}

/**
 * How one axis's counts behave: the same everywhere, even inside and smaller at the borders, or
 * uneven inside.
 *
 * @example countPattern([1, 2, 2, 1], [false, true, true, false]) // → "even-inside"
 */
export function countPattern(counts: readonly number[], interior: readonly boolean[]): OverlapAxis["pattern"] {
  if (counts.every((v) => v === counts[0])) return "constant";
  const inside = counts.filter((_, o) => interior[o]);
  const look = inside.length > 0 ? inside : counts;
  return look.every((v) => v === look[0]) ? "even-inside" : "uneven";
}

/**
 * Builds the overlap step (transposed convolution only).
 *
 * @example
 * buildOverlap(seedCtx).counts // → [1, 2, 1, 2, 4, 2, 1, 2, 1]
 */
export function buildOverlap(ctx: ExplainContext): OverlapStep {
  const { info } = ctx;
  if (info.op !== "transposed") throw new Error("buildOverlap: overlap is a property of the transposed convolution");
  const counts = Array.from(overlapCounts(info));
  const perAxis = axisOverlapCounts(info);
  const interiors = info.axes.map(interiorPositions);
  const axes: OverlapAxis[] = info.axes.map((a, ax) => {
    const c = Array.from(perAxis[ax]!);
    const pattern = countPattern(c, interiors[ax]!);
    return {
      kernel: a.kernel, stride: a.stride, dilation: a.dilation, counts: c,
      divisible: a.kernel % a.stride === 0, even: pattern !== "uneven", pattern,
    };
  });
  const focus = ctx.focus % info.outCount;
  const meeting: number[] = [];
  ctx.cells.forEachTerm(focus, (i) => { if (i < info.inCount) meeting.push(i); });
  const ones = allOnesOutput(ctx);
  const inside = insideCells(info, interiors);
  const ring = ringFor(ctx.problem.w);
  const onesEven = evenAt(ones, inside, ring);
  const even = axes.every((a) => a.even);
  return {
    kind: "overlap", shape: info.outSpatial, counts,
    levels: [...new Set(counts)].sort((p, q) => p - q),
    axes, focus, meeting, even,
    maxCount: counts.reduce((m, v) => (v > m ? v : m), 0),
    ones, onesInside: inside, onesEven,
    checkerboard: !onesEven,
    compensates: !even && onesEven,
  };
}

/** Output channel 0 of batch item 0 when every input entry (every channel) is 1. */
function allOnesOutput(ctx: ExplainContext): AlgebraValue[] {
  const { info } = ctx;
  const ring = ringFor(ctx.problem.w);
  const one = ring.lift({ kind: "exact", value: Rational.ONE });
  const x = new Array<AlgebraValue>(info.inChannels * info.inCount).fill(one);
  return matVec(transpose(ctx.matrix()), x, ring).slice(0, info.outCount);
}

/** Spatial flats of the output whose every axis position is inside (all cells when none is). */
function insideCells(info: ConvInfo, interiors: readonly boolean[][]): number[] {
  const out: number[] = [];
  const idx = new Array<number>(info.rank).fill(0);
  for (let f = 0; f < info.outCount; f++) {
    if (idx.every((v, ax) => interiors[ax]![v])) out.push(f);
    for (let ax = info.rank - 1; ax >= 0; ax--) {
      if (++idx[ax]! < info.outSpatial[ax]!) break;
      idx[ax] = 0;
    }
  }
  return out.length > 0 ? out : Array.from({ length: info.outCount }, (_, f) => f);
}

function evenAt(values: readonly AlgebraValue[], cells: readonly number[], ring: Ring<AlgebraValue>): boolean {
  return cells.every((f) => ring.equals(values[f]!, values[cells[0]!]!));
}
