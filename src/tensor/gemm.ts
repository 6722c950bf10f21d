/**
 * A blocked float64 matrix product for the tensor core:
 *
 *     C[m, n] (+)= Σ_p A(m, p) · B[p, n]
 *
 * A is read through two strides (so the transposed-convolution weight, read as Wᵀ, and the
 * convolution weight share this code); B and C are row-major with their own row strides.
 * A is packed into 4-row slivers and B into 4-column panels per cache block, so the 4×4
 * register kernel walks both with unit steps; in V8 this is ~2× an unpacked loop.
 */

/** The A operand: element (m, p) is `data[offset + m·rowStride + p·colStride]`. */
export interface GemmA {
  readonly data: Float64Array;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

/** A row-major operand: element (r, c) is `data[offset + r·rowStride + c]`. */
export interface GemmRowMajor {
  readonly data: Float64Array;
  readonly offset: number;
  readonly rowStride: number;
}

// Block sizes: a KC×NC panel of B (256 KB) stays in L2 while every A sliver passes over it.
const KC = 256;
const NC = 128;
const MR = 4;
const NR = 4;

// Scratch reused across calls: the core never allocates per element or per tile.
let packAScratch: Float64Array = new Float64Array(0);
const packB = new Float64Array(KC * NC);
const tile = new Float64Array(MR * NR);

/**
 * A packed into 4-row slivers for every depth block: block p0 starts at `p0 · mPadded` and holds
 * `mPadded/4` slivers of kc·4 values. Pack once, multiply by many B (every image, every block).
 */
export interface PackedA {
  readonly M: number;
  readonly K: number;
  readonly mPadded: number;
  readonly data: Float64Array;
}

/**
 * Packs A. The result lives in a scratch buffer shared by every call: it is valid until the
 * next `packA` (the core runs one product at a time).
 *
 * @example
 * const pa = packA(2, 2, { data: Float64Array.of(1, 2, 3, 4), offset: 0, rowStride: 2, colStride: 1 });
 */
export function packA(M: number, K: number, a: GemmA): PackedA {
  const mPadded = Math.ceil(M / MR) * MR;
  if (packAScratch.length < mPadded * K) packAScratch = new Float64Array(mPadded * K);
  for (let p0 = 0; p0 < K; p0 += KC) packSlivers(a, M, mPadded, p0, Math.min(KC, K - p0), packAScratch, p0 * mPadded);
  return { M, K, mPadded, data: packAScratch };
}

/**
 * C (+)= A · B with A already packed.
 *
 * @example
 * gemmPacked(packA(M, K, a), N, b, c, true);
 */
export function gemmPacked(pa: PackedA, N: number, b: GemmRowMajor, c: GemmRowMajor, overwrite: boolean): void {
  const { M, K, mPadded } = pa;
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    if (overwrite) for (let m = 0; m < M; m++) c.data.fill(0, c.offset + m * c.rowStride, c.offset + m * c.rowStride + N);
    return;
  }
  for (let p0 = 0; p0 < K; p0 += KC) {
    const kc = Math.min(KC, K - p0);
    const first = overwrite && p0 === 0;
    for (let n0 = 0; n0 < N; n0 += NC) {
      const nc = Math.min(NC, N - n0);
      packPanels(b, p0, kc, n0, nc, packB);
      macroKernel(mPadded, M, nc, n0, kc, pa.data, p0 * mPadded, packB, c, first);
    }
  }
}

/**
 * Multiplies and adds into C, or overwrites C when `overwrite` is true.
 *
 * @example
 * // [[1,2],[3,4]] · [[5],[6]] = [[17],[39]]
 * const c = new Float64Array(2);
 * gemm(2, 1, 2,
 *   { data: Float64Array.of(1, 2, 3, 4), offset: 0, rowStride: 2, colStride: 1 },
 *   { data: Float64Array.of(5, 6), offset: 0, rowStride: 1 },
 *   { data: c, offset: 0, rowStride: 1 }, true);
 */
export function gemm(
  M: number, N: number, K: number, a: GemmA, b: GemmRowMajor, c: GemmRowMajor, overwrite: boolean,
): void {
  gemmPacked(packA(M, K, a), N, b, c, overwrite);
}

/** A rows into slivers of 4: ap[(m/4)·kc·4 + p·4 + i] = A(m + i, p0 + p), zero past row M. */
function packSlivers(a: GemmA, M: number, mPadded: number, p0: number, kc: number, ap: Float64Array, into: number): void {
  const src = a.data, rs = a.rowStride, cs = a.colStride;
  let q = into;
  for (let m = 0; m < mPadded; m += MR) {
    const rows = Math.min(MR, M - m);
    let base = a.offset + m * rs + p0 * cs;
    if (rows === MR) {
      for (let p = 0; p < kc; p++, base += cs, q += MR) {
        ap[q] = src[base]!; ap[q + 1] = src[base + rs]!; ap[q + 2] = src[base + 2 * rs]!; ap[q + 3] = src[base + 3 * rs]!;
      }
    } else {
      for (let p = 0; p < kc; p++, base += cs, q += MR) {
        for (let i = 0; i < MR; i++) ap[q + i] = i < rows ? src[base + i * rs]! : 0;
      }
    }
  }
}

