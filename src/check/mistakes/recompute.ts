/** Recomputing a problem under changed parameters or tensors, shared by the problem-level mistakes. */
import type { ScalarTensor } from "../../algebra/scalar.ts";
import { computeConvInfo, type ConvInfo } from "../../geometry/conv-info.ts";
import type { CanonicalParams } from "../../spec/problem.ts";
import { evaluateNums } from "../evaluate.ts";
import type { CheckProblem } from "../problem.ts";
import type { Num } from "../value.ts";

export interface Recomputed {
  readonly info: ConvInfo;
  readonly values: Num[];
}

/**
 * The problem evaluated with `change` applied to its parameters (and optionally other tensors);
 * undefined when the change leaves no output (a size below 1).
 *
 * @example recomputeWith(problem, { padBegin: [0, 0], padEnd: [0, 0] })?.info.outSpatial
 */
export function recomputeWith(
  problem: CheckProblem, change: Partial<CanonicalParams>,
  tensors: { x?: ScalarTensor; w?: ScalarTensor } = {},
): Recomputed | undefined {
  const params: CanonicalParams = { ...problem.params, ...change };
  const info = computeConvInfo(params);
  if (info.axes.some((a) => a.outSize < 1)) return undefined;
  return { info, values: evaluateNums(info, tensors.x ?? problem.x, tensors.w ?? problem.w, problem.bias) };
}

/** A per-axis parameter list with `f` applied on the axes in `axes` (all when omitted). */
export function perAxis(values: readonly number[], f: (v: number, axis: number) => number, axes?: readonly number[]): number[] {
  return values.map((v, i) => (axes === undefined || axes.includes(i) ? f(v, i) : v));
}
