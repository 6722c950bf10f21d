/** Builds plain-layout check problems from literals for the checker's tests. */
import { parseTensorLiteral } from "../../src/spec/literal.ts";
import { canonicalParams, type CanonicalParams } from "../../src/spec/problem.ts";
import { computeConvInfo } from "../../src/geometry/conv-info.ts";
import type { CheckProblem } from "../../src/check/problem.ts";
import type { ScalarTensor } from "../../src/algebra/scalar.ts";

export function plainProblem(
  input: string, kernel: string, params: Partial<Omit<CanonicalParams, "inputSize" | "kernelSize">> = {},
): CheckProblem {
  const x0 = parseTensorLiteral(input, { field: "--input", allowSymbols: false });
  const w0 = parseTensorLiteral(kernel, { field: "--kernel", allowSymbols: false });
  return fromTensors(x0, w0, params);
}

export function fromTensors(
  x0: ScalarTensor, w0: ScalarTensor, params: Partial<Omit<CanonicalParams, "inputSize" | "kernelSize">> = {},
): CheckProblem {
  const p = canonicalParams({ ...params, inputSize: x0.shape, kernelSize: w0.shape });
  const info = computeConvInfo(p);
  return {
    params: p, info,
    x: { shape: [1, 1, ...x0.shape], data: x0.data },
    w: { shape: [1, 1, ...w0.shape], data: w0.data },
    layout: "plain",
  };
}
