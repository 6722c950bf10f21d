/**
 * `extra-term`: the claimed value is the true sum plus one term that does not belong — a term of
 * this cell counted twice, or a term of a neighbouring cell (±1 on the spatial axes) that was
 * added here as well.
 */
import { isZero } from "../value.ts";
import type { CellExplanation, CellMistake } from "./types.ts";

export const extraTerm: CellMistake = {
  id: "extra-term",
  scope: "cell",
  explain({ cell, terms, termValues, ctx, fits }) {
    const found: CellExplanation[] = [];
    terms.forEach((term, j) => {
      const value = termValues[j]!;
      if (!isZero(value) && fits(value, 1)) {
        found.push({ mistake: "extra-term", term, value, source: "duplicate" });
      }
    });
    // Matches are rare, so no set of seen terms is built: a candidate is checked against this
    // cell's terms and earlier finds only when its value fits.
    const known = (x: number, w: number) =>
      terms.some((t) => t.x === x && t.w === w) || found.some((f) => f.mistake === "extra-term" && f.term.x === x && f.term.w === w);
    for (const from of ctx.terms.neighboursOf(cell)) {
      const fromTerms = ctx.terms.termsOf(from), fromValues = ctx.termValues(from);
      for (let j = 0; j < fromTerms.length; j++) {
        const value = fromValues[j]!;
        if (isZero(value) || !fits(value, 1)) continue;
        const term = fromTerms[j]!;
        if (!known(term.x, term.w)) found.push({ mistake: "extra-term", term, value, source: "neighbour", from });
      }
    }
    return found;
  },
};
