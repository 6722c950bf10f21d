/**
 * CSV and TSV, as a spreadsheet or `np.savetxt` writes them: one row per line, cells separated
 * by commas or tabs (whichever the first line uses). A first line of labels (`a,b,c`) is a header
 * and is dropped. One line is a 1-D claim.
 */
import { TconvError } from "../../spec/error.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

const NUMERIC = /^\s*(?:[+\-\u2212]?\s*(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:\/\d+)?|\?)\s*$/;

/** Whether the text is lines of comma- or tab-separated values, no brackets. @example looksLikeCsv("1,2\n3,4") // true */
export function looksLikeCsv(text: string): boolean {
  if (/[[\](){}|$\\]/.test(text)) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const sep = separatorOf(lines[0] ?? "");
  return sep !== undefined && lines.slice(1).every((l) => l.includes(sep))
    && lines.some((l) => l.split(sep).some((c) => NUMERIC.test(c)));
}

/**
 * @example
 * parseCsvClaim("1,2,0\n3,3,-2\n0,-3,-4\n", "--claim").shape // → [3, 3]
 * parseCsvClaim("a\tb\n1\t2", "--claim").shape              // → [2]
 */
export function parseCsvClaim(text: string, field: string): ClaimGrid {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const sep = separatorOf(lines[0] ?? "");
  if (sep === undefined) throw new TconvError("bad-claim", field, "expected comma- or tab-separated values");
  // A trailing separator (`1,2,`) ends the row rather than adding an empty cell.
  let rows = lines.map((l) => l.replace(sep === "," ? /,\s*$/ : /\t\s*$/, "").split(sep).map((c) => c.trim()));
  if (rows.length > 1 && !rows[0]!.every((c) => NUMERIC.test(c))) rows = rows.slice(1);
  return gridFromNested(rows.length === 1 ? rows[0]! : rows, field);
}

const separatorOf = (line: string): "," | "\t" | undefined => (line.includes("\t") ? "\t" : line.includes(",") ? "," : undefined);
