/**
 * TeX of a polynomial (the simplified form of a symbolic cell), written for a reader.
 */
import type { Coefficient, Polynomial, SymbolRef } from "../../algebra/polynomial.ts";
import { isNegativeNumber } from "../../algebra/rational.ts";
import { floatTex, juxtapose, rationalTex } from "./scalar.ts";

/**
 * TeX for a reader: coefficient 1 omitted, −1 as a minus sign, subtraction instead of adding a
 * negative, repeated symbols as powers; `0` for the zero polynomial. Terms keep the polynomial's
 * display order.
 *
 * @example
 * const b = new PolynomialBuilder();
 * b.addProduct(exact(Rational.ONE), symbol("a", "a"));
 * b.addProduct(exact(Rational.int(-2)), symbol("c", "c"));
 * polynomialTex(b.build()) // → "a - 2c"
 * polynomialTex(new PolynomialBuilder().addProduct(symbol("a", "a"), symbol("a", "a")).build()) // → "a^{2}"
 */
export function polynomialTex(p: Polynomial): string {
  if (p.isZero()) return "0";
  let out = "";
  let first = true;
  for (const t of p.terms()) {
    const neg = isNegativeNumber(t.coefficient);
    const mag = neg ? negate(t.coefficient) : t.coefficient;
    const body = termTex(mag, t.factors);
    if (first) out = neg ? `-${body}` : body;
    else out += neg ? ` - ${body}` : ` + ${body}`;
    first = false;
  }
  return out;
}

const negate = (c: Coefficient): Coefficient => (typeof c === "number" ? -c : c.neg());
const isOne = (c: Coefficient): boolean => (typeof c === "number" ? c === 1 : c.num === 1n && c.den === 1n);

function termTex(mag: Coefficient, factors: readonly SymbolRef[]): string {
  const num = typeof mag === "number" ? floatTex(mag) : rationalTex(mag);
  if (factors.length === 0) return num;
  let parts: string[];
  if (factors.length === 1) parts = [factors[0]!.tex];
  else {
    const powers = new Map<string, { tex: string; n: number }>();
    for (const f of factors) {
      const p = powers.get(f.name);
      if (p) p.n++;
      else powers.set(f.name, { tex: f.tex, n: 1 });
    }
    // A power on a subscripted symbol binds to the whole symbol in TeX (x_{0}^{2}).
    parts = [...powers.values()].map((p) => (p.n === 1 ? p.tex : `${p.tex}^{${p.n}}`));
  }
  const mono = juxtapose(parts);
  if (isOne(mag)) return mono;
  // A fraction or decimal coefficient reads as a factor only with an explicit product sign.
  const simple = /^\d+$/.test(num);
  return simple ? `${num}${/^[0-9]/.test(mono) ? "\\cdot " : ""}${mono}` : `${num}\\,${mono}`;
}
