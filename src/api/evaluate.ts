/**
 * `evaluate`: the whole output tensor of a problem, exact when every entry is an integer or a
 * fraction, float64 otherwise, in the layout the user wrote the problem in.
 */
import { evaluate as evaluateExact } from "../algebra/evaluate.ts";
import type { Rational } from "../algebra/rational.ts";
import { numericMode, toFloat64 } from "../algebra/scalar.ts";
import { outputToLayout } from "../spec/layout.ts";
import { apiNames, type FieldNames } from "../spec/names.ts";
import { TconvError } from "../spec/error.ts";
import { parseProblem, type Problem, type ProblemOptions } from "../spec/parse-problem.ts";
import { computeTensor } from "../tensor/index.ts";

/** A nested array of output values: numbers, or `"p/q"` strings for exact non-integers. */
export type NestedOutput = (number | string | NestedOutput)[];

/** The output of {@link evaluate}: exact rationals when every entry is exact, float64 otherwise. */
export type EvaluateResult =
  | {
    readonly mode: "exact";
    /** The output's shape in the problem's layout (`plain`: spatial only). */
    readonly shape: readonly number[];
    /** Row-major values in that layout. */
    readonly values: readonly Rational[];
    readonly problem: Problem;
  }
  | {
    readonly mode: "float";
    readonly shape: readonly number[];
    readonly values: Float64Array;
    readonly problem: Problem;
  };

/**
 * Evaluates a problem (an already parsed {@link Problem}, or the options to parse one): the
 * exact reference evaluator for integers and fractions, the float64 tensor core otherwise.
 *
 * @example
 * const r = evaluate({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * r.shape                  // → [3, 3]
 * nestedOutput(r)          // → [[1, 2, 0], [3, 3, -2], [0, -3, -4]]
 * evaluate({ input: [[1, 2]], kernel: [["1/3"]] }).mode // → "exact"
 */
export function evaluate(problem: Problem | ProblemOptions, options: { names?: FieldNames } = {}): EvaluateResult {
  const names = options.names ?? ("info" in problem ? apiNames : problem.names ?? apiNames);
  const p = "info" in problem ? problem : parseProblem(problem);
  const mode = numericMode(p.x, p.w, p.bias);
  if (mode === "symbolic") {
    throw new TconvError("symbolic-entries", names.input, "the problem has symbolic entries; evaluate needs numbers (explain and matrix derive symbolic sums)");
  }
  if (mode === "exact") {
    const r = evaluateExact(p.info, p.x, p.w, p.bias);
    if (r.mode !== "exact") throw new Error("evaluate: exact problem evaluated in float mode");
    const { shape, data } = outputToLayout(p.layout, p.batched, p.info.outputShape, r.values);
    return { mode, shape, values: data, problem: p };
  }
  const out = computeTensor(p.info, toFloat64(p.x), toFloat64(p.w), p.bias && toFloat64(p.bias));
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    // JSON has no Infinity; printing null or a wrong number would be worse than saying so.
    throw new TconvError("float-overflow", names.input,
      `the float64 result overflows at output cell ${bad} (row-major, channels first); write the entries as integers or fractions to get the exact result`);
  }
  const { shape, data } = outputToLayout(p.layout, p.batched, p.info.outputShape, out);
  return { mode, shape, values: Float64Array.from(data), problem: p };
}

/**
 * The output as nested arrays. Exact results: integers are numbers (or digit strings beyond
 * 2^53, where a number would round), non-integers numbers — or `"p/q"` strings with `exact`.
 *
 * @example
 * nestedOutput(evaluate({ input: [[1]], kernel: [["1/3"]] }), { exact: true }) // → [["1/3"]]
 */
export function nestedOutput(result: EvaluateResult, options: { exact?: boolean } = {}): NestedOutput {
  const flat: (number | string)[] = result.mode === "float"
    ? Array.from(result.values, (v) => (Object.is(v, -0) ? 0 : v))
    : result.values.map((q) => (q.isInteger() || options.exact ? q.toJSON() : q.toNumber()));
  return nest(flat, result.shape) as NestedOutput;
}

/**
 * The CONTRACT's JSON, `{"shape":[...],"output":[...]}`. Exact integers are written with every
 * digit (JSON numbers have no size limit), so a result beyond 2^53 is not rounded on the way out.
 *
 * @example
 * evaluationJson(evaluate({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }))
 * // → '{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}'
 */
export function evaluationJson(result: EvaluateResult, options: { exact?: boolean } = {}): string {
  const tokens: string[] = result.mode === "float"
    ? Array.from(result.values, (v) => JSON.stringify(Object.is(v, -0) ? 0 : v))
    : result.values.map((q) => (q.isInteger() ? q.num.toString()
      : options.exact ? JSON.stringify(q.toString()) : JSON.stringify(q.toNumber())));
  return `{"shape":${JSON.stringify(result.shape)},"output":${nestTokens(tokens, result.shape)}}`;
}

function nest<T>(flat: readonly T[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  let level: unknown[] = [...flat];
  for (let ax = shape.length - 1; ax >= 1; ax--) {
    const n = shape[ax]!, next: unknown[] = [];
    for (let i = 0; i < level.length; i += n) next.push(level.slice(i, i + n));
    level = next;
  }
  return level;
}

function nestTokens(tokens: readonly string[], shape: readonly number[]): string {
  let level = [...tokens];
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    const n = shape[ax]!, next: string[] = [];
    for (let i = 0; i < level.length; i += n) next.push(`[${level.slice(i, i + n).join(",")}]`);
    level = next;
  }
  return level[0] ?? "[]";
}
