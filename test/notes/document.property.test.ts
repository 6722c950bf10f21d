import { test } from "@fast-check/vitest";
import { note } from "./arbitrary-note.ts";
import { describe, expect } from "vitest";
import { noteStatus, renderNote, stripGenerated, type BlockRenderer } from "../../src/notes/document.ts";

/** A renderer that echoes the body, so every block's region is different and easy to see. */
const echo: BlockRenderer = (body, at) => ({ markdown: `Derivation of the block at line ${at.line}:\n\n$$\n${body.length}\n$$\n\n- ${body.split("\n")[0]}` });
const failing: BlockRenderer = () => { throw new Error("a fresh block must not be rendered again"); };

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
