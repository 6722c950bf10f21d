/** The claim form of CONTRACT.md's tensors: `[[1,2],[3,?]]`, commas between entries (`...` for a gap). */
import { parseBrackets } from "./brackets.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

/**
 * @example
 * parseArrayLiteralClaim("[[1, 2, 0], [3, ?, -2]]", "--claim").shape // → [2, 3]
 */
export function parseArrayLiteralClaim(text: string, field: string, shape?: readonly number[]): ClaimGrid {
  return gridFromNested(parseBrackets(text, field, false), field, shape);
}