/** B columns into panels of 4: bp[(n/4)·kc·4 + p·4 + j] = B[p0 + p, n0 + n + j], zero past the block. */
function packPanels(b: GemmRowMajor, p0: number, kc: number, n0: number, nc: number, bp: Float64Array): void {
  const src = b.data, rs = b.rowStride;
  let q = 0;
  for (let n = 0; n < nc; n += NR) {
    const cols = Math.min(NR, nc - n);
    let base = b.offset + p0 * rs + n0 + n;
    if (cols === NR) {
      for (let p = 0; p < kc; p++, base += rs, q += NR) {
        bp[q] = src[base]!; bp[q + 1] = src[base + 1]!; bp[q + 2] = src[base + 2]!; bp[q + 3] = src[base + 3]!;
      }
    } else {
      for (let p = 0; p < kc; p++, base += rs, q += NR) {
        for (let j = 0; j < NR; j++) bp[q + j] = j < cols ? src[base + j]! : 0;
      }
    }
  }
}

function macroKernel(
  mPadded: number, M: number, nc: number, n0: number, kc: number,
  ap: Float64Array, apBase: number, bp: Float64Array, c: GemmRowMajor, overwrite: boolean,
): void {
  const cd = c.data, crs = c.rowStride;
  const sliver = kc * MR;
  for (let m = 0; m < mPadded; m += MR) {
    const aBase = apBase + (m / MR) * sliver;
    const fullRows = m + MR <= M;
    for (let n = 0; n < nc; n += NR) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      let ai = aBase, bi = (n / NR) * sliver;
      const bEnd = bi + sliver;
      while (bi < bEnd) {
        const a0 = ap[ai]!, a1 = ap[ai + 1]!, a2 = ap[ai + 2]!, a3 = ap[ai + 3]!;
        const b0 = bp[bi]!, b1 = bp[bi + 1]!, b2 = bp[bi + 2]!, b3 = bp[bi + 3]!;
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
        ai += MR; bi += NR;
      }
      const c0 = c.offset + m * crs + n0 + n;
      if (fullRows && n + NR <= nc) {
        const c1 = c0 + crs, c2 = c1 + crs, c3 = c2 + crs;
        if (overwrite) {
          cd[c0] = s00; cd[c0 + 1] = s01; cd[c0 + 2] = s02; cd[c0 + 3] = s03;
          cd[c1] = s10; cd[c1 + 1] = s11; cd[c1 + 2] = s12; cd[c1 + 3] = s13;
          cd[c2] = s20; cd[c2 + 1] = s21; cd[c2 + 2] = s22; cd[c2 + 3] = s23;
          cd[c3] = s30; cd[c3 + 1] = s31; cd[c3 + 2] = s32; cd[c3 + 3] = s33;
        } else {
          cd[c0] = cd[c0]! + s00; cd[c0 + 1] = cd[c0 + 1]! + s01; cd[c0 + 2] = cd[c0 + 2]! + s02; cd[c0 + 3] = cd[c0 + 3]! + s03;
          cd[c1] = cd[c1]! + s10; cd[c1 + 1] = cd[c1 + 1]! + s11; cd[c1 + 2] = cd[c1 + 2]! + s12; cd[c1 + 3] = cd[c1 + 3]! + s13;
          cd[c2] = cd[c2]! + s20; cd[c2 + 1] = cd[c2 + 1]! + s21; cd[c2 + 2] = cd[c2 + 2]! + s22; cd[c2 + 3] = cd[c2 + 3]! + s23;
          cd[c3] = cd[c3]! + s30; cd[c3 + 1] = cd[c3 + 1]! + s31; cd[c3 + 2] = cd[c3 + 2]! + s32; cd[c3 + 3] = cd[c3 + 3]! + s33;
        }
      } else {
        // An edge tile: only part of it lies inside C.
        tile[0] = s00; tile[1] = s01; tile[2] = s02; tile[3] = s03;
        tile[4] = s10; tile[5] = s11; tile[6] = s12; tile[7] = s13;
        tile[8] = s20; tile[9] = s21; tile[10] = s22; tile[11] = s23;
        tile[12] = s30; tile[13] = s31; tile[14] = s32; tile[15] = s33;
        const rows = Math.min(MR, M - m), cols = Math.min(NR, nc - n);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const at = c0 + i * crs + j;
            cd[at] = overwrite ? tile[i * NR + j]! : cd[at]! + tile[i * NR + j]!;
          }
        }
      }
    }
  }
}
