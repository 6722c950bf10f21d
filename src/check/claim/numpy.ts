/**
 * numpy as people paste it: `np.array([[1,2],[3,4]])`, the repr `array([[1, 2], [3, 4]])` (with
 * `dtype=float32` when numpy shows one: a float dtype sets the precision the print is trusted
 * to), or numpy's printed form without commas `[[1 2]\n [3 4]]`; summarised prints (`...`) too.
 */
import { TconvError } from "../../spec/error.ts";
import { dtypeName, parseCall, printedData, withStated } from "./call.ts";
import type { ClaimGrid } from "./grid.ts";

const NAME = /^(?:(?:np|numpy|jnp|jax\.numpy)\.)?(?:array|asarray)$/;

/** Whether `text` is a numpy constructor/repr or numpy's comma-free printed form. @example looksLikeNumpy("np.array([[1,2]])") // true */
export function looksLikeNumpy(text: string): boolean {
  if (/^(?:(?:np|numpy|jnp|jax\.numpy)\.)?(?:array|asarray)\s*\(/.test(text) && /\)$/.test(text)) return true;
  // Printed numpy: nested brackets with cells separated by blanks only.
  return /^\[\s*\[/.test(text) && !text.includes(",") && /[\d.?]\s+[-+\d.?]/.test(text);
}

/**
 * @example
 * parseNumpyClaim("np.array([[1, 2], [3, 4]], dtype=float)", "--claim").shape // → [2, 2]
 * parseNumpyClaim("[[ 1.  2.]\n [ 3. -4.]]", "--claim").shape               // → [2, 2]
 */
export function parseNumpyClaim(text: string, field: string, shape?: readonly number[]): ClaimGrid {
  if (!text.startsWith("[")) {
    const call = parseCall(text, field);
    if (!call || !NAME.test(call.name) || call.data === undefined || !call.data.startsWith("[")) {
      throw new TconvError("bad-claim", field, "expected the data as a bracketed list inside array(...)");
    }
    let dtype: string | undefined;
    for (const [key, value] of call.kwargs) {
      if (key === "dtype") dtype = dtypeName(value);
      else throw new TconvError("bad-claim", field, `unexpected ${key}= after the data; only dtype= may follow`);
    }
    return withStated(printedData(call.data, field, shape), dtype ? { dtype } : {}, field);
  }
  return printedData(text, field, shape);
}
