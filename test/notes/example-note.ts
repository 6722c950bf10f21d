import { readFileSync } from "node:fs";

/** The note the README shows before and after `tconv notes`, also built by both plugins in Chromium. */
export const exampleNotePath = new URL("./fixtures/week3.md", import.meta.url);
export const exampleNote = readFileSync(exampleNotePath, "utf8");
