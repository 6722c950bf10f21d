import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalParams } from "../../src/spec/problem.ts";
import {
  computeConvInfo, directConvGeometry, forEachCellTerm, forEachProduct, overlapCounts, productCounts, productRows, rowMajorStrides,
  tapTables, unflatten, weightOffset,
} from "../../src/geometry/index.ts";
import { paramsArb } from "../tensor/problems.ts";

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

describe("the one N-D loop over tap tables", () => {
  const opArb = fc.constantFrom("transposed" as const, "conv" as const);

  it("productRows packs, row by row, exactly the pairs forEachProduct visits, in its order (gather and scatter, random 1-D/2-D/3-D, both ops)", () => {
    fc.assert(fc.property(opArb.chain((op) => paramsArb(op)), fc.boolean(), (params, gather) => {
      const info = computeConvInfo(params);
      const tables = gather ? tapTables(info).gather : tapTables(info).scatter;
      const rowShape = gather ? info.outSpatial : info.inSpatial, targetShape = gather ? info.inSpatial : info.outSpatial;
      const tStr = rowMajorStrides(targetShape), kStr = rowMajorStrides(info.kernelSpatial);
      const rows = productRows(tables, rowShape, tStr, kStr);
      const counts = productCounts(tables, rowShape);
      expect(rows.start.length).toBe(counts.length + 1);
      for (let r = 0; r < counts.length; r++) {
        const expected: number[] = [];
        forEachProduct(tables, rowShape, r, tStr, kStr, (t, k) => { expected.push(t, k); });
        const got: number[] = [];
        for (let j = rows.start[r]!; j < rows.start[r + 1]!; j++) got.push(rows.target[j]!, rows.tap[j]!);
        expect(got).toEqual(expected);
        expect(counts[r]).toBe(expected.length / 2);
      }
    }), { numRuns: 100 });
  });

  it("overlap counts are the gather tables' product counts", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [3, 2], kernelSize: [3, 2], stride: [2, 1] }));
    expect(overlapCounts(info)).toEqual(productCounts(tapTables(info).gather, info.outSpatial));
  });

  it("weightOffset finds w[c_in, c_out mod C_out/g] (transposed) and w[c_out, c_in mod C_in/g] (conv) in the canonical weight, for every channel pair of a group", () => {
    fc.assert(fc.property(opArb.chain((op) => paramsArb(op)), (params) => {
      const info = computeConvInfo(params);
      const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
      for (let ci = 0; ci < info.inChannels; ci++) {
        const g = Math.floor(ci / cig);
        for (let co = g * cog; co < (g + 1) * cog; co++) {
          const at = unflatten(weightOffset(info, ci, co), info.weightShape);
          const slice = info.op === "transposed" ? [ci, co % cog] : [co, ci % cig];
          expect(at).toEqual([...slice, ...info.kernelSpatial.map(() => 0)]);
        }
      }
    }), { numRuns: 100 });
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
