import type { ConvInfo } from "../geometry/conv-info.ts";
import { rowMajorStrides, tapTables, type TapTables } from "../geometry/taps.ts";

/**
 * The positions one kernel tap connects along one axis: `count` pairs (input position, output
 * position), both arithmetic progressions — read off the geometry layer's tap tables, never
 * recomputed from the parameters.
 */
export interface AxisSegment {
  readonly count: number;
  readonly inStart: number;
  readonly inStep: number;
  readonly outStart: number;
  readonly outStep: number;
}

/**
 * For one kernel tap (all axes fixed): every (input row, output row) pair over the leading
 * axes as flat spatial offsets, and the last axis as one segment. The hot loops walk
 * `rows × segment` with plain additions, so an N-D problem costs no more index work than a 2-D one.
 */
export interface TapRows {
  /** Flat spatial offset (row-major) of the kernel tap. */
  readonly kernelOffset: number;
  readonly inRow: Int32Array;
  readonly outRow: Int32Array;
  readonly last: AxisSegment;
}

/** Every tap's rows, plus the table it was read from. */
export interface TapPlan {
  readonly taps: readonly TapRows[];
  /** Σ over taps of rows × last.count: the number of (input cell, output cell) links per channel pair. */
  readonly links: number;
}

/**
 * Regroups one axis's table by tap. For `transposed` the scatter table (rows = input positions,
 * pairs = output position and tap) is used; for `conv` the gather table (rows = output
 * positions, pairs = input position and tap). Either way the result is, for each tap t, its
 * (input, output) pairs in ascending order.
 */
function axisSegments(info: ConvInfo, tables: TapTables, axis: number): AxisSegment[] {
  const kernel = info.axes[axis]!.kernel;
  const ins: number[][] = Array.from({ length: kernel }, () => []);
  const outs: number[][] = Array.from({ length: kernel }, () => []);
  const table = info.op === "transposed" ? tables.scatter[axis]! : tables.gather[axis]!;
  const rows = table.start.length - 1;
  for (let r = 0; r < rows; r++) {
    for (let j = table.start[r]!; j < table.start[r + 1]!; j++) {
      const t = table.tap[j]!, other = table.index[j]!;
      // scatter rows are input positions; gather rows are output positions.
      if (info.op === "transposed") { ins[t]!.push(r); outs[t]!.push(other); }
      else { ins[t]!.push(other); outs[t]!.push(r); }
    }
  }
  return ins.map((inList, t) => toSegment(inList, outs[t]!, axis, t));
}

function toSegment(ins: number[], outs: number[], axis: number, tap: number): AxisSegment {
  const count = ins.length;
  const inStart = ins[0] ?? 0, outStart = outs[0] ?? 0;
  const inStep = count > 1 ? ins[1]! - inStart : 1;
  const outStep = count > 1 ? outs[1]! - outStart : 1;
  for (let j = 0; j < count; j++) {
    if (ins[j] !== inStart + j * inStep || outs[j] !== outStart + j * outStep) {
      throw new Error(`tensor: tap ${tap} on axis ${axis} does not connect evenly spaced positions`);
    }
  }
  return { count, inStart, inStep, outStart, outStep };
}

/**
 * Builds the walk plan for every kernel tap from the problem's tap tables.
 *
 * @example
 * const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
 * tapPlan(info).taps.length; // 4: one entry per kernel tap
 */
export function tapPlan(info: ConvInfo): TapPlan {
  const tables = tapTables(info);
  const r = info.rank;
  const segs = info.axes.map((_, ax) => axisSegments(info, tables, ax));
  const inStr = rowMajorStrides(info.inSpatial), outStr = rowMajorStrides(info.outSpatial);
  const taps: TapRows[] = [];
  let links = 0;
  const tap = new Array<number>(r).fill(0);
  for (let k = 0; k < info.kernelCount; k++) {
    // Row-major tap multi-index of k.
    for (let ax = r - 1, rest = k; ax >= 0; ax--) {
      const n = info.kernelSpatial[ax]!;
      tap[ax] = rest % n;
      rest = (rest - tap[ax]!) / n;
    }
    const lead = segs.slice(0, r - 1).map((s, ax) => s[tap[ax]!]!);
    const last = segs[r - 1]![tap[r - 1]!]!;
    let rowCount = 1;
    for (const s of lead) rowCount *= s.count;
    if (last.count === 0) rowCount = 0;
    const inRow = new Int32Array(rowCount), outRow = new Int32Array(rowCount);
    if (rowCount > 0) {
      const cur = new Array<number>(lead.length).fill(0);
      for (let row = 0; row < rowCount; row++) {
        let io = 0, oo = 0;
        for (let ax = 0; ax < lead.length; ax++) {
          const s = lead[ax]!, j = cur[ax]!;
          io += (s.inStart + j * s.inStep) * inStr[ax]!;
          oo += (s.outStart + j * s.outStep) * outStr[ax]!;
        }
        inRow[row] = io; outRow[row] = oo;
        for (let ax = lead.length - 1; ax >= 0; ax--) {
          cur[ax]!++;
          if (cur[ax]! < lead[ax]!.count) break;
          cur[ax] = 0;
        }
      }
    }
    links += rowCount * last.count;
    taps.push({ kernelOffset: k, inRow, outRow, last });
  }
  return { taps, links };
}
