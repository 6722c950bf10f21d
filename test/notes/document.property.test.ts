import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { noteStatus, renderNote, stripGenerated, type BlockRenderer } from "../../src/notes/document.ts";

/** A renderer that echoes the body, so every block's region is different and easy to see. */
const echo: BlockRenderer = (body, at) => ({ markdown: `Derivation of the block at line ${at.line}:\n\n$$\n${body.length}\n$$\n\n- ${body.split("\n")[0]}` });
const failing: BlockRenderer = () => { throw new Error("a fresh block must not be rendered again"); };

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

const note = fc.record({
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

describe("rendering notes", () => {
  test.prop([note], { numRuns: 300 })("render then strip gives back the note byte for byte", async (text) => {
    const rendered = await renderNote(text, echo);
    expect(stripGenerated(rendered.text)).toBe(text);
  });

  test.prop([note], { numRuns: 300 })("rendering twice changes nothing the second time", async (text) => {
    const once = await renderNote(text, echo);
    const twice = await renderNote(once.text, failing);
    expect(twice.text).toBe(once.text);
    expect(twice.changed).toBe(false);
    expect(noteStatus(once.text).every((b) => b.status !== "stale")).toBe(true);
  });

  test.prop([note])("every rendered block is fresh afterwards and each stale block was one region", async (text) => {
    const before = noteStatus(text);
    const rendered = await renderNote(text, echo);
    const after = noteStatus(rendered.text);
    expect(after.map((b) => b.status)).toEqual(before.map((b) => (b.status === "stale" ? "fresh" : b.status)));
  });
});
