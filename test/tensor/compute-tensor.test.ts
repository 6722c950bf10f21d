import { describe, expect, it } from "vitest";
import { computeConvInfo } from "../../src/geometry/index.ts";
import { canonicalParams } from "../../src/spec/problem.ts";
import { afterEach, vi } from "vitest";
import { choosePath, computeTensor, computeTensorWith, setWasmEnabled, wasmEnabled, WASM_MIN_TERMS, type TensorPath } from "../../src/tensor/index.ts";
import * as kernel from "../../src/tensor/wasm/kernel.ts";
import { firstDifference } from "./problems.ts";
import { TconvError } from "../../src/spec/error.ts";

const seed = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));

describe("computeTensor on fixed cases", () => {
  it("input=[[1,2],[3,4]], kernel=[[1,0],[0,-1]], stride 1 gives [[1,2,0],[3,3,-2],[0,-3,-4]]", () => {
    const y = computeTensor(seed, Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 0, 0, -1));
    expect(y).toBeInstanceOf(Float64Array);
    expect(Array.from(y)).toEqual([1, 2, 0, 3, 3, -2, 0, -3, -4]);
  });

  it("the seed problem in float32 gives the same values as a Float32Array", () => {
    const y = computeTensor(seed, Float32Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, -1));
    expect(y).toBeInstanceOf(Float32Array);
    expect(Array.from(y)).toEqual([1, 2, 0, 3, 3, -2, 0, -3, -4]);
  });

  it("the seed problem through the gemm path gives the same result as the direct path", () => {
    const y = computeTensorWith(seed, Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 0, 0, -1), undefined, "gemm");
    expect(Array.from(y)).toEqual([1, 2, 0, 3, 3, -2, 0, -3, -4]);
  });

  it("ordinary convolution of seed 001's 3x3 with [[1,0],[0,-1]] gives all -4", () => {
    const info = computeConvInfo(canonicalParams({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] }));
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), w = Float64Array.of(1, 0, 0, -1);
    expect(Array.from(computeTensor(info, x, w))).toEqual([-4, -4, -4, -4]);
    expect(Array.from(computeTensorWith(info, x, w, undefined, "gemm"))).toEqual([-4, -4, -4, -4]);
  });

  it("stride 2, padding 1, output padding 1 on input [1,2,3] with kernel [1,1,1] gives [1,3,2,5,3,3]", () => {
    // Full output before cropping: positions 2a+t -> [1,1,3,2,5,3,3]; crop 1 at the start, add 1 at the end.
    const info = computeConvInfo(canonicalParams({
      inputSize: [3], kernelSize: [3], stride: [2], padBegin: [1], padEnd: [1], outputPadding: [1],
    }));
    expect(info.outSpatial).toEqual([6]);
    expect(Array.from(computeTensor(info, Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 1)))).toEqual([1, 3, 2, 5, 3, 3]);
  });

  it("bias is added once to every cell of its output channel", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2], kernelSize: [1], outChannels: 2 }));
    const y = computeTensor(info, Float64Array.of(1, 2), Float64Array.of(10, 100), Float64Array.of(1, -1));
    expect(Array.from(y)).toEqual([11, 21, 99, 199]);
  });

  it("two groups keep their channels apart: group 0 reads channel 0 only, group 1 channel 1 only", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2], kernelSize: [1], inChannels: 2, outChannels: 2, groups: 2 }));
    const y = computeTensor(info, Float64Array.of(1, 2, 3, 4), Float64Array.of(10, 100));
    expect(Array.from(y)).toEqual([10, 20, 300, 400]);
  });

  it("128 input channels to 64 output channels with a 4x4 kernel takes the wasm path, or gemm with WebAssembly turned off", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [16, 16], kernelSize: [4, 4], inChannels: 128, outChannels: 64 }));
    expect(choosePath(info)).toBe("wasm-gemm");
    setWasmEnabled(false);
    try {
      expect(wasmEnabled()).toBe(false);
      expect(choosePath(info)).toBe("gemm");
      expect(choosePath(seed)).toBe("direct");
    } finally {
      setWasmEnabled(true);
    }
  });

  it("an input of the wrong length is an internal error (a plain RangeError, not a user's TconvError)", () => {
    const call = () => computeTensor(seed, Float64Array.of(1, 2, 3), Float64Array.of(1, 0, 0, -1));
    expect(call).toThrowError(RangeError);
    expect(call).toThrowError(/input has 3 values, expected 4/);
    expect(call).not.toThrowError(TconvError);
  });

  it("mixing float64 input with a float32 kernel is an internal error (a plain TypeError)", () => {
    const call = () => computeTensor(seed, Float64Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, -1) as unknown as Float64Array);
    expect(call).toThrowError(TypeError);
    expect(call).toThrowError(/all be float64 or all float32/);
    expect(call).not.toThrowError(TconvError);
  });
});

