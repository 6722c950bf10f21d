/** `missing-term`: the claimed value is the true sum with one (non-zero) term left out. */
import { claimMatches } from "../compare.ts";
import { isZero, sub } from "../value.ts";
import type { CellExplanation, CellMistake } from "./types.ts";

export const missingTerm: CellMistake = {
  id: "missing-term",
  scope: "cell",
  explain({ expected, claimed, terms, termValues }) {
    const found: CellExplanation[] = [];
    terms.forEach((term, j) => {
      const value = termValues[j]!;
      if (!isZero(value) && claimMatches(claimed, sub(expected, value))) found.push({ mistake: "missing-term", term, value });
    });
    return found;
  },
};
