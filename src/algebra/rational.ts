/**
 * Exact rational numbers on BigInt, always reduced with a positive denominator, so equality is
 * structural. Integers and fractions the user writes stay exact through every view; there is no
 * dependency here so the hot paths never load mathjs.
 *
 * @example
 * Rational.parse("1/3")!.add(Rational.parse("2/3")!).toString() // → "1"
 * Rational.parse("0.25")!.toString() // → "1/4"
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num), d = BigInt(den);
    if (d === 0n) throw new RangeError("Rational: zero denominator");
    if (d < 0n) { n = -n; d = -d; }
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** An integer given as a JS number (must be a safe integer). */
  static int(n: number): Rational {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Rational.int: ${n} is not a safe integer`);
    return new Rational(BigInt(n), 1n);
  }

  /**
   * Parses `-3`, `3/4`, `-6/8` or a terminating decimal `0.25`, `1e-3` exactly; returns
   * undefined for anything else.
   */
  static parse(text: string): Rational | undefined {
    const t = text.trim();
    let m = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(t);
    if (m) return BigInt(m[2]!) === 0n ? undefined : Rational.of(BigInt(m[1]!), BigInt(m[2]!));
    m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
    const sign = m[1] === "-" ? -1n : 1n;
    const frac = m[3] ?? "";
    let num = BigInt((m[2] || "0") + frac) * sign;
    let den = 10n ** BigInt(frac.length);
    const exp = Number(m[4] ?? "0");
    if (Math.abs(exp) > 400) return undefined;
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(num, den);
  }

  isZero(): boolean { return this.num === 0n; }
  isInteger(): boolean { return this.den === 1n; }
  isNegative(): boolean { return this.num < 0n; }
  sign(): -1 | 0 | 1 { return this.num < 0n ? -1 : this.num > 0n ? 1 : 0; }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num + o.num, 1n);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational { return this.add(o.neg()); }
  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num * o.num, 1n);
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("Rational: division by zero");
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational { return new Rational(-this.num, this.den); }
  abs(): Rational { return this.num < 0n ? this.neg() : this; }

  equals(o: Rational): boolean { return this.num === o.num && this.den === o.den; }
  compare(o: Rational): number {
    const l = this.num * o.den, r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  toNumber(): number { return this.den === 1n ? Number(this.num) : Number(this.num) / Number(this.den); }
  /** `"3"` or `"-3/4"`. */
  toString(): string { return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`; }
  /** A JSON value: a number when it is a safe integer, else the string "p/q" (or a big integer string). */
  toJSON(): number | string {
    if (this.den === 1n) {
      const n = Number(this.num);
      return Number.isSafeInteger(n) ? n : this.num.toString();
    }
    return this.toString();
  }
}

/**
 * True when a number is negative (exact or float).
 *
 * @example
 * isNegativeNumber(Rational.of(-1, 2)) // → true
 */
export function isNegativeNumber(v: Rational | number): boolean {
  return typeof v === "number" ? v < 0 : v.isNegative();
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
