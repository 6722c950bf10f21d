/**
 * Sparse polynomials over exact rationals (or float64 once a float enters): the simplified form
 * of a symbolic cell. A monomial is the sorted list of its symbols' names; like terms are
 * collected by that key and zero coefficients dropped, so `1·a + 0·b + 2·c` becomes `a + 2c`.
 * This replaces mathjs `simplify`, which explodes on sums and reorders terms (ECOSYSTEM.md).
 * Terms keep the order in which they first appeared, i.e. the documented term order of a cell.
 */
import { isNegativeNumber, Rational } from "./rational.ts";
import type { Scalar } from "./scalar.ts";

/** A coefficient: exact, or float64 once any float took part. */
export type Coefficient = Rational | number;

/** A symbol as the polynomial knows it: identity by `name`, display by `tex` (already safe; render writes it). */
export interface SymbolRef {
  readonly name: string;
  readonly tex: string;
}

/** One term: coefficient times the product of `factors` (in first-seen order; repeats are powers). */
export interface PolynomialTerm {
  readonly coefficient: Coefficient;
  readonly factors: readonly SymbolRef[];
}

/** Adds coefficients, staying exact unless a float is involved. */
export function addCoefficients(a: Coefficient, b: Coefficient): Coefficient {
  if (typeof a === "number" || typeof b === "number") return toFloat(a) + toFloat(b);
  return a.add(b);
}

/** Multiplies coefficients, staying exact unless a float is involved. */
export function mulCoefficients(a: Coefficient, b: Coefficient): Coefficient {
  if (typeof a === "number" || typeof b === "number") return toFloat(a) * toFloat(b);
  return a.mul(b);
}

/** Exact equality for rationals; `===` for floats (a float never equals a rational here). */
export function coefficientsEqual(a: Coefficient, b: Coefficient): boolean {
  if (typeof a === "number" || typeof b === "number") return typeof a === typeof b && a === b;
  return a.equals(b);
}

const toFloat = (c: Coefficient): number => (typeof c === "number" ? c : c.toNumber());
const isZero = (c: Coefficient): boolean => (typeof c === "number" ? c === 0 : c.isZero());
const isOne = (c: Coefficient): boolean => (typeof c === "number" ? c === 1 : c.num === 1n && c.den === 1n);
/** The monomial's identity: its symbols' names, sorted (display keeps the order given). */
function monomialKey(factors: readonly SymbolRef[]): string {
  if (factors.length === 0) return "";
  if (factors.length === 1) return factors[0]!.name;
  if (factors.length === 2) {
    const a = factors[0]!.name, b = factors[1]!.name;
    return a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  }
  return factors.map((f) => f.name).sort().join("\u0000");
}

/**
 * An immutable sparse polynomial. Build one with {@link PolynomialBuilder} (the fast, mutable
 * accumulator the cell derivation uses) or the static constructors.
 *
 * @example
 * const b = new PolynomialBuilder();
 * b.addProduct(exact(Rational.ONE), symbol("a", "a"));
 * b.addProduct(exact(Rational.ZERO), symbol("b", "b"));
 * b.addProduct(exact(Rational.int(2)), symbol("c", "c"));
 * b.build().toString() // → "a + 2*c"
 */
export class Polynomial {
  /** Keyed by monomial; insertion order is display order. */
  private readonly map: ReadonlyMap<string, PolynomialTerm>;

  /** @internal use {@link PolynomialBuilder} */
  constructor(map: ReadonlyMap<string, PolynomialTerm>) {
    this.map = map;
  }

  static readonly ZERO = new Polynomial(new Map());

  /** The constant polynomial `c`. */
  static constant(c: Coefficient): Polynomial {
    return new PolynomialBuilder().addTerm(c, []).build();
  }

  /** A scalar as a polynomial: a number is a constant, a symbol a degree-1 monomial. */
  static fromScalar(s: Scalar): Polynomial {
    return new PolynomialBuilder().addScalar(s).build();
  }

  /** The terms in display order. */
  terms(): PolynomialTerm[] {
    return [...this.map.values()];
  }

  get size(): number { return this.map.size; }
  isZero(): boolean { return this.map.size === 0; }

  /** The value when the polynomial has no symbols, else undefined. */
  constantValue(): Coefficient | undefined {
    if (this.map.size === 0) return Rational.ZERO;
    if (this.map.size !== 1) return undefined;
    const t = this.map.get("");
    return t ? t.coefficient : undefined;
  }

  add(o: Polynomial): Polynomial {
    const b = new PolynomialBuilder();
    for (const t of this.map.values()) b.addTerm(t.coefficient, t.factors);
    for (const t of o.map.values()) b.addTerm(t.coefficient, t.factors);
    return b.build();
  }

  mul(o: Polynomial): Polynomial {
    const b = new PolynomialBuilder();
    for (const s of this.map.values()) {
      for (const t of o.map.values()) {
        b.addTerm(mulCoefficients(s.coefficient, t.coefficient), [...s.factors, ...t.factors]);
      }
    }
    return b.build();
  }

