import type { ConvInfo } from "../geometry/conv-info.ts";
import { forEachCellTerm, tapTables, weightOffset } from "../geometry/taps.ts";
import { Rational } from "./rational.ts";
import { numericMode, scalarToNumber, type ScalarTensor } from "./scalar.ts";

/** The arithmetic the reference evaluator runs on: exact rationals or float64. */
interface Ring<T> {
  zero: T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
}

const rationalRing: Ring<Rational> = { zero: Rational.ZERO, add: (a, b) => a.add(b), mul: (a, b) => a.mul(b) };
const floatRing: Ring<number> = { zero: 0, add: (a, b) => a + b, mul: (a, b) => a * b };

/**
 * The reference evaluator: every output cell summed term by term from the tap tables, in the
 * documented term order, channels and groups included. Slow but obviously right; the tensor
 * core is checked against it. Tensors are canonical (channels-first, see ConvInfo).
 */
function evaluateWith<T>(
  info: ConvInfo, x: readonly T[], w: readonly T[], bias: readonly T[] | undefined, ring: Ring<T>,
): T[] {
  const tables = tapTables(info);
  const { batch, groups, inChannelsPerGroup: cig, outChannelsPerGroup: cog, inCount, outCount } = info;
  const out = new Array<T>(batch * info.outChannels * outCount);
  // The spatial terms of each output cell are the same for every channel: list them once.
  const termIn: number[][] = [], termK: number[][] = [];
  for (let o = 0; o < outCount; o++) {
    const ins: number[] = [], ks: number[] = [];
    forEachCellTerm(info, tables, o, (i, k) => { ins.push(i); ks.push(k); });
    termIn.push(ins); termK.push(ks);
  }
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      for (let col = 0; col < cog; col++) {
        const co = g * cog + col;
        for (let o = 0; o < outCount; o++) {
          let acc = bias ? bias[co]! : ring.zero;
          const ins = termIn[o]!, ks = termK[o]!;
          for (let cil = 0; cil < cig; cil++) {
            const ci = g * cig + cil;
            const xBase = (n * info.inChannels + ci) * inCount;
            const wBase = weightOffset(info, ci, co);
            for (let j = 0; j < ins.length; j++) acc = ring.add(acc, ring.mul(x[xBase + ins[j]!]!, w[wBase + ks[j]!]!));
          }
          out[(n * info.outChannels + co) * outCount + o] = acc;
        }
      }
    }
  }
  return out;
}

export type Evaluation =
  | { readonly mode: "exact"; readonly shape: readonly number[]; readonly values: Rational[] }
  | { readonly mode: "float"; readonly shape: readonly number[]; readonly values: Float64Array };

/**
 * Evaluates a numeric problem: exactly when every entry is an integer or fraction, in float64
 * when any entry is a float. `x` is [N, C_in, *in], `w` the canonical weight, `bias` [C_out].
 */
export function evaluate(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): Evaluation {
  const mode = numericMode(x, w, bias);
  if (mode === "symbolic") throw new Error("evaluate: symbolic entries need the symbolic engine");
  const shape = info.outputShape;
  if (mode === "exact") {
    const pick = (t: ScalarTensor) => t.data.map((s) => (s.kind === "exact" ? s.value : Rational.ZERO));
    const values = evaluateWith(info, pick(x), pick(w), bias && pick(bias), rationalRing);
    return { mode, shape, values };
  }
  const num = (t: ScalarTensor) => t.data.map(scalarToNumber);
  const values = Float64Array.from(evaluateWith(info, num(x), num(w), bias && num(bias), floatRing));
  return { mode, shape, values };
}
