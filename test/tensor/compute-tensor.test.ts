import { describe, expect, it } from "vitest";
import { computeConvInfo } from "../../src/geometry/index.ts";
import { canonicalParams } from "../../src/spec/problem.ts";
import { choosePath, computeTensor, computeTensorWith } from "../../src/tensor/index.ts";
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

  it("128 input channels to 64 output channels with a 4x4 kernel takes the gemm path", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [16, 16], kernelSize: [4, 4], inChannels: 128, outChannels: 64 }));
    expect(choosePath(info)).toBe("gemm");
    expect(choosePath(seed)).toBe("direct");
  });

  it("an input of the wrong length is refused with a TconvError naming the input", () => {
    expect(() => computeTensor(seed, Float64Array.of(1, 2, 3), Float64Array.of(1, 0, 0, -1))).toThrowError(TconvError);
    expect(() => computeTensor(seed, Float64Array.of(1, 2, 3), Float64Array.of(1, 0, 0, -1))).toThrowError(/expected 4 values/);
  });

  it("mixing float64 input with a float32 kernel is refused", () => {
    expect(() => computeTensor(seed, Float64Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, -1) as unknown as Float64Array))
      .toThrowError(/all be float64 or all float32/);
  });
});

describe("the gemm path on problems wider than one column block", () => {
  const ints = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 7) - 3);

  it("transposed 2-D, 8->8 channels, 40x40 input, k3 s2 p1 op1, batch 2: gemm equals direct exactly", () => {
    const info = computeConvInfo(canonicalParams({
      inputSize: [40, 40], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1],
      batch: 2, inChannels: 8, outChannels: 8,
    }));
    const x = ints(2 * 8 * 1600, 1), w = ints(8 * 8 * 9, 2), b = ints(8, 3);
    expect(computeTensorWith(info, x, w, b, "gemm")).toEqual(computeTensorWith(info, x, w, b, "direct"));
  });

  it("conv 3-D, 2 groups of 3->5 channels, 12^3 input, k3 dilation 2 pads 2/1: gemm equals direct exactly", () => {
    const info = computeConvInfo(canonicalParams({
      op: "conv", inputSize: [12, 12, 12], kernelSize: [3, 3, 3], dilation: [2, 2, 2], padBegin: [2, 2, 2], padEnd: [1, 1, 1],
      inChannels: 6, outChannels: 10, groups: 2,
    }));
    const x = ints(6 * 1728, 4), w = ints(10 * 3 * 27, 5);
    expect(computeTensorWith(info, x, w, undefined, "gemm")).toEqual(computeTensorWith(info, x, w, undefined, "direct"));
  });
});
