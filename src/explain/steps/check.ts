/**
 * Step 9, the check: the exact result against the numeric tensor core (float64), with the largest
 * difference stated. Symbolic problems are checked after putting small integers in for the
 * symbols, so the sums themselves are what gets checked.
 */
import { Rational, type Polynomial } from "../../algebra/index.ts";
import type { Scalar, ScalarTensor } from "../../algebra/scalar.ts";
import { computeTensor } from "../../tensor/index.ts";
import type { ExplainContext } from "../context.ts";
import type { CheckStep } from "../types.ts";

const toNumber = (v: Rational | number): number => (typeof v === "number" ? v : v.toNumber());

/** Deterministic stand-ins for symbols: −3 … 3 in turn, in order of first appearance. */
function substitution(tensors: readonly (ScalarTensor | undefined)[]): Map<string, Scalar> {
  const map = new Map<string, Scalar>();
  for (const t of tensors) {
    for (const s of t?.data ?? []) {
      const names = s.kind === "symbol" ? [s.name] : s.kind === "expression" ? s.poly.symbols().map((f) => f.name) : [];
      for (const name of names) if (!map.has(name)) map.set(name, { kind: "exact", value: Rational.int((map.size * 5) % 7 - 3) });
    }
  }
  return map;
}

/**
 * Builds the check step.
 *
 * @example
 * const check = buildCheck(seedCtx);
 * [check.maxDifference, check.agrees] // → [0, true]
 * Array.from(check.core) // → [1, 2, 0, 3, 3, -2, 0, -3, -4]
 */
export function buildCheck(ctx: ExplainContext): CheckStep {
  const { info, problem, cells } = ctx;
  const subs = cells.mode === "symbolic" ? substitution([problem.x, problem.w, problem.bias]) : new Map<string, Scalar>();
  const put = (t: ScalarTensor) => Float64Array.from(t.data, (s) => {
    if (s.kind === "expression") {
      const c = s.poly.substitute(subs).constantValue();
      return c === undefined ? NaN : toNumber(c);
    }
    const v = s.kind === "symbol" ? subs.get(s.name)! : s;
    return v.kind === "symbol" || v.kind === "expression" ? NaN : toNumber(v.value);
  });
  const core = computeTensor(info, put(problem.x), put(problem.w), problem.bias ? put(problem.bias) : undefined);
  const exact = ctx.output.map((v) => {
    if (typeof v === "number" || v instanceof Rational) return v;
    const value = (v as Polynomial).substitute(subs).constantValue();
    if (value === undefined) throw new Error("buildCheck: a symbol was left after substitution");
    return value;
  });
  let maxDifference = 0, scale = 0;
  exact.forEach((v, i) => {
    const e = toNumber(v as Rational | number);
    maxDifference = Math.max(maxDifference, Math.abs(e - core[i]!));
    scale = Math.max(scale, Math.abs(e));
  });
  // float64 sums of k terms are exact for integers below 2^53; otherwise allow rounding.
  const tolerance = 1e-9 * Math.max(1, scale);
  return {
    kind: "check", mode: cells.mode,
    substitution: [...subs].map(([name, s]) => [name, s.kind === "exact" ? s.value.toNumber() : NaN] as const),
    core: Array.from(core), exact, maxDifference, tolerance, agrees: maxDifference <= tolerance,
  };
}
