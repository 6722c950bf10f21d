import { describe, expect, it } from "vitest";
import { canonicalParams } from "../../src/spec/problem.ts";
import { computeConvInfo, directConvGeometry, forEachCellTerm, overlapCounts, tapTables } from "../../src/geometry/index.ts";

const seed = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));

function terms(info: ReturnType<typeof computeConvInfo>, out: number): [number, number][] {
  const list: [number, number][] = [];
  forEachCellTerm(info, tapTables(info), out, (i, k) => list.push([i, k]));
  return list;
}

describe("tap tables", () => {
  it("2x2 input, 2x2 kernel, stride 1 gives a 3x3 output", () => {
    expect(seed.outSpatial).toEqual([3, 3]);
  });

  it("the centre cell of the seed problem lists x00·w11, x01·w10, x10·w01, x11·w00 in that order", () => {
    expect(terms(seed, 4)).toEqual([[0, 3], [1, 2], [2, 1], [3, 0]]);
  });

  it("the seed problem's overlap counts are [[1,2,1],[2,4,2],[1,2,1]]", () => {
    expect(Array.from(overlapCounts(seed))).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
  });

  it("stride 2 with kernel 3 gives uneven counts along an axis (the checkerboard)", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [4], kernelSize: [3], stride: [2] }));
    expect(Array.from(overlapCounts(info))).toEqual([1, 1, 2, 1, 2, 1, 2, 1, 1]);
  });

  it("padding crops the ends: d2l's padding=1 case keeps only the centre of the 3x3", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }));
    expect(info.outSpatial).toEqual([1, 1]);
    expect(terms(info, 0)).toHaveLength(4);
  });

  it("ordinary convolution i=4, k=3 reads a 3-wide window per output (conv_arithmetic o=2)", () => {
    const info = computeConvInfo(canonicalParams({ op: "conv", inputSize: [4], kernelSize: [3] }));
    expect(info.outSpatial).toEqual([2]);
    expect(terms(info, 1)).toEqual([[1, 0], [2, 1], [3, 2]]);
  });
});

describe("direct-convolution geometry", () => {
  it("pads d(k-1)-p on each side and output padding at the end", () => {
    const info = computeConvInfo(canonicalParams({
      inputSize: [3], kernelSize: [4], stride: [2], padBegin: [1], padEnd: [1], outputPadding: [1],
    }));
    const [axis] = directConvGeometry(info);
    expect(axis).toMatchObject({ zerosBetween: 1, dilatedSize: 5, padBegin: 2, padEnd: 3, outSize: info.outSpatial[0] });
  });
});
