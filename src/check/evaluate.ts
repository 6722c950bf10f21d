/** The reference evaluator's result as a flat list of check numbers (exact or float64). */
import { evaluate } from "../algebra/evaluate.ts";
import type { ScalarTensor } from "../algebra/scalar.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { Num } from "./value.ts";

/**
 * Evaluates a (possibly mistaken) problem exactly, or in float64 when an entry is a float.
 *
 * @example
 * evaluateNums(info, x, w).map(String) // ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"] for the seed
 */
export function evaluateNums(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): Num[] {
  const r = evaluate(info, x, w, bias);
  return r.mode === "exact" ? r.values : Array.from(r.values);
}
