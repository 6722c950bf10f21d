/**
 * The showcase drift test. The committed output/ is the reviewed golden of every rendered page
 * (the seed walkthrough's Markdown included): `npm start` must reproduce it byte for byte, and a
 * page that differs fails with the first differing lines, numbered, not with a bare "false".
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeShowcase } from "../../src/showcase.ts";
import { firstDifference } from "../text-diff.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-showcase-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start regenerates output/ byte for byte", () => {
  const written = writeShowcase(dir).sort();
  const committed = readdirSync(new URL("../../output/", import.meta.url)).sort();

  it("writes exactly the committed files", () => {
    expect(written).toEqual(committed);
  });

  it.each(written)("%s is unchanged (run npm start and commit output/ if this fails)", (name) => {
    const fresh = readFileSync(join(dir, name), "utf8");
    const old = readFileSync(new URL(`../../output/${name}`, import.meta.url), "utf8");
    expect(firstDifference(old, fresh), `output/${name} (- committed, + fresh)`).toBeUndefined();
  });
});
