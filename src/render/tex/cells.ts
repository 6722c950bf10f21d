/**
 * TeX of the cell sums: each output cell as a sum in the default symbols and as a sum of the
 * given values, in the documented term order of the algebra's `deriveCells`.
 */
import type { CellSums } from "../../algebra/cells.ts";
import type { Scalar } from "../../algebra/scalar.ts";
import { cdot, factorTex } from "./scalar.ts";

/**
 * The sum of a cell in the default symbols: `x_{0,0}w_{1,1} + x_{0,1}w_{1,0} + …` (`0` when the
 * cell has no term), the bias symbol last.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * symbolicTex(deriveCells(p.info), 4) // → "x_{0,0}w_{1,1} + x_{0,1}w_{1,0} + x_{1,0}w_{0,1} + x_{1,1}w_{0,0}"
 */
export function symbolicTex(cells: CellSums, flat: number): string {
  const nm = cells.symbols(), xName = nm.x.data, wName = nm.w.data;
  // Default names are `x_{…}` and `w_{…}`: atoms that juxtapose by plain concatenation.
  // Parts are joined once, so the result is one flat string, not a rope of partial sums.
  const parts: string[] = [];
  cells.forEachTerm(flat, (i, k) => { parts.push((xName[i] as SymbolScalar).tex + (wName[k] as SymbolScalar).tex); });
  if (cells.bias) parts.push((nm.bias.data[cells.channel(flat)] as SymbolScalar).tex);
  return parts.length === 0 ? "0" : parts.join(" + ");
}

/**
 * The sum of a cell with the given values: `1\cdot(-1) + 2\cdot 0 + …`; negative numbers in
 * parentheses, the bias value last.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * substitutedTex(deriveCells(p.info, p.x, p.w), 4) // → "1\\cdot(-1) + 2\\cdot 0 + 3\\cdot 0 + 4\\cdot 1"
 */
export function substitutedTex(cells: CellSums, flat: number): string {
  const xd = cells.x.data, wd = cells.w.data;
  const parts: string[] = [];
  cells.forEachTerm(flat, (i, k) => { parts.push(productTex(xd[i]!, wd[k]!)); });
  if (cells.bias) parts.push(factorTex(cells.bias.data[cells.channel(flat)]!));
  return parts.length === 0 ? "0" : parts.join(" + ");
}

/**
 * Every cell's symbolic TeX ({@link symbolicTex}), row-major.
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "1", kernelShape: "2" });
 * allSymbolicTex(deriveCells(info)) // → ["x_{0}w_{0}", "x_{0}w_{1}"]
 */
export function allSymbolicTex(cells: CellSums): string[] {
  const out = new Array<string>(cells.count);
  for (let f = 0; f < cells.count; f++) out[f] = symbolicTex(cells, f);
  return out;
}

/**
 * `a\cdot b` for the substituted sum; negative numbers in parentheses.
 *
 * @example
 * productTex(exact(Rational.int(2)), exact(Rational.int(-1))) // → "2\\cdot(-1)"
 */
export function productTex(a: Scalar, b: Scalar): string {
  return cdot(factorTex(a), factorTex(b));
}

type SymbolScalar = Extract<Scalar, { kind: "symbol" }>;
