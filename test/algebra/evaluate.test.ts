import { describe, expect, it } from "vitest";
import { canonicalParams } from "../../src/spec/problem.ts";
import { computeConvInfo } from "../../src/geometry/index.ts";
import { evaluate } from "../../src/algebra/evaluate.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { exact, type ScalarTensor } from "../../src/algebra/scalar.ts";

const tensor = (shape: number[], values: (number | string)[]): ScalarTensor => ({
  shape,
  data: values.map((v) => exact(typeof v === "number" ? Rational.int(v) : Rational.parse(v)!)),
});

describe("reference evaluator", () => {
  it("input=[[1,2],[3,4]], kernel=[[1,0],[0,-1]], stride 1 gives [[1,2,0],[3,3,-2],[0,-3,-4]]", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
    const r = evaluate(info, tensor([1, 1, 2, 2], [1, 2, 3, 4]), tensor([1, 1, 2, 2], [1, 0, 0, -1]));
    expect(r.mode).toBe("exact");
    expect(Array.from(r.values, String)).toEqual(["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]);
  });

  it("ordinary convolution of seed 001's 3x3 with [[1,0],[0,-1]] gives all -4", () => {
    const info = computeConvInfo(canonicalParams({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] }));
    const r = evaluate(info, tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]), tensor([1, 1, 2, 2], [1, 0, 0, -1]));
    expect(Array.from(r.values, String)).toEqual(["-4", "-4", "-4", "-4"]);
  });

  it("fractions stay exact: 1/3 + 1/3 + 1/3 is exactly 1", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [3], kernelSize: [3] }));
    const r = evaluate(info, tensor([1, 1, 3], ["1/3", "1/3", "1/3"]), tensor([1, 1, 3], [1, 1, 1]));
    expect(Array.from(r.values, String)).toEqual(["1/3", "2/3", "1", "2/3", "1/3"]);
  });
});
