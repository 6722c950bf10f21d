/**
 * MATLAB/Octave matrices: `[1 2; 3 4]`, `[1, 2; 3, 4]`, rows split by `;` or new lines, cells
 * by blanks or commas. Always two axes (a row vector `[1 2 3]` is 1×3).
 */
import { TconvError } from "../../spec/error.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

/** Whether `text` is one flat bracket pair holding `;` or blank-separated numbers. @example looksLikeMatlab("[1 2; 3 4]") // true */
export function looksLikeMatlab(text: string): boolean {
  if (!/^\[[^[\]]*\]$/.test(text)) return false;
  const body = text.slice(1, -1);
  return body.includes(";") || /[\d?.]\s+[-+\u2212]?[\d?.]/.test(body.replace(/\s*,\s*/g, ","));
}

/**
 * @example
 * parseMatlabClaim("[1 2 0; 3 3 -2; 0 -3 -4]", "--claim").shape // → [3, 3]
 */
export function parseMatlabClaim(text: string, field: string): ClaimGrid {
  const m = /^\[([^[\]]*)\]$/.exec(text.trim());
  if (!m) throw new TconvError("bad-claim", field, "expected a MATLAB matrix such as [1 2; 3 4]");
  // A trailing `;` or line break ends the last row rather than starting an empty one.
  const rows = m[1]!.split(/;|\n/).map((r) => r.trim()).filter((r) => r !== "");
  // As in MATLAB, `1 -4` is two cells; `1 - 4` leaves a lone "-" that the entry parser refuses.
  const cells = rows.map((row) => row.replace(/\s*,\s*/g, ",").split(/[\s,]+/).filter((c) => c !== ""));
  return gridFromNested(cells, field);
}