  /** The distinct symbols, in order of first appearance. */
  symbols(): SymbolRef[] {
    const seen = new Map<string, SymbolRef>();
    for (const t of this.map.values()) for (const f of t.factors) if (!seen.has(f.name)) seen.set(f.name, f);
    return [...seen.values()];
  }

  /** Same terms with equal coefficients, in any order. */
  equals(o: Polynomial): boolean {
    if (this.map.size !== o.map.size) return false;
    for (const [k, t] of this.map) {
      const u = o.map.get(k);
      if (!u || !coefficientsEqual(t.coefficient, u.coefficient)) return false;
    }
    return true;
  }

  /**
   * Replaces symbols by the scalars `values` gives for their names (numbers or other symbols);
   * symbols it does not know stay.
   *
   * @example
   * Polynomial.fromScalar(symbol("a", "a")).substitute(new Map([["a", exact(Rational.int(3))]])).toString() // → "3"
   */
  substitute(values: ReadonlyMap<string, Scalar>): Polynomial {
    const b = new PolynomialBuilder();
    for (const t of this.map.values()) {
      let coef: Coefficient = t.coefficient;
      const kept: SymbolRef[] = [];
      let expanded: Polynomial | undefined;
      for (const f of t.factors) {
        const v = values.get(f.name);
        if (v === undefined) kept.push(f);
        else if (v.kind === "symbol") kept.push({ name: v.name, tex: v.tex });
        else if (v.kind === "expression") expanded = expanded ? expanded.mul(v.poly) : v.poly;
        else coef = mulCoefficients(coef, v.value);
      }
      if (!expanded) b.addTerm(coef, kept);
      else for (const u of expanded.map.values()) b.addTerm(mulCoefficients(coef, u.coefficient), [...kept, ...u.factors]);
    }
    return b.build();
  }

  /** Plain text (`a + 2*c`), for JSON and messages. */
  toString(): string {
    if (this.map.size === 0) return "0";
    return this.terms().map((t, i) => {
      const neg = isNegativeNumber(t.coefficient);
      const mag = neg ? negate(t.coefficient) : t.coefficient;
      const names = t.factors.map((f) => f.name);
      const c = typeof mag === "number" ? String(mag) : mag.toString();
      const body = names.length === 0 ? c : isOne(mag) ? names.join("*") : [c, ...names].join("*");
      return i === 0 ? (neg ? `-${body}` : body) : neg ? ` - ${body}` : ` + ${body}`;
    }).join("");
  }

  toJSON(): string { return this.toString(); }
}

const negate = (c: Coefficient): Coefficient => (typeof c === "number" ? -c : c.neg());

/**
 * The mutable accumulator behind {@link Polynomial}: collects like terms as they are added.
 * Used once per cell, so adding is a Map lookup and one coefficient addition.
 *
 * @example
 * new PolynomialBuilder().addProduct(symbol("a", "a"), symbol("b", "b")).addProduct(symbol("b", "b"), symbol("a", "a")).build().toString() // → "2*a*b"
 */
export class PolynomialBuilder {
  private readonly map = new Map<string, PolynomialTerm>();

  /** Adds `c · Π factors`; the first time a monomial is seen fixes the order its factors display in. */
  addTerm(c: Coefficient, factors: readonly SymbolRef[]): this {
    if (isZero(c)) return this;
    const key = monomialKey(factors);
    const old = this.map.get(key);
    if (!old) {
      this.map.set(key, { coefficient: c, factors });
      return this;
    }
    const sum = addCoefficients(old.coefficient, c);
    if (isZero(sum)) this.map.delete(key);
    else this.map.set(key, { coefficient: sum, factors: old.factors });
    return this;
  }

  /** Adds `c · p` term by term. */
  addPolynomial(p: Polynomial, c: Coefficient = Rational.ONE): this {
    for (const t of p.terms()) this.addTerm(isOne(c) ? t.coefficient : mulCoefficients(c, t.coefficient), t.factors);
    return this;
  }

  /** Adds one scalar (a number, a symbol or an expression's polynomial). */
  addScalar(s: Scalar): this {
    if (s.kind === "symbol") return this.addTerm(Rational.ONE, [{ name: s.name, tex: s.tex }]);
    if (s.kind === "expression") return this.addPolynomial(s.poly);
    return this.addTerm(s.value, []);
  }

  /** Adds the product of two scalars, the shape of every convolution term. */
  addProduct(a: Scalar, b: Scalar): this {
    if (a.kind === "expression" || b.kind === "expression") {
      return this.addPolynomial(Polynomial.fromScalar(a).mul(Polynomial.fromScalar(b)));
    }
    if (a.kind !== "symbol") {
      if (b.kind !== "symbol") return this.addTerm(mulCoefficients(a.value, b.value), []);
      return this.addTerm(a.value, [{ name: b.name, tex: b.tex }]);
    }
    if (b.kind !== "symbol") return this.addTerm(b.value, [{ name: a.name, tex: a.tex }]);
    return this.addTerm(Rational.ONE, [{ name: a.name, tex: a.tex }, { name: b.name, tex: b.tex }]);
  }

  build(): Polynomial {
    return new Polynomial(new Map(this.map));
  }
}
