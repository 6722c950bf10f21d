import type { Polynomial } from "./polynomial.ts";
import { Rational } from "./rational.ts";

/**
 * One entry of a tensor the user wrote: an exact number (integers, fractions), a float (a
 * decimal the user wrote when exactness was not asked for, or a non-terminating value) or a
 * symbol, or an expression over numbers and symbols (`2a + b/3`) held as the exact polynomial it
 * expands to. `tex` is the symbol already in safe TeX (escaped by the parser); an expression's
 * `text` is what the user wrote (trimmed), for labels and plain-text output.
 */
export type Scalar =
  | { readonly kind: "exact"; readonly value: Rational }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "symbol"; readonly name: string; readonly tex: string }
  | { readonly kind: "expression"; readonly poly: Polynomial; readonly text: string };

/**
 * An exact scalar.
 *
 * @example
 * exact(Rational.of(3, 4)).value.toString() // → "3/4"
 */
export const exact = (value: Rational): Scalar => ({ kind: "exact", value });
/**
 * A float scalar.
 *
 * @example
 * float(0.5) // → {"kind": "float", "value": 0.5}
 */
export const float = (value: number): Scalar => ({ kind: "float", value });
/**
 * A symbol scalar; `tex` must already be safe TeX.
 *
 * @example
 * symbol("a", "a") // → {"kind": "symbol", "name": "a", "tex": "a"}
 */
export const symbol = (name: string, tex: string): Scalar => ({ kind: "symbol", name, tex });
/**
 * An expression scalar: the polynomial an entry such as `2a + b/3` expands to, and its text.
 *
 * @example
 * expression(Polynomial.fromScalar(symbol("a", "a")), "a").kind // → "expression"
 */
export const expression = (poly: Polynomial, text: string): Scalar => ({ kind: "expression", poly, text });

/** A dense tensor of scalars, row-major. */
export interface ScalarTensor {
  readonly shape: readonly number[];
  readonly data: readonly Scalar[];
}

/** Which arithmetic a problem needs, from the kinds of its entries. */
export type NumericMode = "exact" | "float" | "symbolic";

/**
 * The arithmetic a tensor needs: symbolic if any symbol, else float if any float, else exact.
 *
 * @example
 * numericMode(parseTensorLiteral("[1, 2/3]", { field: "x", allowSymbols: false })) // → "exact"
 */
export function numericMode(...tensors: (ScalarTensor | undefined)[]): NumericMode {
  let mode: NumericMode = "exact";
  for (const t of tensors) {
    if (!t) continue;
    for (const s of t.data) {
      if (s.kind === "symbol" || s.kind === "expression") return "symbolic";
      if (s.kind === "float") mode = "float";
    }
  }
  return mode;
}

export function scalarToNumber(s: Scalar): number {
  switch (s.kind) {
    case "exact": return s.value.toNumber();
    case "float": return s.value;
    case "symbol": throw new Error(`scalarToNumber: ${s.name} is a symbol`);
    case "expression": throw new Error(`scalarToNumber: ${s.text} has symbols`);
    default: { const never: never = s; throw new Error(`unknown scalar ${String(never)}`); }
  }
}

/** Float64 copy of a numeric tensor's data. */
export function toFloat64(t: ScalarTensor): Float64Array {
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = scalarToNumber(t.data[i]!);
  return out;
}
