/**
 * The tensor core's matrix product in WebAssembly SIMD (AssemblyScript source; `npm run
 * build:wasm` compiles it and embeds the bytes in ../kernel-bytes.ts).
 *
 *     C[m, n] (+)= Σ_p A(m, p) · B[p, n]
 *
 * Same blocking as the JavaScript core (src/tensor/gemm.ts): A packed once into MR-row slivers
 * per depth block of KC, B packed per KC×NC block into NR-column panels, and a register-blocked
 * micro-kernel that walks one sliver against one panel with unit steps. Operands and C are
 * float64 in memory; `f32` selects packing into float32 and the f32x4 kernel (accumulating in
 * float32 within one depth block, then added into the float64 C), otherwise f64x2.
 *
 * Tile sizes measured on the project's machine (Node 20, V8 11.3, 16 xmm registers): 4×4 for
 * f64x2 (8 accumulators) and 4×8 for f32x4 ran faster than 6×4, 4×6, 3×8 and 6×8, 4×12, 3×16,
 * whose extra accumulators V8 spills.
 *
 * All pointers are byte addresses in this module's memory; strides count elements. The caller
 * (../kernel.ts) owns the memory layout: nothing here allocates.
 */

// AssemblyScript: compiled by asc (its own tsconfig.json here), excluded from the project's tsc.

const MR: i32 = 4;
const NR64: i32 = 4;
const NR32: i32 = 8;
export const KC: i32 = 256;
export const NC: i32 = 128;

/** Bytes the caller must reserve for `packB` (one KC×NC block, f64) and `tile` (MR×NR32, f64). */
export const PACK_B_BYTES: i32 = KC * NC * 8;
export const TILE_BYTES: i32 = MR * NR32 * 8;

/**
 * Packs A (element (m, p) at `src + 8·(m·rowStride + p·colStride)`, float64) into MR-row
 * slivers: depth block p0 starts at element p0·mPadded, sliver s of it holds kc·MR values,
 * p-major; rows past M are zero. Stored as f64, or as f32 when `f32`.
 */
export function packA(M: i32, K: i32, src: usize, rowStride: i32, colStride: i32, dst: usize, f32: bool): void {
  const mPadded = (M + MR - 1) / MR * MR;
  const es: usize = f32 ? 4 : 8;
  let q = dst;
  for (let p0 = 0; p0 < K; p0 += KC) {
    const kc = min(KC, K - p0);
    for (let m = 0; m < mPadded; m += MR) {
      const rows = min(MR, M - m);
      for (let p = 0; p < kc; p++) {
        const base = src + (<usize>(m * rowStride + (p0 + p) * colStride) << 3);
        for (let i = 0; i < MR; i++) {
          const v: f64 = i < rows ? load<f64>(base + (<usize>(i * rowStride) << 3)) : 0;
          if (f32) store<f32>(q, <f32>v); else store<f64>(q, v);
          q += es;
        }
      }
    }
  }
}

/** B rows p0..p0+kc, columns n0..n0+nc into NR-column panels (p-major inside a panel), zero past the block. */
function packB(b: usize, rowStride: i32, p0: i32, kc: i32, n0: i32, nc: i32, dst: usize, f32: bool): void {
  const nr = f32 ? NR32 : NR64;
  let q = dst;
  for (let n = 0; n < nc; n += nr) {
    const cols = min(nr, nc - n);
    let base = b + (<usize>(p0 * rowStride + n0 + n) << 3);
    const step = <usize>rowStride << 3;
    if (f32) {
      if (cols == NR32) {
        for (let p = 0; p < kc; p++, base += step, q += 32) {
          const lo0 = f32x4.demote_f64x2_zero(v128.load(base)), hi0 = f32x4.demote_f64x2_zero(v128.load(base, 16));
          const lo1 = f32x4.demote_f64x2_zero(v128.load(base, 32)), hi1 = f32x4.demote_f64x2_zero(v128.load(base, 48));
          v128.store(q, v128.shuffle<i32>(lo0, hi0, 0, 1, 4, 5));
          v128.store(q, v128.shuffle<i32>(lo1, hi1, 0, 1, 4, 5), 16);
        }
      } else {
        for (let p = 0; p < kc; p++, base += step) {
          for (let j = 0; j < NR32; j++, q += 4) store<f32>(q, j < cols ? <f32>load<f64>(base + (<usize>j << 3)) : 0);
        }
      }
    } else {
      if (cols == NR64) {
        for (let p = 0; p < kc; p++, base += step, q += 32) {
          v128.store(q, v128.load(base));
          v128.store(q, v128.load(base, 16), 16);
        }
      } else {
        for (let p = 0; p < kc; p++, base += step) {
          for (let j = 0; j < NR64; j++, q += 8) store<f64>(q, j < cols ? load<f64>(base + (<usize>j << 3)) : 0);
        }
      }
    }
  }
}

