/**
 * Markdown (GFM) tables:
 *
 *     | 1 | 2 | 0 |          |   | 0 | 1 | 2 |
 *     |---|---|---|    or    |---|---|---|---|
 *     | 3 | 3 | -2|          | 0 | 1 | 2 | 0 |
 *
 * A table needs a header row. When every header cell is a number or `?`, the header IS the first
 * row of the claim (people put their first row there). Otherwise the header is labels and is
 * dropped; if its first cell is empty (a corner), the first column is row labels and is dropped too.
 */
import { TconvError } from "../../spec/error.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

const DELIMITER_ROW = /^\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?$/;

/** Whether the text is a pipe table with a delimiter row. @example looksLikeMarkdownTable("| 1 |\n|---|") // true */
export function looksLikeMarkdownTable(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length >= 2 && lines[0]!.includes("|") && DELIMITER_ROW.test(lines[1]!);
}

/**
 * @example
 * parseMarkdownTableClaim("| 1 | 2 |\n|---|---|\n| 3 | ? |", "--claim").shape // → [2, 2]
 */
export function parseMarkdownTableClaim(text: string, field: string): ClaimGrid {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  if (lines.length < 2 || !DELIMITER_ROW.test(lines[1]!)) {
    throw new TconvError("bad-claim", field, "a Markdown table needs a header row and a |---| delimiter row");
  }
  const split = (line: string) => line.replace(/^\|/, "").replace(/\|$/, "").split("|").map(plain);
  const header = split(lines[0]!);
  const body = lines.slice(2).map(split);
  const numeric = (c: string) => /^[+\-\u2212]?\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(\/\d+)?$|^\?$/.test(c);
  let rows: string[][];
  if (header.every(numeric)) rows = [header, ...body];
  else if (header[0] === "") rows = body.map((r) => r.slice(1));
  else rows = body;
  if (rows.length === 0) throw new TconvError("bad-claim", field, "the Markdown table has a header but no rows of numbers");
  return gridFromNested(rows, field);
}

/** Cell text without emphasis or code marks (`**3**`, `` `3` ``), which people use to highlight. */
const plain = (c: string) => c.trim().replace(/^(\*\*|__|\*|_|`)(.*)\1$/, "$2").trim();
