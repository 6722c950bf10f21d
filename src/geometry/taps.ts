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

/** Packs rows of (index, tap) pairs into compressed-row form. */
export function toTable(rows: readonly (readonly [number, number])[][]): AxisTable {
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
 * Row-major flat index of a multi-index (the inverse of {@link unflatten}).
 *
 * @example flatten([1, 2], [3, 4]) // → 6
 */
export function flatten(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let i = 0; i < shape.length; i++) flat = flat * shape[i]! + idx[i]!;
  return flat;
}

/**
 * How many combinations each row of `rowShape` (row-major) has: the product over axes of its
 * per-axis pair counts (0 when some axis has no pair).
 *
 * @example
 * const info = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).info;
 * Array.from(productCounts(tapTables(info).gather, info.outSpatial)) // → [1, 2, 1, 2, 4, 2, 1, 2, 1]
 */
export function productCounts(tables: readonly AxisTable[], rowShape: readonly number[]): Int32Array {
  let counts = new Int32Array([1]);
  tables.forEach((t, ax) => {
    const n = rowShape[ax]!;
    const next = new Int32Array(counts.length * n);
    for (let i = 0; i < counts.length; i++) {
      for (let p = 0; p < n; p++) next[i * n + p] = counts[i]! * (t.start[p + 1]! - t.start[p]!);
    }
    counts = next;
  });
  return counts;
}

/**
 * A walker over the Cartesian products of per-axis tap tables: `walk(row, visit)` calls
 * `visit(targetFlat, tapFlat)` for each combination of the pairs of the multi-position `row`
 * (flat, row-major over `rowShape`), last axis fastest, with the flat indices taken over
 * `targetStrides` and `tapStrides`; a row with no pair on some axis visits nothing. The walker
 * owns its scratch, so one walker serves any number of rows without allocating.
 */
function productWalker(
  tables: readonly AxisTable[], rowShape: readonly number[],
  targetStrides: readonly number[], tapStrides: readonly number[],
): (row: number, visit: (target: number, tap: number) => void) => void {
  const r = tables.length;
  const lo = new Int32Array(r), hi = new Int32Array(r), cur = new Int32Array(r);
  return (row, visit) => {
    let rest = row;
    for (let ax = r - 1; ax >= 0; ax--) {
      const n = rowShape[ax]!, p = rest % n;
      rest = (rest - p) / n;
      lo[ax] = tables[ax]!.start[p]!; hi[ax] = tables[ax]!.start[p + 1]!;
      if (lo[ax] === hi[ax]) return;
      cur[ax] = lo[ax]!;
    }
    for (;;) {
      let t = 0, k = 0;
      for (let ax = 0; ax < r; ax++) {
        const tb = tables[ax]!, j = cur[ax]!;
        t += tb.index[j]! * targetStrides[ax]!;
        k += tb.tap[j]! * tapStrides[ax]!;
      }
      visit(t, k);
      let ax = r - 1;
      while (ax >= 0) {
        if (++cur[ax]! < hi[ax]!) break;
        cur[ax] = lo[ax]!;
        ax--;
      }
      if (ax < 0) return;
    }
  };
}

/**
 * The one N-D loop over tap tables, for one row: for the multi-position `row` (flat, row-major
 * over `rowShape`), calls `visit(targetFlat, tapFlat)` for each combination of the per-axis pairs
 * (the Cartesian product, last axis fastest), with the flat indices taken over `targetStrides`
 * and `tapStrides`. Rows with no pair on some axis visit nothing.
 *
 * @example
 * const info = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).info;
 * const pairs: number[][] = [];
 * forEachProduct(tapTables(info).gather, info.outSpatial, 4, [2, 1], [2, 1], (i, k) => pairs.push([i, k]));
 * pairs // → [[0, 3], [1, 2], [2, 1], [3, 0]]
 */
export function forEachProduct(
  tables: readonly AxisTable[], rowShape: readonly number[], row: number,
  targetStrides: readonly number[], tapStrides: readonly number[],
  visit: (target: number, tap: number) => void,
): void {
  productWalker(tables, rowShape, targetStrides, tapStrides)(row, visit);
}

/** Every row's combinations in compressed-row form: row r's pairs are [start[r], start[r+1]). */
export interface ProductRows {
  readonly start: Int32Array;
  /** Flat index over the target strides (the positions the tables' `index` names). */
  readonly target: Int32Array;
  /** Flat index over the tap strides (the kernel). */
  readonly tap: Int32Array;
}

/**
 * The same loop as {@link forEachProduct} over every row of `rowShape` at once, packed into
 * compressed rows (three Int32Arrays): counts first ({@link productCounts}), then one pass.
 *
 * @example
 * const info = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).info;
 * const rows = productRows(tapTables(info).gather, info.outSpatial, [2, 1], [2, 1]);
 * Array.from(rows.target.slice(rows.start[4], rows.start[5])) // → [0, 1, 2, 3]
 */
export function productRows(
  tables: readonly AxisTable[], rowShape: readonly number[],
  targetStrides: readonly number[], tapStrides: readonly number[],
): ProductRows {
  const counts = productCounts(tables, rowShape);
  const rows = counts.length;
  const start = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) start[r + 1] = start[r]! + counts[r]!;
  const target = new Int32Array(start[rows]!), tap = new Int32Array(start[rows]!);
  const walk = productWalker(tables, rowShape, targetStrides, tapStrides);
  let j = 0;
  const put = (t: number, k: number) => { target[j] = t; tap[j] = k; j++; };
  for (let r = 0; r < rows; r++) walk(r, put);
  if (j !== target.length) throw new Error("productRows: the walk disagrees with the counts");
  return { start, target, tap };
}

/**
 * The weight's flat offset of the kernel slice that joins input channel `ci` to output channel
 * `co` (in the same group), in the op's canonical storage: [C_in, C_out/g, *k] for `transposed`,
 * [C_out, C_in/g, *k] for `conv`. Add a kernel spatial flat index to reach one tap.
 *
 * @example
 * // transposed, torch layout: 2 input channels, weight [C_in, C_out/g, *k] = [2, 2, 2, 2], 2 groups
 * const info = parseShapeProblem({ layout: "torch", inputShape: "1,2,2,2", kernelShape: "2,2,2,2", groups: 2 }).info;
 * weightOffset(info, 1, 3) // → 12 (slice w[1, 3 mod 2]: (1·2 + 1)·4 taps)
 */
export function weightOffset(info: ConvInfo, ci: number, co: number): number {
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  return info.op === "transposed"
    ? (ci * cog + (co % cog)) * info.kernelCount
    : (co * cig + (ci % cig)) * info.kernelCount;
}

/**
 * Calls `visit(inputFlat, kernelFlat)` for every spatial term of output cell `outFlat`
 * (row-major over the spatial axes), in the documented order: ascending input position,
 * row-major. The gather tables through {@link forEachProduct}.
 */
export function forEachCellTerm(
  info: ConvInfo, tables: TapTables, outFlat: number,
  visit: (inputFlat: number, kernelFlat: number) => void,
): void {
  forEachProduct(tables.gather, info.outSpatial, outFlat, rowMajorStrides(info.inSpatial), rowMajorStrides(info.kernelSpatial), visit);
}
