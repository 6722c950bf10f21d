/**
 * TeX of numbers, scalars and products: the one place values become TeX (the algebra holds
 * values, render writes them). They are plain string builders (no mathjs): every cell of a large
 * problem goes through them, and mathjs' `toTex` prints some single letters upright and escapes
 * subscripts (ECOSYSTEM.md).
 */
import { isNegativeNumber, type Rational } from "../../algebra/rational.ts";
import type { Scalar } from "../../algebra/scalar.ts";
import { polynomialTex } from "./polynomial.ts";

/**
 * An exact number as TeX: an integer as itself, a fraction as `\frac` with the sign in front.
 *
 * @example
 * rationalTex(Rational.of(-3, 4)) // → "-\\frac{3}{4}"
 * rationalTex(Rational.int(3)) // → "3"
 */
export function rationalTex(r: Rational): string {
  if (r.den === 1n) return r.num.toString();
  const sign = r.num < 0n ? "-" : "";
  const n = r.num < 0n ? -r.num : r.num;
  return `${sign}\\frac{${n}}{${r.den}}`;
}

/**
 * A float as TeX: the shortest round-tripping decimal, with `e` notation turned into
 * `\times 10^{n}`.
 *
 * @example
 * floatTex(0.5) // → "0.5"
 * floatTex(1e-7) // → "1\\times 10^{-7}"
 */
export function floatTex(v: number): string {
  if (Number.isNaN(v)) return "\\mathrm{NaN}";
  if (!Number.isFinite(v)) return v < 0 ? "-\\infty" : "\\infty";
  const s = String(v);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const mant = s.slice(0, e), exp = Number(s.slice(e + 1));
  return `${mant}\\times 10^{${exp}}`;
}

/**
 * An exact or float number as TeX (`3`, `-\frac{3}{4}`, `0.25`).
 *
 * @example
 * numberTex(Rational.of(-3, 4)) // → "-\\frac{3}{4}"
 */
export function numberTex(v: Rational | number): string {
  return typeof v === "number" ? floatTex(v) : rationalTex(v);
}

/**
 * A scalar as TeX on its own: numbers as {@link numberTex}, symbols as the TeX the parser made
 * safe.
 *
 * @example
 * scalarTex({ kind: "exact", value: Rational.int(-1) }) // → "-1"
 */
export function scalarTex(s: Scalar): string {
  switch (s.kind) {
    case "exact": return rationalTex(s.value);
    case "float": return floatTex(s.value);
    case "symbol": return s.tex;
    case "expression": return polynomialTex(s.poly);
    default: { const never: never = s; throw new Error(`scalarTex: unknown scalar ${String(never)}`); }
  }
}

/**
 * A scalar as a factor of a product: negative numbers get parentheses so `2\cdot(-1)` reads
 * right, and so does an expression entry of more than one term or with a leading minus
 * (`(2a + \frac{1}{3}\,b)\cdot w`).
 *
 * @example
 * factorTex({ kind: "exact", value: Rational.int(-1) }) // → "(-1)"
 */
export function factorTex(s: Scalar): string {
  if (s.kind === "symbol") return s.tex;
  if (s.kind === "expression") {
    const t = polynomialTex(s.poly);
    const [first] = s.poly.terms();
    return s.poly.size > 1 || (first !== undefined && isNegativeNumber(first.coefficient)) ? `(${t})` : t;
  }
  const v = s.value;
  const t = numberTex(v);
  return isNegativeNumber(v) ? `(${t})` : t;
}

/**
 * Joins two TeX factors with `\cdot`; a space follows the command only when the next character
 * would otherwise extend its name (`\cdot 0`, `\cdot(-1)`, `\cdot\frac{1}{2}`).
 *
 * @example
 * cdot("2", "0") // → "2\\cdot 0"
 */
export function cdot(a: string, b: string): string {
  const c = b.charCodeAt(0);
  const letterOrDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return letterOrDigit ? `${a}\\cdot ${b}` : `${a}\\cdot${b}`;
}

/**
 * Whether a symbol's TeX reads unambiguously when juxtaposed with a neighbour: one letter or one
 * control word, optionally with a braced or single-character subscript (`x_{0,1}`, `a`,
 * `\alpha_1`), optionally raised to a power (`x_{0}^{2}`). Longer names (`w1`, `bias`) are joined with `\cdot` instead, so `w1 w2` never
 * reads as `w1w2`.
 */
export function isAtomTex(tex: string): boolean {
  return /^(?:[A-Za-z]|\\[A-Za-z]+)(?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?(?:\^\{\d+\})?$/.test(tex);
}

/**
 * The product of factors written as a reader expects: atoms juxtaposed (`x_{0,0}w_{1,1}`),
 * anything else joined with `\cdot`. A space separates a control word from a following letter.
 *
 * @example
 * juxtapose(["x_{0,0}", "w_{1,1}"]) // → "x_{0,0}w_{1,1}"
 * juxtapose(["w1", "w2"]) // → "w1\\cdot w2"
 */
export function juxtapose(factors: readonly string[]): string {
  let out = factors[0] ?? "";
  let prevAtom = isAtomTex(out);
  for (let i = 1; i < factors.length; i++) {
    const f = factors[i]!;
    const atom = isAtomTex(f);
    if (prevAtom && atom) {
      // `\alpha` followed by `b` would read as the command `\alphab`.
      out += /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(f) ? ` ${f}` : f;
    } else {
      out = cdot(out, f);
    }
    prevAtom = atom;
  }
  return out;
}