/**
 * C (+)= A · B with A packed by `packA` (same M, K, f32). B (float64, row stride `bRowStride`)
 * and C (float64, row stride `cRowStride`) are read in place; `packBuf` (PACK_B_BYTES) and
 * `tile` (TILE_BYTES) are scratch. C is overwritten when `overwrite`, otherwise added to.
 */
export function gemmPacked(
  M: i32, N: i32, K: i32, ap: usize, b: usize, bRowStride: i32, c: usize, cRowStride: i32,
  overwrite: bool, packBuf: usize, tile: usize, f32: bool,
): void {
  if (M <= 0 || N <= 0) return;
  const mPadded = (M + MR - 1) / MR * MR;
  if (K <= 0) {
    if (overwrite) for (let m = 0; m < M; m++) memory.fill(c + (<usize>(m * cRowStride) << 3), 0, <usize>N << 3);
    return;
  }
  const es: usize = f32 ? 4 : 8;
  for (let p0 = 0; p0 < K; p0 += KC) {
    const kc = min(KC, K - p0);
    const first = overwrite && p0 == 0;
    const apBlock = ap + <usize>(p0 * mPadded) * es;
    for (let n0 = 0; n0 < N; n0 += NC) {
      const nc = min(NC, N - n0);
      packB(b, bRowStride, p0, kc, n0, nc, packBuf, f32);
      const cBlock = c + (<usize>n0 << 3);
      if (f32) macro32(mPadded, M, nc, kc, apBlock, packBuf, cBlock, cRowStride, first, tile);
      else macro64(mPadded, M, nc, kc, apBlock, packBuf, cBlock, cRowStride, first, tile);
    }
  }
}

/** Writes (or adds) the f64 values in `tile` (row stride NR32) into the part of C that exists. */
function storeEdge(tile: usize, c: usize, crs: i32, rows: i32, cols: i32, overwrite: bool): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const at = c + (<usize>(i * crs + j) << 3);
      const v = load<f64>(tile + (<usize>(i * NR32 + j) << 3));
      store<f64>(at, overwrite ? v : load<f64>(at) + v);
    }
  }
}

// @ts-ignore: decorator
@inline function put(at: usize, v: v128, overwrite: bool): void {
  v128.store(at, overwrite ? v : f64x2.add(v128.load(at), v));
}

function macro64(
  mPadded: i32, M: i32, nc: i32, kc: i32, ap: usize, bp: usize, c: usize, crs: i32, overwrite: bool, tile: usize,
): void {
  const sliver = <usize>(kc * MR) << 3, panel = <usize>(kc * NR64) << 3;
  const rowBytes = <usize>crs << 3;
  for (let m = 0; m < mPadded; m += MR) {
    const aStart = ap + <usize>(m / MR) * sliver;
    const rows = min(MR, M - m);
    for (let n = 0; n < nc; n += NR64) {
      let a = aStart, bb = bp + <usize>(n / NR64) * panel;
      const bEnd = bb + panel;
      let c00 = f64x2.splat(0), c01 = f64x2.splat(0), c10 = f64x2.splat(0), c11 = f64x2.splat(0);
      let c20 = f64x2.splat(0), c21 = f64x2.splat(0), c30 = f64x2.splat(0), c31 = f64x2.splat(0);
      while (bb < bEnd) {
        const b0 = v128.load(bb), b1 = v128.load(bb, 16);
        const a0 = v128.load64_splat(a);
        c00 = f64x2.add(c00, f64x2.mul(a0, b0)); c01 = f64x2.add(c01, f64x2.mul(a0, b1));
        const a1 = v128.load64_splat(a, 8);
        c10 = f64x2.add(c10, f64x2.mul(a1, b0)); c11 = f64x2.add(c11, f64x2.mul(a1, b1));
        const a2 = v128.load64_splat(a, 16);
        c20 = f64x2.add(c20, f64x2.mul(a2, b0)); c21 = f64x2.add(c21, f64x2.mul(a2, b1));
        const a3 = v128.load64_splat(a, 24);
        c30 = f64x2.add(c30, f64x2.mul(a3, b0)); c31 = f64x2.add(c31, f64x2.mul(a3, b1));
        a += 32; bb += 32;
      }
      const cols = min(NR64, nc - n);
      const c0 = c + (<usize>(m * crs + n) << 3);
      if (rows == MR && cols == NR64) {
        put(c0, c00, overwrite); put(c0 + 16, c01, overwrite);
        const c1 = c0 + rowBytes;
        put(c1, c10, overwrite); put(c1 + 16, c11, overwrite);
        const c2 = c1 + rowBytes;
        put(c2, c20, overwrite); put(c2 + 16, c21, overwrite);
        const c3 = c2 + rowBytes;
        put(c3, c30, overwrite); put(c3 + 16, c31, overwrite);
      } else {
        v128.store(tile, c00); v128.store(tile, c01, 16);
        v128.store(tile, c10, 64); v128.store(tile, c11, 80);
        v128.store(tile, c20, 128); v128.store(tile, c21, 144);
        v128.store(tile, c30, 192); v128.store(tile, c31, 208);
        storeEdge(tile, c0, crs, rows, cols, overwrite);
      }
    }
  }
}

