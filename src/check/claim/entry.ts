/**
 * One cell of a claimed tensor, as a person writes it: an exact number, a decimal (kept exact,
 * with how many digits were written, because a hand calculation rounds), or `?` for a cell the
 * person did not compute. Every claim form (array literal, LaTeX, Markdown table, numpy/MATLAB)
 * parses its cells through this one function, so all forms accept the same numbers.
 */
import { Rational } from "../../algebra/rational.ts";
import { TconvError } from "../../spec/error.ts";

/** One claimed cell: `?` (not computed), an exact number, or a decimal with its written digits. */
export type ClaimEntry =
  | { readonly kind: "unknown" }
  | {
    readonly kind: "exact"; readonly value: Rational;
    /** A relative tolerance from the print's stated float type (dtype=float32); absent for a hand calculation. */
    readonly relTol?: number;
  }
  | {
    readonly kind: "decimal";
    /** The decimal exactly as written (0.33 is 33/100). */
    readonly value: Rational;
    /** Digits after the point, exponent applied: 0.33 → 2, 1.5e-3 → 4, 2e3 → -3. */
    readonly digits: number;
    readonly relTol?: number;
  };

export const UNKNOWN: ClaimEntry = Object.freeze({ kind: "unknown" });

const INTEGER = /^[+-]?\d+$/;
const FRACTION = /^([+-]?\d+)\/([+-]?\d+)$/;
const DECIMAL = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/;

/**
 * Parses one claimed cell. Accepts `?` (not computed), integers, fractions `3/4`, decimals
 * `0.25`, `1e-3`, the Unicode minus `−`, and spaces after a sign (`- 4`). Anything else is the
 * user's error, reported on `field` with the cell's position.
 *
 * @example
 * parseClaimEntry("-3/4", [0, 1], "--claim") // → { kind: "exact", value: -3/4 }
 * parseClaimEntry("0.33", [0], "--claim")    // → { kind: "decimal", value: 33/100, digits: 2 }
 * parseClaimEntry("?", [2, 2], "--claim")    // → { kind: "unknown" }
 */
export function parseClaimEntry(raw: string, index: readonly number[], field: string): ClaimEntry {
  const text = raw.trim().replace(/[\u2212\u2013]/g, "-").replace(/^([+-])\s+/, "$1").replace(/\s*\/\s*/, "/");
  if (text === "?") return UNKNOWN;
  if (INTEGER.test(text)) return { kind: "exact", value: Rational.of(BigInt(text)) };
  const frac = FRACTION.exec(text);
  if (frac) {
    if (BigInt(frac[2]!) === 0n) throw new TconvError("bad-claim", field, `${where(index, raw)}: division by zero`);
    return { kind: "exact", value: Rational.of(BigInt(frac[1]!), BigInt(frac[2]!)) };
  }
  const dec = DECIMAL.exec(text);
  if (dec && (dec[2] !== "" || dec[3] !== "")) {
    const value = Rational.parse(text);
    if (value === undefined) throw new TconvError("bad-claim", field, `${where(index, raw)}: exponent too large`);
    const digits = (dec[3] ?? "").length - Number(dec[4] ?? "0");
    return { kind: "decimal", value, digits };
  }
  throw new TconvError("bad-claim", field,
    `${where(index, raw)}: expected a number (integer, fraction like 3/4, decimal) or ? for a cell not computed`);
}

/** How an error names a cell. @example where([1, 2], " x ") // 'entry [1,2] "x"' */
export function where(index: readonly number[], raw: string): string {
  const shown = raw.trim().length > 30 ? `${raw.trim().slice(0, 27)}...` : raw.trim();
  return `entry [${index.join(",")}] "${shown}"`;
}
