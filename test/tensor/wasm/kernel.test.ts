import { describe, expect, it } from "vitest";
import { firstDifference } from "../problems.ts";
import { simdProbe, simdSupported, wasmKernel, type WasmKernel } from "../../../src/tensor/wasm/kernel.ts";

function naive(M: number, N: number, K: number, a: (m: number, p: number) => number, b: Float64Array, ldb: number): Float64Array {
  const c = new Float64Array(M * N);
  for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) {
    let s = 0;
    for (let p = 0; p < K; p++) s += a(m, p) * b[p * ldb + n]!;
    c[m * N + n] = s;
  }
  return c;
}

const ints = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 11) - 5);

/** C = A·B through the kernel: A (M×K, row-major unless `transposedA`), B (K×N), C starting from `c0`. */
function product(k: WasmKernel, M: number, N: number, K: number, a: Float64Array, b: Float64Array, f32: boolean,
  opts: { transposedA?: boolean; overwrite?: boolean; c0?: number } = {}): Float64Array {
  k.begin();
  const aAt = k.take(a.length * 8), bAt = k.take(b.length * 8), pa = k.take(k.packedABytes(M, K, f32)), cAt = k.take(M * N * 8);
  const heap = k.heap();
  heap.set(a, aAt / 8);
  heap.set(b, bAt / 8);
  heap.fill(opts.c0 ?? 99, cAt / 8, cAt / 8 + M * N);
  if (opts.transposedA) k.packA(M, K, aAt, 1, M, pa, f32);
  else k.packA(M, K, aAt, K, 1, pa, f32);
  k.gemmPacked(M, N, K, pa, bAt, N, cAt, N, opts.overwrite ?? true, f32);
  return heap.slice(cAt / 8, cAt / 8 + M * N);
}

describe("WebAssembly SIMD detection", () => {
  it("the probe module is valid WebAssembly exactly when SIMD is supported, and Node 20 supports it", () => {
    expect(WebAssembly.validate(simdProbe)).toBe(true);
    expect(simdSupported()).toBe(true);
    // The same module returning i32 with the SIMD instruction replaced by two nops is plain
    // WebAssembly 1.0: the probe is refused only for its SIMD, never because it is malformed.
    const plain = Uint8Array.from(simdProbe);
    plain[14] = 0x7f; // result type i32
    plain[plain.length - 3] = 0x01; // nop (was the 0xfd SIMD prefix)
    plain[plain.length - 2] = 0x01; // nop (was i8x16.splat)
    expect(WebAssembly.validate(plain)).toBe(true);
  });

  it("the kernel instantiates once and is the same object on every call", () => {
    const k = wasmKernel();
    expect(k).not.toBeNull();
    expect(wasmKernel()).toBe(k);
  });
});

describe("the WebAssembly matrix product", () => {
  const k = wasmKernel()!;

  for (const f32 of [false, true]) {
    const kind = f32 ? "f32x4" : "f64x2";
    it(`${kind}: [[1,2],[3,4]] times [[5],[6]] is [[17],[39]]`, () => {
      expect(Array.from(product(k, 2, 1, 2, Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6), f32))).toEqual([17, 39]);
    });

    it(`${kind}: a 7x301 by 301x263 product (edge tiles, two depth blocks, three column blocks) matches the naive product`, () => {
      const M = 7, N = 263, K = 301;
      const a = ints(M * K, 1), b = ints(K * N, 2);
      expect(product(k, M, N, K, a, b, f32)).toEqual(naive(M, N, K, (m, p) => a[m * K + p]!, b, N));
    });

    it(`${kind}: every M and N from 1 to 9 against K = 3 and 257 (every edge-tile shape) matches the naive product`, () => {
      for (const K of [3, 257]) for (let M = 1; M <= 9; M++) for (let N = 1; N <= 9; N++) {
        const a = ints(M * K, M), b = ints(K * N, N);
        expect(product(k, M, N, K, a, b, f32), `${M}x${K} by ${K}x${N}`).toEqual(naive(M, N, K, (m, p) => a[m * K + p]!, b, N));
      }
    });

    it(`${kind}: A read through its transpose strides, accumulating, adds to what C held`, () => {
      const M = 10, N = 9, K = 5;
      const at = ints(K * M, 3), b = ints(K * N, 4);
      const want = naive(M, N, K, (m, p) => at[p * M + m]!, b, N).map((v) => v + 1);
      expect(product(k, M, N, K, at, b, f32, { transposedA: true, overwrite: false, c0: 1 })).toEqual(want);
    });
  }

  it("f32x4 rounds its operands to float32 and sums in float32 within a depth block; f64x2 keeps float64", () => {
    // 1 + 2^-30 is not a float32: the f32 kernel sees 1, the f64 kernel the exact value.
    const a = Float64Array.of(1 + 2 ** -30), b = Float64Array.of(1);
    expect(product(k, 1, 1, 1, a, b, false)[0]).toBe(1 + 2 ** -30);
    expect(product(k, 1, 1, 1, a, b, true)[0]).toBe(1);
  });

  it("K = 0 overwrites C with zeros, or leaves it when accumulating", () => {
    expect(Array.from(product(k, 2, 2, 0, new Float64Array(0), new Float64Array(0), false))).toEqual([0, 0, 0, 0]);
    expect(Array.from(product(k, 2, 2, 0, new Float64Array(0), new Float64Array(0), false, { overwrite: false, c0: 7 }))).toEqual([7, 7, 7, 7]);
  });

  it("the memory grows for a larger problem and is reused, not grown, when the same problem comes again", () => {
    const M = 300, N = 700, K = 40; // C alone is 1.6 MB
    const a = ints(M * K, 5), b = ints(K * N, 6);
    const first = product(k, M, N, K, a, b, false);
    const bytes = k.memoryBytes;
    expect(bytes).toBeGreaterThanOrEqual(M * N * 8);
    expect(firstDifference(product(k, M, N, K, a, b, false), first)).toBe("");
    expect(k.memoryBytes).toBe(bytes);
    expect(firstDifference(first, naive(M, N, K, (m, p) => a[m * K + p]!, b, N))).toBe("");
  });
});
