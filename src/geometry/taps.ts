import type { AxisInfo, ConvInfo } from "./conv-info.ts";
import { narrowPosition, widePosition } from "./relation.ts";

/**
 * A per-axis table in compressed-row form: for each row `r`, the pairs
 * (`index[j]`, `tap[j]`) for `j` in [`start[r]`, `start[r+1]`).
 */
export interface AxisTable {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly tap: Int32Array;
}

/**
 * The tap tables of a problem, built once from the index relation and shared by every view.
 * - `gather[axis]`: rows are the operation's output positions; pairs are (input position, tap),
 *   in ascending input position — the order in which every cell's terms are listed.
 * - `scatter[axis]`: rows are the operation's input positions; pairs are (output position, tap),
 *   in ascending output position; positions cropped away by padding are left out.
 * N-D terms are the Cartesian product of the per-axis pairs, so tables stay O(size · k) per axis.
 */
export interface TapTables {
  readonly gather: readonly AxisTable[];
  readonly scatter: readonly AxisTable[];
}

type Pair = [index: number, tap: number];

function toTable(rows: Pair[][]): AxisTable {
  const start = new Int32Array(rows.length + 1);
  let n = 0;
  rows.forEach((row, r) => { n += row.length; start[r + 1] = n; });
  const index = new Int32Array(n), tap = new Int32Array(n);
  let j = 0;
  for (const row of rows) for (const [i, t] of row) { index[j] = i; tap[j] = t; j++; }
  return { start, index, tap };
}

/** For each output position: the (input position, tap) pairs that reach it. */
export function gatherTable(op: ConvInfo["op"], axis: AxisInfo): AxisTable {
  const rows: Pair[][] = [];
  for (let o = 0; o < axis.outSize; o++) {
    const row: Pair[] = [];
    if (op === "transposed") {
      // Input position a = (o + p − t·d)/s falls as t rises: walk taps downwards for ascending a.
      for (let t = axis.kernel - 1; t >= 0; t--) {
        const a = narrowPosition(axis, o, t);
        if (a >= 0 && a < axis.inSize) row.push([a, t]);
      }
    } else {
      for (let t = 0; t < axis.kernel; t++) {
        const a = widePosition(axis, o, t);
        if (a >= 0 && a < axis.inSize) row.push([a, t]);
      }
    }
    rows.push(row);
  }
  return toTable(rows);
}

/** For each input position: the (output position, tap) pairs it contributes to. */
export function scatterTable(op: ConvInfo["op"], axis: AxisInfo): AxisTable {
  const rows: Pair[][] = [];
  for (let a = 0; a < axis.inSize; a++) {
    const row: Pair[] = [];
    if (op === "transposed") {
      for (let t = 0; t < axis.kernel; t++) {
        const o = widePosition(axis, a, t);
        if (o >= 0 && o < axis.outSize) row.push([o, t]);
      }
    } else {
      for (let t = axis.kernel - 1; t >= 0; t--) {
        const o = narrowPosition(axis, a, t);
        if (o >= 0 && o < axis.outSize) row.push([o, t]);
      }
    }
    rows.push(row);
  }
  return toTable(rows);
}

const cache = new WeakMap<ConvInfo, TapTables>();

/** The tables of a problem; built once per ConvInfo and cached. */
export function tapTables(info: ConvInfo): TapTables {
  let t = cache.get(info);
  if (!t) {
    t = Object.freeze({
      gather: Object.freeze(info.axes.map((a) => gatherTable(info.op, a))),
      scatter: Object.freeze(info.axes.map((a) => scatterTable(info.op, a))),
    });
    cache.set(info, t);
  }
  return t;
}

/** Row-major strides of a shape (last axis fastest). */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) { strides[i] = s; s *= shape[i]!; }
  return strides;
}

/** Multi-index of a row-major flat index. */
export function unflatten(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i]!;
    idx[i] = flat % n;
    flat = Math.floor(flat / n);
  }
  return idx;
}

/**
 * Calls `visit(inputFlat, kernelFlat)` for every spatial term of output cell `outFlat`
 * (row-major over the spatial axes), in the documented order: ascending input position,
 * row-major. Allocation-free apart from two small scratch arrays per call.
 */
export function forEachCellTerm(
  info: ConvInfo, tables: TapTables, outFlat: number,
  visit: (inputFlat: number, kernelFlat: number) => void,
): void {
  const r = info.rank;
  const lo = new Array<number>(r), hi = new Array<number>(r), cur = new Array<number>(r);
  let rest = outFlat;
  for (let ax = r - 1; ax >= 0; ax--) {
    const n = info.axes[ax]!.outSize;
    const o = rest % n;
    rest = (rest - o) / n;
    const g = tables.gather[ax]!;
    lo[ax] = g.start[o]!; hi[ax] = g.start[o + 1]!;
    if (lo[ax] === hi[ax]) return;
    cur[ax] = lo[ax]!;
  }
  const inStr = rowMajorStrides(info.inSpatial), kStr = rowMajorStrides(info.kernelSpatial);
  for (;;) {
    let inFlat = 0, kFlat = 0;
    for (let ax = 0; ax < r; ax++) {
      const g = tables.gather[ax]!, j = cur[ax]!;
      inFlat += g.index[j]! * inStr[ax]!;
      kFlat += g.tap[j]! * kStr[ax]!;
    }
    visit(inFlat, kFlat);
    let ax = r - 1;
    while (ax >= 0) {
      cur[ax]!++;
      if (cur[ax]! < hi[ax]!) break;
      cur[ax] = lo[ax]!;
      ax--;
    }
    if (ax < 0) return;
  }
}