/** Four f32 lanes as two f64x2 added into (or written to) C at `at`. */
// @ts-ignore: decorator
@inline function put32(at: usize, v: v128, overwrite: bool): void {
  put(at, f64x2.promote_low_f32x4(v), overwrite);
  put(at + 16, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)), overwrite);
}

// @ts-ignore: decorator
@inline function tile32(at: usize, v: v128): void {
  v128.store(at, f64x2.promote_low_f32x4(v));
  v128.store(at, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)), 16);
}

function macro32(
  mPadded: i32, M: i32, nc: i32, kc: i32, ap: usize, bp: usize, c: usize, crs: i32, overwrite: bool, tile: usize,
): void {
  const sliver = <usize>(kc * MR) << 2, panel = <usize>(kc * NR32) << 2;
  const rowBytes = <usize>crs << 3;
  for (let m = 0; m < mPadded; m += MR) {
    const aStart = ap + <usize>(m / MR) * sliver;
    const rows = min(MR, M - m);
    for (let n = 0; n < nc; n += NR32) {
      let a = aStart, bb = bp + <usize>(n / NR32) * panel;
      const bEnd = bb + panel;
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      while (bb < bEnd) {
        const b0 = v128.load(bb), b1 = v128.load(bb, 16);
        const a0 = v128.load32_splat(a);
        c00 = f32x4.add(c00, f32x4.mul(a0, b0)); c01 = f32x4.add(c01, f32x4.mul(a0, b1));
        const a1 = v128.load32_splat(a, 4);
        c10 = f32x4.add(c10, f32x4.mul(a1, b0)); c11 = f32x4.add(c11, f32x4.mul(a1, b1));
        const a2 = v128.load32_splat(a, 8);
        c20 = f32x4.add(c20, f32x4.mul(a2, b0)); c21 = f32x4.add(c21, f32x4.mul(a2, b1));
        const a3 = v128.load32_splat(a, 12);
        c30 = f32x4.add(c30, f32x4.mul(a3, b0)); c31 = f32x4.add(c31, f32x4.mul(a3, b1));
        a += 16; bb += 32;
      }
      const cols = min(NR32, nc - n);
      const c0 = c + (<usize>(m * crs + n) << 3);
      if (rows == MR && cols == NR32) {
        put32(c0, c00, overwrite); put32(c0 + 32, c01, overwrite);
        const c1 = c0 + rowBytes;
        put32(c1, c10, overwrite); put32(c1 + 32, c11, overwrite);
        const c2 = c1 + rowBytes;
        put32(c2, c20, overwrite); put32(c2 + 32, c21, overwrite);
        const c3 = c2 + rowBytes;
        put32(c3, c30, overwrite); put32(c3 + 32, c31, overwrite);
      } else {
        tile32(tile, c00); tile32(tile + 32, c01);
        tile32(tile + 64, c10); tile32(tile + 96, c11);
        tile32(tile + 128, c20); tile32(tile + 160, c21);
        tile32(tile + 192, c30); tile32(tile + 224, c31);
        storeEdge(tile, c0, crs, rows, cols, overwrite);
      }
    }
  }
}

/**
 * The direct path (few channels) in float64, the same arithmetic and order as
 * src/tensor/direct.ts: for every (image, output channel, input channel, kernel tap), one scaled
 * add of the input rows the tap connects into the output rows it reaches — two lanes at a time
 * where both sides are contiguous, so every cell gets exactly the additions the JavaScript path
 * makes. `plan` is the tap plan as i32: tap count, then per tap kernelOffset, rows, count,
 * inStart, inStep, outStart, outStep, and where its rows start (in i32 from `plan`) as (inRow, outRow) pairs.
 * `out` must hold zeros (or what to add to).
 */
