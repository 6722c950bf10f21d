import { describe, expect, it } from "vitest";
import { gemm } from "../../src/tensor/gemm.ts";

function naive(M: number, N: number, K: number, a: (m: number, p: number) => number, b: Float64Array): Float64Array {
  const c = new Float64Array(M * N);
  for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) {
    let s = 0;
    for (let p = 0; p < K; p++) s += a(m, p) * b[p * N + n]!;
    c[m * N + n] = s;
  }
  return c;
}

const ints = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 11) - 5);

describe("gemm", () => {
  it("[[1,2],[3,4]] times [[5],[6]] is [[17],[39]]", () => {
    const c = new Float64Array(2);
    gemm(2, 1, 2, { data: Float64Array.of(1, 2, 3, 4), offset: 0, rowStride: 2, colStride: 1 },
      { data: Float64Array.of(5, 6), offset: 0, rowStride: 1 }, { data: c, offset: 0, rowStride: 1 }, true);
    expect(Array.from(c)).toEqual([17, 39]);
  });

  it("a 7x301 by 301x263 product (edge tiles, two depth blocks, three column blocks) matches the naive product", () => {
    const M = 7, N = 263, K = 301;
    const a = ints(M * K, 1), b = ints(K * N, 2);
    const c = new Float64Array(M * N).fill(99);
    gemm(M, N, K, { data: a, offset: 0, rowStride: K, colStride: 1 }, { data: b, offset: 0, rowStride: N },
      { data: c, offset: 0, rowStride: N }, true);
    expect(c).toEqual(naive(M, N, K, (m, p) => a[m * K + p]!, b));
  });

  it("A read through its transpose strides, accumulating into an offset C, adds to what C held", () => {
    const M = 10, N = 9, K = 5;
    const at = ints(K * M, 3), b = ints(K * N, 4);
    const c = new Float64Array(3 + M * N).fill(1);
    gemm(M, N, K, { data: at, offset: 0, rowStride: 1, colStride: M }, { data: b, offset: 0, rowStride: N },
      { data: c, offset: 3, rowStride: N }, false);
    const want = naive(M, N, K, (m, p) => at[p * M + m]!, b).map((v) => v + 1);
    expect(c.subarray(3)).toEqual(want);
    expect(Array.from(c.subarray(0, 3))).toEqual([1, 1, 1]);
  });
});
