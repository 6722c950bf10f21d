/**
 * Random Markdown notes with tconv blocks in every position and disguise: blocks at the start and
 * the end, LF and CRLF (mixed), with and without a final newline, a byte-order mark, other
 * fences (``` ~~~ ````), tconv fences inside other code, indented code, quotes and lists, HTML
 * blocks, math, stray fence and marker lines, and random text.
 */
import { fc } from "@fast-check/vitest";

const word = fc.stringMatching(/^[A-Za-z0-9 *_$<>&|#\\-]{0,20}$/);
const body = fc.array(fc.stringMatching(/^[a-z]{1,6}: \[?[0-9, -]{0,8}\]?$/), { maxLength: 4 }).map((ls) => ls.join("\n"));

/** Pieces of Markdown, each a list of lines (no line endings). */
const piece = fc.oneof(
  word.map((w) => [w]),
  word.map((w) => [`# ${w}`]),
  fc.constant([""]),
  body.map((b) => ["```tconv", ...lines(b), "```"]),
  body.map((b) => ["~~~tconv", ...lines(b), "~~~"]),
  body.map((b) => ["````tconv extra words", ...lines(b), "````"]),
  body.map((b) => ["  ```tconv", ...lines(b), "  ```"]),
  body.map((b) => ["```python", "print('```tconv')", ...lines(b), "```"]),
  body.map((b) => ["````", "```tconv", ...lines(b), "```", "````"]),
  body.map((b) => ["~~~", "```tconv", ...lines(b), "```", "~~~"]),
  body.map((b) => ["", "    ```tconv", ...lines(b).map((l) => "    " + l), "    ```", ""]),
  body.map((b) => ["> ```tconv", ...lines(b).map((l) => "> " + l), "> ```"]),
  body.map((b) => ["- item", "", "  ```tconv", ...lines(b).map((l) => "  " + l), "  ```"]),
  fc.constant(["<div>", "```tconv", "</div>"]),
  fc.constant(["$$", "x^2", "$$"]),
  fc.string({ maxLength: 30 }).map((t) => t.split(/\r\n|\r|\n/)),
  fc.constantFrom(["```tconv"], ["```"], ["~~~"], ["<!-- tconv:end -->"], ["\t```tconv", "\ta: 1", "\t```"]),
);

function lines(b: string): string[] {
  return b === "" ? [] : b.split("\n");
}

export const note = fc.record({
  pieces: fc.array(piece, { maxLength: 8 }),
  eols: fc.array(fc.constantFrom("\n", "\r\n"), { minLength: 1, maxLength: 3 }),
  trailingEol: fc.boolean(),
  bom: fc.boolean(),
}).map(({ pieces, eols, trailingEol, bom }) => {
  const all = pieces.flat();
  if (bom && all.length > 0) all[0] = "\uFEFF" + all[0]!;
  let text = "";
  all.forEach((l, i) => {
    const last = i === all.length - 1;
    text += l + (last && !trailingEol ? "" : eols[i % eols.length]!);
  });
  return text;
});

