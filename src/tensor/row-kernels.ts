/**
 * The innermost loops of the core, each a small leaf function: V8 optimises a short function
 * with one tight loop far better (about 2× here) than the same loop inlined in a large body.
 * A "row" is one run of `count` cells along the last axis; `inRow`/`outRow` give the offsets
 * of the runs, as in a TapRows plan.
 */

/** out[o + j] += wv · x[i + j] along every row; both sides contiguous. */
export function axpyRowsUnit(
  out: Float64Array, oBase: number, outRow: Int32Array,
  x: Float64Array, iBase: number, inRow: Int32Array, count: number, wv: number,
): void {
  const rows = inRow.length;
  for (let r = 0; r < rows; r++) {
    const i0 = iBase + inRow[r]!, o0 = oBase + outRow[r]!;
    for (let j = 0; j < count; j++) out[o0 + j] = out[o0 + j]! + wv * x[i0 + j]!;
  }
}

/** out[o + j·oStep] += wv · x[i + j·iStep] along every row. */
export function axpyRowsStrided(
  out: Float64Array, oBase: number, outRow: Int32Array, oStep: number,
  x: Float64Array, iBase: number, inRow: Int32Array, iStep: number, count: number, wv: number,
): void {
  const rows = inRow.length;
  for (let r = 0; r < rows; r++) {
    let i = iBase + inRow[r]!, o = oBase + outRow[r]!;
    for (let j = 0; j < count; j++, i += iStep, o += oStep) out[o] = out[o]! + wv * x[i]!;
  }
}

/**
 * out[o + j·oStep] += src[s + j] along every row, keeping only the cells whose source offset
 * `inRow[r] + inStart + j` lies in [lo, hi); `src` holds just that range (offset `lo`, so
 * cell `c` is at `src[srcBase + c − lo]`).
 */
export function addRowsClipped(
  out: Float64Array, oBase: number, outRow: Int32Array, oStep: number,
  src: Float64Array, srcBase: number, inRow: Int32Array, inStart: number, count: number, lo: number, hi: number,
): void {
  const rows = inRow.length;
  for (let r = 0; r < rows; r++) {
    const first = inRow[r]! + inStart;
    const jLo = first < lo ? lo - first : 0;
    const jHi = first + count > hi ? hi - first : count;
    if (jLo >= jHi) continue;
    let s = srcBase + first - lo + jLo, o = oBase + outRow[r]! + jLo * oStep;
    if (oStep === 1) {
      for (let j = jLo; j < jHi; j++, s++, o++) out[o] = out[o]! + src[s]!;
    } else {
      for (let j = jLo; j < jHi; j++, s++, o += oStep) out[o] = out[o]! + src[s]!;
    }
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
