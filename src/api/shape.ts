/**
 * `shape`: the output size of a problem given by shapes, and the formula behind it per axis.
 */
import { sizeFormula } from "../render/steps/size.ts";
import { parseShapeProblem, type ShapeProblem, type ShapeProblemOptions } from "../spec/parse-problem.ts";

/** The output size of a problem, spatial and in its layout. */
export interface ShapeResult {
  /** The spatial output size per axis (CONTRACT: `shape` prints this). */
  readonly shape: readonly number[];
  /** The whole output's shape in the problem's layout (`plain`: the same as `shape`). */
  readonly layoutShape: readonly number[];
  readonly problem: ShapeProblem;
}

/**
 * The output shape of a (transposed) convolution.
 *
 * @example
 * shape({ inputShape: "2,2", kernelShape: "2,2" }).shape                     // → [3, 3]
 * shape({ inputShape: [4], kernelShape: [3], stride: 2, padding: 1 }).shape  // → [7]
 * const torch = shape({ layout: "torch", inputShape: [1, 2, 5, 5], kernelShape: [2, 3, 3, 3], stride: 2 });
 * torch.shape       // → [11, 11]
 * torch.layoutShape // → [1, 3, 11, 11]
 */
export function shape(options: ShapeProblemOptions | ShapeProblem): ShapeResult {
  const problem = "info" in options ? options : parseShapeProblem(options);
  return { shape: problem.info.outSpatial, layoutShape: problem.outputShape, problem };
}

/**
 * One line per axis: the size formula with the numbers substituted.
 *
 * @example
 * shapeFormulaLines(shape({ inputShape: "2,2", kernelShape: "2,2" }).problem)[0]
 * // → "axis 0: o = (i−1)·s − p_begin − p_end + d·(k−1) + output_padding + 1 = (2−1)·1 − 0 − 0 + 1·(2−1) + 0 + 1 = 3"
 */
export function shapeFormulaLines(problem: ShapeProblem): string[] {
  const op = problem.info.op;
  return problem.info.axes.map((a, ax) => `axis ${ax}: ${sizeFormula(op, "text")} = ${sizeFormula(op, "text", { ...a, input: a.inSize }, a.outSize)}`);
}

export { outputReach, fixForShape, type AxisReach, type OutputReach, type ShapeFix } from "../spec/layer/reach.ts";
