import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { renderNote } from "../../src/notes/document.ts";
import type { Deriver } from "../../src/notes/render-block.ts";
import { note } from "./arbitrary-note.ts";
import { viaMarkdownIt, viaRemark } from "./pipelines.ts";

/** A cheap stand-in derivation with math, different per block. */
const derive: Deriver = (block) => `Block with ${Object.keys(block.spelling).length} keys: $k = ${Object.keys(block.spelling).length}$`;
const staleRegion = () => ({ markdown: "an old derivation that must not show\n\n$$\nold\n$$" });

describe("the plugins on random notes", () => {
  test.prop([note], { numRuns: 60 })("remark renders a note the same before and after tconv notes wrote regions", async (text) => {
    const { text: withRegions } = await renderNote(text, staleRegion);
    expect(await viaRemark(withRegions, { derive })).toBe(await viaRemark(text, { derive }));
  });

  test.prop([note], { numRuns: 60 })("markdown-it renders a note the same before and after tconv notes wrote regions", async (text) => {
    const { text: withRegions } = await renderNote(text, staleRegion);
    expect(await viaMarkdownIt(withRegions, { derive })).toBe(await viaMarkdownIt(text, { derive }));
  });
});
