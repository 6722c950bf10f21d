/**
 * The innermost loops of the core, each a small leaf function: V8 optimises a short function
 * with one tight loop far better (about 2× here) than the same loop inlined in a large body.
 * A "row" is one run of `count` cells along the last axis; `inRow`/`outRow` give the offsets
 * of the runs, as in a TapRows plan. Loops are unrolled by four (about 1.5× in V8); each cell
 * still gets exactly one addition, so results do not depend on the unrolling.
 */

/** out[o + j] += wv · x[i + j] along every row; both sides contiguous. */
export function axpyRowsUnit(
  out: Float64Array, oBase: number, outRow: Int32Array,
  x: Float64Array, iBase: number, inRow: Int32Array, count: number, wv: number,
): void {
  const rows = inRow.length;
  const c4 = count & ~3;
  for (let r = 0; r < rows; r++) {
    let i = iBase + inRow[r]!, o = oBase + outRow[r]!;
    const end4 = o + c4, end = o + count;
    for (; o < end4; o += 4, i += 4) {
      out[o] = out[o]! + wv * x[i]!;
      out[o + 1] = out[o + 1]! + wv * x[i + 1]!;
      out[o + 2] = out[o + 2]! + wv * x[i + 2]!;
      out[o + 3] = out[o + 3]! + wv * x[i + 3]!;
    }
    for (; o < end; o++, i++) out[o] = out[o]! + wv * x[i]!;
  }
}

/** out[o + j·oStep] += wv · x[i + j·iStep] along every row. */
export function axpyRowsStrided(
  out: Float64Array, oBase: number, outRow: Int32Array, oStep: number,
  x: Float64Array, iBase: number, inRow: Int32Array, iStep: number, count: number, wv: number,
): void {
  const rows = inRow.length;
  const c4 = count & ~3, i2 = 2 * iStep, i3 = 3 * iStep, i4 = 4 * iStep, o2 = 2 * oStep, o3 = 3 * oStep, o4 = 4 * oStep;
  for (let r = 0; r < rows; r++) {
    let i = iBase + inRow[r]!, o = oBase + outRow[r]!, j = 0;
    for (; j < c4; j += 4, i += i4, o += o4) {
      out[o] = out[o]! + wv * x[i]!;
      out[o + oStep] = out[o + oStep]! + wv * x[i + iStep]!;
      out[o + o2] = out[o + o2]! + wv * x[i + i2]!;
      out[o + o3] = out[o + o3]! + wv * x[i + i3]!;
    }
    for (; j < count; j++, i += iStep, o += oStep) out[o] = out[o]! + wv * x[i]!;
  }
}

/**
 * out[o + j·oStep] += src[s + j] along every row, keeping only the cells whose source offset
 * `inRow[r] + inStart + j` lies in [lo, hi); `src` holds just that range (offset `lo`, so
 * cell `c` is at `src[srcBase + c − lo]`). `inRow` is ascending (rows follow the leading axes
 * in order), so the rows that meet [lo, hi) are found by bisection and the others never visited.
 */
export function addRowsClipped(
  out: Float64Array, oBase: number, outRow: Int32Array, oStep: number,
  src: Float64Array, srcBase: number, inRow: Int32Array, inStart: number, count: number, lo: number, hi: number,
): void {
  const rows = inRow.length, o2 = 2 * oStep, o3 = 3 * oStep, o4 = 4 * oStep;
  // The first row whose run ends past lo.
  let a = 0, b = rows;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (inRow[mid]! + inStart + count > lo) b = mid; else a = mid + 1;
  }
  for (let r = a; r < rows; r++) {
    const first = inRow[r]! + inStart;
    if (first >= hi) break;
    const jLo = first < lo ? lo - first : 0;
    const jHi = first + count > hi ? hi - first : count;
    if (jLo >= jHi) continue;
    let s = srcBase + first - lo + jLo, o = oBase + outRow[r]! + jLo * oStep, j = jLo;
    const j4 = jHi - 3;
    for (; j < j4; j += 4, s += 4, o += o4) {
      out[o] = out[o]! + src[s]!;
      out[o + oStep] = out[o + oStep]! + src[s + 1]!;
      out[o + o2] = out[o + o2]! + src[s + 2]!;
      out[o + o3] = out[o + o3]! + src[s + 3]!;
    }
    for (; j < jHi; j++, s++, o += oStep) out[o] = out[o]! + src[s]!;
  }
}

/** dst[o + j·oStep] = x[i + j·iStep] along every row. */
export function copyRows(
  dst: Float64Array, oBase: number, outRow: Int32Array, oStep: number,
  x: Float64Array, iBase: number, inRow: Int32Array, iStep: number, count: number,
): void {
  const rows = inRow.length;
  for (let r = 0; r < rows; r++) {
    let i = iBase + inRow[r]!, o = oBase + outRow[r]!;
    for (let j = 0; j < count; j++, i += iStep, o += oStep) dst[o] = x[i]!;
  }
}