export function direct(
  batch: i32, groups: i32, inChannels: i32, outChannels: i32, inCount: i32, outCount: i32, kernelCount: i32,
  transposed: bool, plan: usize, x: usize, w: usize, out: usize,
): void {
  const cig = inChannels / groups, cog = outChannels / groups;
  const taps = load<i32>(plan);
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      for (let col = 0; col < cog; col++) {
        const co = g * cog + col;
        const oPlane = out + (<usize>((n * outChannels + co) * outCount) << 3);
        for (let cil = 0; cil < cig; cil++) {
          const ci = g * cig + cil;
          const xPlane = x + (<usize>((n * inChannels + ci) * inCount) << 3);
          const wBase = transposed ? (ci * cog + col) * kernelCount : (co * cig + cil) * kernelCount;
          for (let t = 0; t < taps; t++) {
            const e = plan + 4 + (<usize>t << 5);
            const wv = load<f64>(w + (<usize>(wBase + load<i32>(e)) << 3));
            axpyRows(oPlane, xPlane, wv, load<i32>(e, 4), load<i32>(e, 8), load<i32>(e, 12), load<i32>(e, 16),
              load<i32>(e, 20), load<i32>(e, 24), plan + (<usize>load<i32>(e, 28) << 2));
          }
        }
      }
    }
  }
}

function axpyRows(
  oPlane: usize, xPlane: usize, wv: f64, rows: i32, count: i32, inStart: i32, inStep: i32, outStart: i32, outStep: i32, rowsAt: usize,
): void {
  const wv2 = f64x2.splat(wv);
  for (let r = 0; r < rows; r++) {
    const pair = rowsAt + (<usize>r << 3);
    let i = xPlane + (<usize>(load<i32>(pair) + inStart) << 3);
    let o = oPlane + (<usize>(load<i32>(pair, 4) + outStart) << 3);
    if (inStep == 1 && outStep == 1) {
      const end2 = o + (<usize>(count & ~1) << 3), end = o + (<usize>count << 3);
      for (; o < end2; o += 16, i += 16) v128.store(o, f64x2.add(v128.load(o), f64x2.mul(wv2, v128.load(i))));
      if (o < end) store<f64>(o, load<f64>(o) + wv * load<f64>(i));
    } else {
      const is = <usize>inStep << 3, os = <usize>outStep << 3;
      for (let j = 0; j < count; j++, i += is, o += os) store<f64>(o, load<f64>(o) + wv * load<f64>(i));
    }
  }
}

/**
 * col2im (see src/tensor/col2im.ts): adds the columns of a transposed convolution, which hold
 * only the input cells [lo, hi) (row stride hi − lo), into the output block of `cog` channels at
 * `out`. `plan` is encoded as for `direct`; a tap's rows are ascending in their input offset,
 * so the rows that meet [lo, hi) are found by bisection.
 */
export function col2im(plan: usize, cols: usize, cog: i32, kernelCount: i32, lo: i32, hi: i32, out: usize, outCount: i32): void {
  const taps = load<i32>(plan);
  const width = hi - lo;
  for (let c = 0; c < cog; c++) {
    const oPlane = out + (<usize>(c * outCount) << 3);
    for (let t = 0; t < taps; t++) {
      const e = plan + 4 + (<usize>t << 5);
      const rows = load<i32>(e, 4), count = load<i32>(e, 8), inStart = load<i32>(e, 12);
      const outStart = load<i32>(e, 20), os = <usize>load<i32>(e, 24) << 3;
      const rowsAt = plan + (<usize>load<i32>(e, 28) << 2);
      const src = cols + (<usize>((c * kernelCount + load<i32>(e)) * width) << 3);
      let a = 0, b = rows;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (load<i32>(rowsAt + (<usize>mid << 3)) + inStart + count > lo) b = mid; else a = mid + 1;
      }
      for (let r = a; r < rows; r++) {
        const pair = rowsAt + (<usize>r << 3);
        const first = load<i32>(pair) + inStart;
        if (first >= hi) break;
        const jLo = first < lo ? lo - first : 0;
        const jHi = first + count > hi ? hi - first : count;
        let s = src + (<usize>(first - lo + jLo) << 3);
        let o = oPlane + (<usize>(load<i32>(pair, 4) + outStart) << 3) + <usize>jLo * os;
        for (let j = jLo; j < jHi; j++, s += 8, o += os) store<f64>(o, load<f64>(o) + load<f64>(s));
      }
    }
  }
}
