/**
 * The optional code section: the problem as a runnable PyTorch script (rendered from this data
 * by src/render/python-script.ts), or why there is none.
 */
import { numericMode } from "../../algebra/scalar.ts";
import type { ExplainContext } from "../context.ts";
import type { CodeStep } from "../types.ts";

/**
 * Builds the code step.
 *
 * @example
 * buildCode(seedCtx) // → { kind: "code", framework: "torch", layout: "plain", batched: false }
 */
export function buildCode(ctx: ExplainContext): CodeStep {
  const { problem } = ctx;
  const base = { kind: "code", framework: "torch", layout: problem.layout, batched: problem.batched } as const;
  if (numericMode(problem.x, problem.w, problem.bias) === "symbolic") return { ...base, refusal: "symbolic" };
  if (problem.info.rank > 3) return { ...base, refusal: "rank" };
  return base;
}
