/**
 * The arithmetic the four views run on, chosen from the data: exact rationals for integers and
 * fractions, float64 once a float appears, polynomials once a symbol appears. One generic
 * implementation of each view then serves numbers and symbols alike.
 */
import { Polynomial, PolynomialBuilder } from "./polynomial.ts";
import { Rational } from "./rational.ts";
import { numericMode, type NumericMode, type Scalar, type ScalarTensor } from "./scalar.ts";

/** The arithmetic a view runs on (exact, float or symbolic), so each view is written once. */
export interface Ring<T> {
  readonly mode: NumericMode;
  zero(): T;
  lift(s: Scalar): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  equals(a: T, b: T): boolean;
}

/**
 * Exact rational arithmetic.
 *
 * @example
 * exactRing.mul(Rational.of(2, 3), Rational.of(3, 4)).toString() // → "1/2"
 */
export const exactRing: Ring<Rational> = {
  mode: "exact",
  zero: () => Rational.ZERO,
  lift: (s) => {
    if (s.kind !== "exact") throw new Error(`exactRing: ${s.kind} entry in exact data`);
    return s.value;
  },
  add: (a, b) => a.add(b),
  mul: (a, b) => a.mul(b),
  equals: (a, b) => a.equals(b),
};

/**
 * Float64 arithmetic.
 *
 * @example
 * floatRing.add(0.5, floatRing.lift(exact(Rational.of(1, 4)))) // → 0.75
 */
export const floatRing: Ring<number> = {
  mode: "float",
  zero: () => 0,
  lift: (s) => {
    if (s.kind === "symbol" || s.kind === "expression") throw new Error("floatRing: symbol in numeric data");
    return typeof s.value === "number" ? s.value : s.value.toNumber();
  },
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  equals: (a, b) => a === b,
};

/**
 * Polynomial arithmetic (symbols; an expression entry lifts to its polynomial).
 *
 * @example
 * polynomialRing.mul(polynomialRing.lift(symbol("a", "a")), polynomialRing.lift(symbol("a", "a"))).toString() // → "a*a"
 */
export const polynomialRing: Ring<Polynomial> = {
  mode: "symbolic",
  zero: () => Polynomial.ZERO,
  lift: (s) => new PolynomialBuilder().addScalar(s).build(),
  add: (a, b) => a.add(b),
  mul: (a, b) => a.mul(b),
  equals: (a, b) => a.equals(b),
};

/** A value of any ring. */
export type AlgebraValue = Rational | number | Polynomial;

/** A dense result tensor of a view: exact, float or polynomial entries, row-major. */
export type AlgebraTensor =
  | { readonly mode: "exact"; readonly shape: readonly number[]; readonly data: Rational[] }
  | { readonly mode: "float"; readonly shape: readonly number[]; readonly data: number[] }
  | { readonly mode: "symbolic"; readonly shape: readonly number[]; readonly data: Polynomial[] };

/**
 * The ring a set of tensors needs.
 *
 * @example
 * ringFor(parseTensorLiteral("[1, a]", { field: "x", allowSymbols: true })).mode // → "symbolic"
 */
export function ringFor(...tensors: (ScalarTensor | undefined)[]): Ring<AlgebraValue> {
  const mode = numericMode(...tensors);
  return ringOf(mode);
}

/**
 * The ring of a mode.
 *
 * @example
 * ringOf("exact").add(Rational.of(1, 3), Rational.of(2, 3)).toString() // → "1"
 */
export function ringOf(mode: NumericMode): Ring<AlgebraValue> {
  const r = mode === "exact" ? exactRing : mode === "float" ? floatRing : polynomialRing;
  return r as unknown as Ring<AlgebraValue>;
}

/**
 * Whether two result tensors are equal entry by entry (exactly for rationals and polynomials).
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * tensorsEqual(scatterView(p.info, p.x, p.w), directConvView(p.info, p.x, p.w)) // → true
 */
export function tensorsEqual(a: AlgebraTensor, b: AlgebraTensor): boolean {
  if (a.mode !== b.mode || a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return false;
  const ring = ringOf(a.mode);
  for (let i = 0; i < a.data.length; i++) if (!ring.equals(a.data[i]!, b.data[i]!)) return false;
  return true;
}

/** Wraps ring values as a tagged tensor. */
export function makeTensor(mode: NumericMode, shape: readonly number[], data: AlgebraValue[]): AlgebraTensor {
  return { mode, shape, data } as AlgebraTensor;
}
