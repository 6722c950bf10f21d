/**
 * `extra-term`: the claimed value is the true sum plus one term that does not belong — a term of
 * this cell counted twice, or a term of a neighbouring cell (±1 on the spatial axes) that was
 * added here as well.
 */
import { claimMatches } from "../compare.ts";
import { add, isZero, mul } from "../value.ts";
import type { CellExplanation, CellMistake } from "./types.ts";

export const extraTerm: CellMistake = {
  id: "extra-term",
  scope: "cell",
  explain({ cell, expected, claimed, terms, termValues, ctx }) {
    const found: CellExplanation[] = [];
    terms.forEach((term, j) => {
      const value = termValues[j]!;
      if (!isZero(value) && claimMatches(claimed, add(expected, value))) {
        found.push({ mistake: "extra-term", term, value, source: "duplicate" });
      }
    });
    const wCount = ctx.wValues.length;
    const seen = new Set(terms.map((t) => t.x * wCount + t.w));
    for (const from of ctx.terms.neighboursOf(cell)) {
      for (const term of ctx.terms.termsOf(from)) {
        const key = term.x * wCount + term.w;
        if (seen.has(key)) continue;
        seen.add(key);
        const value = mul(ctx.xValues[term.x]!, ctx.wValues[term.w]!);
        if (!isZero(value) && claimMatches(claimed, add(expected, value))) {
          found.push({ mistake: "extra-term", term, value, source: "neighbour", from });
        }
      }
    }
    return found;
  },
};
