/**
 * `overlap-not-summed`: where kernel copies overlap, one contribution overwrites the others
 * instead of being added. Contributions are written in row-major input order (input channel,
 * then input position), as someone placing "each input value times the kernel" in turn would:
 * `last-wins` keeps the last write, `first-wins` keeps the first (writing only into empty cells).
 * Bias is still added once.
 */
import type { ProblemMistake, Recomputation } from "./types.ts";
import { add, mul, type Num } from "../value.ts";
import { Rational } from "../../algebra/rational.ts";

export const overlapNotSummed: ProblemMistake = {
  id: "overlap-not-summed",
  scope: "problem",
  recompute({ problem, terms, xValues, wValues, biasValues }) {
    const info = problem.info;
    const zero: Num = typeof xValues[0] === "number" ? 0 : Rational.ZERO;
    const variants: Recomputation[] = [];
    for (const order of ["last-wins", "first-wins"] as const) {
      const values: Num[] = [];
      for (let cell = 0; cell < terms.cellCount; cell++) {
        const ts = terms.termsOf(cell);
        const t = order === "last-wins" ? ts[ts.length - 1] : ts[0];
        const co = Math.floor(cell / info.outCount) % info.outChannels;
        const v = t ? mul(xValues[t.x]!, wValues[t.w]!) : zero;
        values.push(biasValues ? add(v, biasValues[co]!) : v);
      }
      variants.push({ diagnosis: { mistake: "overlap-not-summed", order }, info, values });
    }
    return variants;
  },
};
