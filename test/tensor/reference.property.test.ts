import { describe, expect } from "vitest";
import { test } from "@fast-check/vitest";
import { evaluate } from "../../src/algebra/evaluate.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { exact, type ScalarTensor } from "../../src/algebra/scalar.ts";
import { computeTensorWith, type TensorPath } from "../../src/tensor/index.ts";
import { intProblemArb, type IntProblem } from "./problems.ts";

/** Every path of the core: JavaScript direct, JavaScript matrix product, WebAssembly SIMD matrix product. */
const paths: readonly TensorPath[] = ["direct", "gemm", "wasm-direct", "wasm-gemm"];

const scalars = (shape: readonly number[], values: number[]): ScalarTensor => ({
  shape, data: values.map((v) => exact(Rational.int(v))),
});

/** The reference evaluator's exact result as numbers (all integers here). */
function reference(p: IntProblem): number[] {
  const r = evaluate(p.info, scalars(p.info.inputShape, p.x), scalars(p.info.weightShape, p.w),
    p.bias && scalars([p.info.outChannels], p.bias));
  if (r.mode !== "exact") throw new Error("integer data must evaluate exactly");
  return r.values.map((v) => {
    if (!v.isInteger()) throw new Error("integer data must give integers");
    return v.toNumber();
  });
}

function core(p: IntProblem, path: TensorPath, array: typeof Float64Array | typeof Float32Array): number[] {
  const y = computeTensorWith(p.info, array.from(p.x), array.from(p.w), p.bias && array.from(p.bias), path);
  expect(y).toBeInstanceOf(array);
  return Array.from(y, (v) => v + 0); // -0 and 0 are the same number here
}

describe("the tensor core equals the exact reference evaluator on integer data", () => {
  for (const op of ["transposed", "conv"] as const) {
    for (const path of paths) {
      test.prop([intProblemArb(op)], { numRuns: 120 })(
        `${op}, 1-D/2-D/3-D, every parameter, ${path} path, float64`,
        (p) => { expect(core(p, path, Float64Array)).toEqual(reference(p)); },
      );
    }
    test.prop([intProblemArb(op)], { numRuns: 60 })(
      `${op}, 1-D/2-D/3-D, every parameter, float32 (small integers stay exact)`,
      (p) => {
        const want = reference(p);
        for (const path of paths) expect(core(p, path, Float32Array)).toEqual(want);
      },
    );
  }

  test.prop([intProblemArb("transposed", [2]).filter((p) => p.info.inChannelsPerGroup > 1)], { numRuns: 30 })(
    "transposed 2-D with several input channels per group, every path agrees with the direct one",
    (p) => {
      const direct = core(p, "direct", Float64Array);
      expect(core(p, "gemm", Float64Array)).toEqual(direct);
      expect(core(p, "wasm-gemm", Float64Array)).toEqual(direct);
      expect(core(p, "wasm-direct", Float64Array)).toEqual(direct);
    },
  );
});
