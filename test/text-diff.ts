/**
 * A readable account of where two texts first differ, for drift tests whose files are too large
 * for a full diff (a showcase page is about a megabyte): the first differing line with its number,
 * a few lines of context from both sides, and the line counts.
 */

/** Longest line shown; the rest is cut around the first differing character. */
const LINE_LIMIT = 160;

/**
 * `undefined` when `actual` equals `expected`; otherwise a few lines that say where they part,
 * e.g. `first difference at line 12 (expected 40 lines, got 41)` followed by numbered lines of
 * both texts (`-` expected, `+` actual).
 */
export function firstDifference(expected: string, actual: string, context = 2): string | undefined {
  if (expected === actual) return undefined;
  const want = expected.split("\n"), got = actual.split("\n");
  let line = 0;
  while (line < want.length && line < got.length && want[line] === got[line]) line++;
  const from = Math.max(0, line - context);
  const width = String(Math.max(want.length, got.length)).length;
  const show = (mark: string, lines: string[], i: number) => `${mark} ${String(i + 1).padStart(width)} | ${clip(lines[i]!, column(want[line], got[line]))}`;
  const out = [`first difference at line ${line + 1} (expected ${want.length} lines, got ${got.length})`];
  for (let i = from; i < line; i++) out.push(show(" ", want, i));
  for (let i = line; i < Math.min(want.length, line + context + 1); i++) out.push(show("-", want, i));
  for (let i = line; i < Math.min(got.length, line + context + 1); i++) out.push(show("+", got, i));
  return out.join("\n");
}

/** The first column at which two lines differ (0 when either is missing). */
function column(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0;
  let c = 0;
  while (c < a.length && c < b.length && a[c] === b[c]) c++;
  return c;
}

/** A long line cut to a window around `at`, with … where text was left out. */
function clip(text: string, at: number): string {
  if (text.length <= LINE_LIMIT) return text;
  const start = Math.max(0, Math.min(at - LINE_LIMIT / 4, text.length - LINE_LIMIT));
  return `${start > 0 ? "…" : ""}${text.slice(start, start + LINE_LIMIT)}${start + LINE_LIMIT < text.length ? "…" : ""}`;
}
