/**
 * `arithmetic-slip`: the right terms, summed wrongly. It always fits, so the checker names it only
 * for a cell that no other mistake explains, and says by how much the sum is off.
 */
import { claimValue } from "../compare.ts";
import { sub } from "../value.ts";
import type { CellMistake } from "./types.ts";

export const arithmeticSlip: CellMistake = {
  id: "arithmetic-slip",
  scope: "cell",
  explain({ expected, claimed }) {
    const v = claimValue(claimed);
    return v === undefined ? [] : [{ mistake: "arithmetic-slip", off: sub(v, expected) }];
  },
};
