/**
 * The convolution matrix C in compressed sparse rows, never dense.
 *
 * C is the matrix of the ORDINARY convolution of the problem: its rows are the narrow side and
 * its columns the wide side of the relation wide = narrow·s + t·d − p.
 * - `op: "transposed"`: rows are the transposed convolution's input cells, columns its output
 *   cells, and vec(y) = Cᵀ vec(x).
 * - `op: "conv"`: rows are the convolution's output cells, columns its input cells, and
 *   vec(y) = C vec(x).
 * Numbering (per batch item; every batch item uses the same C): a row is (channel, spatial
 * position) flattened channel-major then row-major over space, i.e. row = c·(spatial count) +
 * spatial flat index; columns likewise. The channels form a block structure: block (c_row, c_col)
 * is non-zero only when both channels are in the same group, and then it holds the spatial
 * pattern of the kernel slice w[c_in, c_out mod (C_out/g)] (transposed) or w[c_out, c_in mod
 * (C_in/g)] (conv). Within a row, columns ascend.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { productRows, rowMajorStrides, tapTables, weightOffset } from "../geometry/taps.ts";
import { defaultSymbols } from "./symbols.ts";
import type { Scalar, ScalarTensor } from "./scalar.ts";

/**
 * A sparse matrix whose entries are scalars of a tensor: entry j is `values[source[j]]`, so C
 * and Cᵀ share the kernel tensor and symbolic and numeric kernels are handled alike.
 */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Entries of row r are [rowStart[r], rowStart[r+1]). */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  /** Flat index into `values` of each stored entry (for C: the canonical weight's flat index). */
  readonly source: Int32Array;
  readonly values: readonly Scalar[];
  /** Stored entries (structural non-zeros; a kernel entry equal to 0 is still stored). */
  readonly nnz: number;
}

/**
 * Builds C for a problem. `w` is the canonical weight (numbers or symbols); omitted, the default
 * kernel symbols `w_{…}` numbered from `indexBase`.
 *
 * @example
 * const { info } = parseShapeProblem({ op: "conv", inputShape: "3,3", kernelShape: "2,2" });
 * const c = convMatrix(info);
 * [c.rows, c.cols, c.nnz] // → [4, 9, 16]
 * Array.from(c.col.subarray(c.rowStart[0], c.rowStart[1])) // → [0, 1, 3, 4]
 * matrixEntry(c, 0, 4).name // → "w_{1,1}"
 */
export function convMatrix(info: ConvInfo, w?: ScalarTensor, opts: { indexBase?: 0 | 1 } = {}): SparseMatrix {
  const weight = w ?? defaultSymbols(info, opts).w;
  if (weight.data.length !== info.weightShape.reduce((a, b) => a * b, 1)) {
    throw new Error("convMatrix: weight size does not match the problem");
  }
  const transposed = info.op === "transposed";
  // Per narrow position: the (wide position, tap) pairs in ascending wide position.
  const tables = transposed ? tapTables(info).scatter : tapTables(info).gather;
  const narrowSpatial = transposed ? info.inSpatial : info.outSpatial;
  const wideSpatial = transposed ? info.outSpatial : info.inSpatial;
  const narrowChannels = transposed ? info.inChannels : info.outChannels;
  const wideChannels = transposed ? info.outChannels : info.inChannels;
  const narrowPer = transposed ? info.inChannelsPerGroup : info.outChannelsPerGroup;
  const widePer = transposed ? info.outChannelsPerGroup : info.inChannelsPerGroup;
  const narrowCount = narrowSpatial.reduce((a, b) => a * b, 1);
  const wideCount = wideSpatial.reduce((a, b) => a * b, 1);

  // Spatial pattern of each narrow position, once: (wide flat, kernel flat) pairs (geometry's one loop).
  const sp = productRows(tables, narrowSpatial, rowMajorStrides(wideSpatial), rowMajorStrides(info.kernelSpatial));
  const spStart = sp.start, spWide = sp.target, spK = sp.tap;

  // Expand over channels: a narrow channel meets every wide channel of its group.
  const rows = narrowChannels * narrowCount, cols = wideChannels * wideCount;
  const rowStart = new Int32Array(rows + 1);
  for (let cn = 0; cn < narrowChannels; cn++) {
    for (let r = 0; r < narrowCount; r++) {
      const row = cn * narrowCount + r;
      rowStart[row + 1] = rowStart[row]! + widePer * (spStart[r + 1]! - spStart[r]!);
    }
  }
  const nnz = rowStart[rows]!;
  const col = new Int32Array(nnz), source = new Int32Array(nnz);
  let j = 0;
  for (let cn = 0; cn < narrowChannels; cn++) {
    const g = Math.floor(cn / narrowPer);
    for (let r = 0; r < narrowCount; r++) {
      const a = spStart[r]!, b = spStart[r + 1]!;
      for (let wl = 0; wl < widePer; wl++) {
        const cw = g * widePer + wl;
        const wBase = transposed ? weightOffset(info, cn, cw) : weightOffset(info, cw, cn);
        const cBase = cw * wideCount;
        for (let q = a; q < b; q++) { col[j] = cBase + spWide[q]!; source[j] = wBase + spK[q]!; j++; }
      }
    }
  }
  return { rows, cols, rowStart, col, source, values: weight.data, nnz };
}

/**
 * The transpose, by a counting sort of the columns (O(nnz)); entries keep their source.
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
 * const ct = transpose(convMatrix(info));
 * [ct.rows, ct.cols] // → [9, 4]
 * [0, 1, 2, 3].map((col) => matrixEntry(ct, 4, col).name) // → ["w_{1,1}", "w_{1,0}", "w_{0,1}", "w_{0,0}"]
 */
export function transpose(m: SparseMatrix): SparseMatrix {
  const rowStart = new Int32Array(m.cols + 1);
  for (let j = 0; j < m.nnz; j++) rowStart[m.col[j]! + 1]!++;
  for (let c = 0; c < m.cols; c++) rowStart[c + 1]! += rowStart[c]!;
  const next = rowStart.slice(0, m.cols);
  const col = new Int32Array(m.nnz), source = new Int32Array(m.nnz);
  for (let r = 0; r < m.rows; r++) {
    for (let j = m.rowStart[r]!; j < m.rowStart[r + 1]!; j++) {
      const c = m.col[j]!, at = next[c]!++;
      col[at] = r; source[at] = m.source[j]!;
    }
  }
  return { rows: m.cols, cols: m.rows, rowStart, col, source, values: m.values, nnz: m.nnz };
}

/**
 * The stored entry at (row, col), or undefined for a structural zero (binary search in the row).
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
 * matrixEntry(convMatrix(info), 0, 1).name // → "w_{0,1}"
 * matrixEntry(convMatrix(info), 0, 2) // → undefined (a structural zero)
 */
export function matrixEntry(m: SparseMatrix, row: number, col: number): Scalar | undefined {
  let lo = m.rowStart[row]!, hi = m.rowStart[row + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, c = m.col[mid]!;
    if (c === col) return m.values[m.source[mid]!];
    if (c < col) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}
