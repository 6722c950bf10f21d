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

/**
 * A tensor with its last two axes swapped (each trailing plane transposed), and its new shape.
 *
 * @example swapLastTwoAxes({ shape: [1, 1, 2, 3], data }).shape // [1, 1, 3, 2]
 */
export function swapLastTwoAxes(t: ScalarTensor): ScalarTensor {
  const n = t.shape.length;
  const rows = t.shape[n - 2]!, cols = t.shape[n - 1]!, plane = rows * cols;
  const data = t.data.map((_, i) => {
    const base = i - (i % plane), j = i % plane;
    // Position (a, b) of the swapped plane (cols × rows) reads (b, a) of the original.
    const a = Math.floor(j / rows), b = j % rows;
    return t.data[base + b * cols + a]!;
  });
  const shape = [...t.shape];
  shape[n - 2] = cols; shape[n - 1] = rows;
  return { shape, data };
}

/** A per-axis parameter list with `f` applied on the axes in `axes` (all when omitted). @example perAxis([1, 2], (v) => v * 2, [1]) // [1, 4] */
export function perAxis(values: readonly number[], f: (v: number, axis: number) => number, axes?: readonly number[]): number[] {
  return values.map((v, i) => (axes === undefined || axes.includes(i) ? f(v, i) : v));
}
