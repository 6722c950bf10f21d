/** `missing-term`: the claimed value is the true sum with one (non-zero) term left out. */
import { isZero } from "../value.ts";
import type { CellExplanation, CellMistake } from "./types.ts";

export const missingTerm: CellMistake = {
  id: "missing-term",
  scope: "cell",
  explain({ terms, termValues, fits }) {
    const found: CellExplanation[] = [];
    terms.forEach((term, j) => {
      const value = termValues[j]!;
      if (!isZero(value) && fits(value, -1)) found.push({ mistake: "missing-term", term, value });
    });
    return found;
  },
};
