/**
 * The numbers a check works with: exact rationals when the problem is exact, float64 once a float
 * entered (the same split as the reference evaluator). Mixed arithmetic falls back to float.
 */
import { Rational } from "../algebra/rational.ts";

export type Num = Rational | number;

const f = (v: Num): number => (typeof v === "number" ? v : v.toNumber());

/** @example add(Rational.int(1), Rational.of(1, 2)).toString() // "3/2" */
export function add(a: Num, b: Num): Num {
  return typeof a === "number" || typeof b === "number" ? f(a) + f(b) : a.add(b);
}
/** @example sub(Rational.int(1), 0.5) // 0.5 */
export function sub(a: Num, b: Num): Num {
  return typeof a === "number" || typeof b === "number" ? f(a) - f(b) : a.sub(b);
}
/** @example mul(Rational.int(2), Rational.int(-3)).toString() // "-6" */
export function mul(a: Num, b: Num): Num {
  return typeof a === "number" || typeof b === "number" ? f(a) * f(b) : a.mul(b);
}
/** Division, or undefined when dividing by zero. @example div(Rational.int(3), Rational.int(2))?.toString() // "3/2" */
export function div(a: Num, b: Num): Num | undefined {
  if (isZero(b)) return undefined;
  return typeof a === "number" || typeof b === "number" ? f(a) / f(b) : a.div(b);
}
/** @example neg(Rational.int(2)).toString() // "-2" */
export function neg(a: Num): Num {
  return typeof a === "number" ? -a : a.neg();
}
/** @example isZero(0) // true */
export function isZero(a: Num): boolean {
  return typeof a === "number" ? a === 0 : a.isZero();
}
/** @example toNumber(Rational.of(1, 4)) // 0.25 */
export const toNumber = f;

/** A JSON value: exact integers as numbers, other rationals as "p/q", floats as numbers. @example numJson(Rational.of(3, 4)) // "3/4" */
export function numJson(v: Num): number | string {
  return typeof v === "number" ? v : v.toJSON();
}
