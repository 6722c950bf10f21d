/**
 * When a claimed cell counts as equal to a value. Exact claims (integers, fractions) against an
 * exact truth: exactly equal. A decimal the person wrote is "right to the digits written": within
 * half a unit of its last digit (0.33 accepts [0.325, 0.335], so 1/3 → 0.33 is right, 0.34 is
 * not). When the truth itself is float64 (the problem had decimals), a relative 1e-9 is allowed
 * on top for the evaluator's rounding. Diagnoses use the same rule, so a mistake "reproduces" a
 * cell exactly when the cell would have been accepted had the mistake been the truth.
 */
import { Rational } from "../algebra/rational.ts";
import type { ClaimEntry } from "./claim/entry.ts";
import { toNumber, type Num } from "./value.ts";

/** Relative tolerance for float64 truths. */
export const FLOAT_RELATIVE_TOLERANCE = 1e-9;

/**
 * How far a value printed by a framework in a float type may be from the exact result: a few
 * units in the last place of the type's significand (sums are rounded once per term).
 */
export const DTYPE_RELATIVE_TOLERANCE: Readonly<Record<"float16" | "bfloat16" | "float32" | "float64", number>> = {
  float16: 4 * 2 ** -11, bfloat16: 4 * 2 ** -8, float32: 4 * 2 ** -24, float64: 4 * 2 ** -53,
};

const halfUnitCache = new Map<number, Rational>();
/** Half a unit in the last written digit: 0.5·10^−digits (digits below 0 count as 0). @example halfUnit(2).toString() // "1/200" */
export function halfUnit(digits: number): Rational {
  const d = Math.max(0, digits);
  let h = halfUnitCache.get(d);
  if (!h) { h = Rational.of(5n, 10n ** BigInt(d + 1)); halfUnitCache.set(d, h); }
  return h;
}

/**
 * Whether the claimed cell agrees with `value`. `?` agrees with everything (it is not compared).
 *
 * @example
 * claimMatches({ kind: "decimal", value: Rational.of(33, 100), digits: 2 }, Rational.of(1, 3)) // true
 * claimMatches({ kind: "exact", value: Rational.int(3) }, Rational.int(4))                    // false
 */
export function claimMatches(entry: ClaimEntry, value: Num): boolean {
  if (entry.kind !== "unknown" && entry.relTol !== undefined) {
    // A framework print of a float type: right to the type's precision (and to the digits printed).
    const v = toNumber(value), c = entry.value.toNumber();
    const printed = entry.kind === "decimal" ? toNumber(halfUnit(entry.digits)) : 0;
    return Math.abs(c - v) <= Math.max(printed, entry.relTol * Math.max(1, Math.abs(v)));
  }
  switch (entry.kind) {
    case "unknown": return true;
    case "exact":
      if (typeof value !== "number") return entry.value.equals(value);
      return Math.abs(entry.value.toNumber() - value) <= FLOAT_RELATIVE_TOLERANCE * Math.max(1, Math.abs(value));
    case "decimal": {
      const tol = halfUnit(entry.digits);
      if (typeof value !== "number") return entry.value.sub(value).abs().compare(tol) <= 0;
      const slack = Math.max(toNumber(tol), FLOAT_RELATIVE_TOLERANCE * Math.max(1, Math.abs(value)));
      return Math.abs(entry.value.toNumber() - value) <= slack;
    }
    default: { const never: never = entry; throw new Error(`claimMatches: ${String(never)}`); }
  }
}

/** The claimed cell as a number to compute with (undefined for `?`). @example claimValue({ kind: "unknown" }) // undefined */
export function claimValue(entry: ClaimEntry): Num | undefined {
  return entry.kind === "unknown" ? undefined : entry.value;
}
