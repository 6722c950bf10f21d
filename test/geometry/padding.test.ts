/**
 * The padding totals are the output-size formulas solved for the padding: padding split any way
 * gives back the size asked for. The split puts the odd unit where ONNX says.
 */
import { describe, expect, it } from "vitest";
import { fc, test as fcTest } from "@fast-check/vitest";
import { convOutputSize, transposedOutputSize } from "../../src/geometry/output-size.ts";
import { convTotalPadding, sameOutputSize, splitPadding, transposedTotalPadding } from "../../src/geometry/padding.ts";

const small = fc.integer({ min: 1, max: 9 });

describe("splitPadding", () => {
  it("puts an odd unit at the end for same_upper and at the start otherwise; even totals split evenly", () => {
    expect(splitPadding(5, true)).toEqual([2, 3]);
    expect(splitPadding(5, false)).toEqual([3, 2]);
    expect(splitPadding(4, true)).toEqual([2, 2]);
    expect(splitPadding(0, false)).toEqual([0, 0]);
  });

  fcTest.prop([fc.nat(1000), fc.boolean()])("the two ends add up to the total and differ by at most one", (total, oddAtEnd) => {
    const [b, e] = splitPadding(total, oddAtEnd);
    expect(b + e).toBe(total);
    expect(oddAtEnd ? e - b : b - e).toBe(total % 2);
  });
});

describe("padding totals solve the output-size formulas", () => {
  fcTest.prop([small, small, small, small, fc.nat(3), fc.integer({ min: 1, max: 40 }), fc.boolean()])(
    "transposed: a non-negative total split either way gives the requested size",
    (i, k, s, d, op, requested, oddAtEnd) => {
      const total = transposedTotalPadding(i, k, s, d, op, requested);
      fc.pre(total >= 0);
      const [b, e] = splitPadding(total, oddAtEnd);
      expect(transposedOutputSize(i, k, s, d, b, e, op)).toBe(requested);
    });

  fcTest.prop([small, small, small, small, fc.boolean()])(
    "conv: same padding gives ⌈i/s⌉ windows, and no less padding would",
    (i, k, s, d, oddAtEnd) => {
      const want = sameOutputSize("conv", i, s);
      const total = convTotalPadding(i, k, s, d, want);
      const [b, e] = splitPadding(total, oddAtEnd);
      expect(convOutputSize(i, k, s, d, b, e)).toBe(want);
      if (total > 0) expect(convOutputSize(i, k, s, d, 0, total - 1)).toBeLessThan(want);
    });

  it("transposed same padding aims at input · stride", () => {
    expect(sameOutputSize("transposed", 3, 2)).toBe(6);
    expect(transposedTotalPadding(3, 3, 2, 1, 0, 6)).toBe(1);
    expect(transposedTotalPadding(2, 2, 2, 1, 0, 5)).toBe(-1);
  });
});
