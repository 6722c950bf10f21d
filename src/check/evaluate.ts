/**
 * The truth (and every mistaken recomputation) as a flat list of check numbers. Exact problems
 * go through the reference evaluator (BigInt rationals), except the common all-integer case
 * whose sums provably stay below 2^53: the tensor core computes those in float64, where every
 * partial sum of integers below 2^53 is exact whatever the summation order, and the results are
 * turned back into exact integers. A check recomputes the problem about ten times, so this keeps
 * a 64×64 check well under a second.
 */
import { evaluate } from "../algebra/evaluate.ts";
import { Rational } from "../algebra/rational.ts";
import { numericMode, type ScalarTensor } from "../algebra/scalar.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import { computeTensor } from "../tensor/index.ts";
import type { Num } from "./value.ts";

/**
 * Evaluates a (possibly mistaken) problem exactly, or in float64 when an entry is a float.
 *
 * @example
 * evaluateNums(info, x, w).map(String) // ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"] for the seed
 */
export function evaluateNums(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): Num[] {
  const ints = integerData(info, x, w, bias);
  if (ints) {
    const out = computeTensor(info, ints.x, ints.w, ints.bias);
    return Array.from(out, (v) => Rational.int(v === 0 ? 0 : v));
  }
  const r = evaluate(info, x, w, bias);
  return r.mode === "exact" ? r.values : Array.from(r.values);
}

/** Float64 copies of all-integer tensors whose every cell sum is bounded below 2^53, else undefined. */
function integerData(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor) {
  if (numericMode(x, w, bias) !== "exact") return undefined;
  const copy = (t: ScalarTensor): [Float64Array, number] | undefined => {
    const out = new Float64Array(t.data.length);
    let max = 0;
    for (let i = 0; i < out.length; i++) {
      const s = t.data[i]!;
      if (s.kind !== "exact" || s.value.den !== 1n) return undefined;
      const v = Number(s.value.num);
      if (!Number.isSafeInteger(v)) return undefined;
      out[i] = v;
      max = Math.max(max, Math.abs(v));
    }
    return [out, max];
  };
  const xs = copy(x), ws = copy(w), bs = bias ? copy(bias) : undefined;
  if (!xs || !ws || (bias && !bs)) return undefined;
  const termsPerCell = info.kernelCount * info.inChannelsPerGroup;
  const bound = xs[1] * ws[1] * termsPerCell + (bs ? bs[1] : 0);
  if (!(bound < Number.MAX_SAFE_INTEGER)) return undefined;
  return { x: xs[0], w: ws[0], bias: bs?.[0] };
}
