import { Rational } from "../../src/algebra/rational.ts";
import { exact, type ScalarTensor } from "../../src/algebra/scalar.ts";
import { computeConvInfo } from "../../src/geometry/index.ts";
import { canonicalParams, type CanonicalParams } from "../../src/spec/problem.ts";

/** An exact tensor from integers or "p/q" strings. */
export const exactTensor = (shape: readonly number[], values: readonly (number | string)[]): ScalarTensor => ({
  shape,
  data: values.map((v) => exact(typeof v === "number" ? Rational.int(v) : Rational.parse(v)!)),
});

/** The ConvInfo of a problem given by the fields that differ from the defaults. */
export const infoOf = (p: Partial<CanonicalParams> & Pick<CanonicalParams, "inputSize" | "kernelSize">) =>
  computeConvInfo(canonicalParams(p));
