import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { currentSection, exampleSection, readmePath, runNotesOnExample } from "./readme-example.ts";
import { stripGenerated } from "../../src/notes/document.ts";
import { readmeNote } from "./readme-example.ts";

describe("the notes example of docs/notes.md (once the README's)", () => {
  it("shows exactly what tconv notes writes for the example note today", async () => {
    const run = await runNotesOnExample();
    expect(currentSection(readFileSync(readmePath, "utf8"))).toBe(exampleSection(run));
  });

  it("is a note that strips back to itself", async () => {
    const { after } = await runNotesOnExample();
    expect(stripGenerated(after)).toBe(readmeNote);
  });
});
