/**
 * `sign-error`: one term's sign flipped (claimed = true − 2·term), or the whole result negated
 * (claimed = −true).
 */
import { claimMatches } from "../compare.ts";
import { isZero, neg } from "../value.ts";
import type { CellExplanation, CellMistake } from "./types.ts";

export const signError: CellMistake = {
  id: "sign-error",
  scope: "cell",
  explain({ expected, claimed, terms, termValues, fits }) {
    const found: CellExplanation[] = [];
    terms.forEach((term, j) => {
      const value = termValues[j]!;
      if (!isZero(value) && fits(value, -2)) {
        found.push({ mistake: "sign-error", scope: "term", term, value });
      }
    });
    if (!isZero(expected) && claimMatches(claimed, neg(expected))) found.push({ mistake: "sign-error", scope: "result" });
    return found;
  },
};

