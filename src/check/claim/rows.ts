/**
 * Plain rows, as typed on paper or in a chat: numbers separated by blanks, rows by new lines,
 * by ` / ` (a slash with blanks around it; `3/4` without blanks is a fraction) or by `;`:
 *
 *     1 2 0 / 3 3 -2 / 0 -3 -4        1  2  0
 *                                     3  3 -2
 *                                     0 -3 -4
 *
 * An assignment in front (`Y = `) is the name of the result, not part of it. One row is a 1-D
 * claim; a single number is not a tensor.
 */
import { TconvError } from "../../spec/error.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

const NAME = /^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*[:=]\s*/;
const CELL = /^(?:[+\-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:\/\d+)?|\?)$/;

/** The text without a leading `Y =` (or `y:`). @example withoutName("Y = 1 2") // "1 2" */
export const withoutName = (text: string): string => text.trim().replace(NAME, "");

/** Whether the text is rows of plain numbers (at least two cells). @example looksLikeRows("1 2 0 / 3 3 -2") // true */
export function looksLikeRows(text: string): boolean {
  const cells = rowsOf(text).flat();
  return cells.length >= 2 && cells.every((c) => CELL.test(c));
}

/** Rows split at new lines, `;` and ` / `, cells at blanks (a linear split, no backtracking). */
const rowsOf = (text: string): string[][] => withoutName(text).split(/\r?\n|;|\s\/\s/)
  .map((r) => r.trim()).filter((r) => r !== "").map((r) => r.split(/[ \t]+/));

/**
 * @example
 * parseRowsClaim("1 2 0 / 3 3 -2 / 0 -3 -4", "--claim").shape // → [3, 3]
 * parseRowsClaim("Y = 1 2 3", "--claim").shape               // → [3]
 */
export function parseRowsClaim(text: string, field: string): ClaimGrid {
  const rows = rowsOf(text);
  if (rows.length === 0) throw new TconvError("bad-claim", field, "no rows of numbers found");
  return gridFromNested(rows.length === 1 ? rows[0]! : rows, field);
}
