import { readFileSync } from "node:fs";

/** The notes built by both plugins in Chromium: the example note of docs/notes.md and a longer one. */
export const exampleNotes: ReadonlyArray<readonly [name: string, text: string]> = [
  ["readme", readFileSync(new URL("./fixtures/readme-note.md", import.meta.url), "utf8")],
  ["week3", readFileSync(new URL("./fixtures/week3.md", import.meta.url), "utf8")],
];
