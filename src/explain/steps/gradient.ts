/**
 * The gradient step: why the operation is called "transposed". The ordinary convolution
 * Z = C·U (from the output's shape to the input's shape, the C of the matrix step) has input
 * gradient ∂L/∂U = Cᵀ·∂L/∂Z. With this problem's input X playing ∂L/∂Z, that gradient is the
 * transposed convolution's result Y (bias left out). One cell is derived by the chain rule: its
 * terms are the (∂L/∂z_a, ∂z_a/∂u) pairs, which are exactly the cell's terms [input, weight].
 */
import { matVec, transpose } from "../../algebra/index.ts";
import { ringFor, type AlgebraValue } from "../../algebra/ring.ts";
import type { ExplainContext } from "../context.ts";
import type { GradientStep } from "../types.ts";

/**
 * Builds the gradient step (transposed convolution only), for batch item 0.
 *
 * @example
 * const g = buildGradient(seedCtx);
 * g.gradient.map(String) // → ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]
 * g.matchesOutput // → true
 */
export function buildGradient(ctx: ExplainContext): GradientStep {
  const { info, problem } = ctx;
  if (info.op !== "transposed") throw new Error("buildGradient: the gradient view explains a transposed convolution");
  const ring = ringFor(problem.x, problem.w, problem.bias);
  const c = ctx.matrix();
  const upstream = problem.x.data.slice(0, info.inChannels * info.inCount).map((s) => ring.lift(s));
  // ∂L/∂U = Cᵀ · ∂L/∂Z, computed from C itself, independently of the cell sums.
  const gradient = matVec(transpose(c), upstream, ring);
  const bias = problem.bias?.data.map((s) => ring.lift(s));
  const perMap = info.outCount;
  const matchesOutput = gradient.every((v, f) => {
    const b = bias?.[Math.floor(f / perMap)];
    return ring.equals(b === undefined ? v : ring.add(v, b), ctx.output[f]!);
  });
  const cell = ctx.focus % (info.outChannels * info.outCount);
  const terms: [number, number][] = [];
  ctx.cells.forEachTerm(cell, (i, k) => { terms.push([i, k]); });
  const value: AlgebraValue = gradient[cell]!;
  return {
    kind: "gradient", upstream, gradient, matchesOutput, cell, terms, value,
    convInputShape: info.outputShape.slice(1), convOutputShape: info.inputShape.slice(1),
  };
}