describe("the matrix-product paths (gemm in JavaScript, wasm in WebAssembly SIMD) on problems wider than one block", () => {
  const ints = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 7) - 3);
  const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
  const products: readonly TensorPath[] = ["gemm", "wasm-direct", "wasm-gemm"];

  /** Every product path, float64 and float32, equals the direct path exactly (small integers). */
  function expectAllPathsEqual(info: ReturnType<typeof computeConvInfo>, withBias: boolean): void {
    const x = ints(size(info.inputShape), 1), w = ints(size(info.weightShape), 2), b = withBias ? ints(info.outChannels, 3) : undefined;
    const want = computeTensorWith(info, x, w, b, "direct");
    for (const path of products) {
      const y64 = computeTensorWith(info, x, w, b, path);
      expect(y64).toBeInstanceOf(Float64Array);
      expect(firstDifference(y64, want), `${path} float64`).toBe("");
      const y32 = computeTensorWith(info, Float32Array.from(x), Float32Array.from(w), b && Float32Array.from(b), path);
      expect(y32).toBeInstanceOf(Float32Array);
      expect(firstDifference(y32, want), `${path} float32`).toBe("");
    }
  }

  it("transposed 2-D, 8->8 channels, 40x40 input, k3 s2 p1 op1, batch 2: every path equals direct exactly", () => {
    expectAllPathsEqual(computeConvInfo(canonicalParams({
      inputSize: [40, 40], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1],
      batch: 2, inChannels: 8, outChannels: 8,
    })), true);
  });

  it("conv 3-D, 2 groups of 3->5 channels, 12^3 input, k3 dilation 2 pads 2/1: every path equals direct exactly", () => {
    expectAllPathsEqual(computeConvInfo(canonicalParams({
      op: "conv", inputSize: [12, 12, 12], kernelSize: [3, 3, 3], dilation: [2, 2, 2], padBegin: [2, 2, 2], padEnd: [1, 1, 1],
      inChannels: 6, outChannels: 10, groups: 2,
    })), false);
  });

  it("transposed 1-D, 3 groups of 7->5 channels (rows 5·3 = 15, not a multiple of the 4-row tile), L = 301, k3 s2 d2", () => {
    expectAllPathsEqual(computeConvInfo(canonicalParams({
      inputSize: [301], kernelSize: [3], stride: [2], dilation: [2], padBegin: [1], padEnd: [2], outputPadding: [1],
      batch: 2, inChannels: 21, outChannels: 15, groups: 3,
    })), true);
  });

  it("transposed 3-D, 2 groups of 5->3 channels, 6x7x9 input, k2x3x2 s(2,1,3): edge tiles on every side", () => {
    expectAllPathsEqual(computeConvInfo(canonicalParams({
      inputSize: [6, 7, 9], kernelSize: [2, 3, 2], stride: [2, 1, 3], padBegin: [0, 1, 1], padEnd: [1, 0, 0],
      inChannels: 10, outChannels: 6, groups: 2,
    })), false);
  });

  it("conv 1-D, 300 reduction rows (two depth blocks of 256), 9 output channels, L = 1000 (columns past one 128 block)", () => {
    expectAllPathsEqual(computeConvInfo(canonicalParams({
      op: "conv", inputSize: [1000], kernelSize: [5], padBegin: [2], padEnd: [2], inChannels: 60, outChannels: 9,
    })), true);
  });

  it("transposed 2-D with 300 input channels (two depth blocks) and 4x4 kernels: every path equals direct exactly", () => {
    const info = computeConvInfo(canonicalParams({
      inputSize: [9, 11], kernelSize: [4, 4], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], inChannels: 300, outChannels: 3,
    }));
    expectAllPathsEqual(info, true);
  });
});

describe("the path computeTensor takes", () => {
  it("a 64x64 single-channel k3 problem (36 864 multiply-adds) takes the direct path in WebAssembly", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [64, 64], kernelSize: [3, 3] }));
    expect(choosePath(info)).toBe("wasm-direct");
  });

  it("the 2x2 seed problem (16 multiply-adds, below WASM_MIN_TERMS) stays in JavaScript", () => {
    expect(WASM_MIN_TERMS).toBeGreaterThan(16);
    expect(choosePath(seed)).toBe("direct");
  });
});

describe("the WebAssembly fallback", () => {
  afterEach(() => { vi.restoreAllMocks(); setWasmEnabled(true); });

  it("without WebAssembly SIMD, computeTensor takes the JavaScript product and gives the same numbers", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [10, 10], kernelSize: [3, 3], stride: [2, 2], inChannels: 16, outChannels: 8 }));
    const x = Float64Array.from({ length: 1600 }, (_, i) => (i % 9) - 4), w = Float64Array.from({ length: 16 * 8 * 9 }, (_, i) => (i % 5) - 2);
    const withWasm = computeTensor(info, x, w);
    expect(choosePath(info)).toBe("wasm-gemm");
    vi.spyOn(kernel, "wasmKernel").mockReturnValue(null);
    expect(choosePath(info)).toBe("gemm");
    expect(computeTensor(info, x, w)).toEqual(withWasm);
    expect(() => computeTensorWith(info, x, w, undefined, "wasm-gemm")).toThrowError(/WebAssembly SIMD/);
  });
});
