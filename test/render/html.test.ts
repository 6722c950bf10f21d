/** The HTML body: a display formula shown a second time is marked so print can set it compactly. */
import { describe, expect, it } from "vitest";
import { finishHtml } from "../../src/render/html.ts";

/** A display placeholder as the document builder writes it (its own paragraph). */
const display = (i: number) => `\uE002${i}\uE003`;
const classes = (html: string) => [...html.matchAll(/<div class="(math-display[^"]*)">/g)].map((m) => m[1]);

describe("finishHtml marks repeated display formulas", () => {
  it("marks the second and later showings of the same formula as repeats, never the first", () => {
    const math = [{ tex: "Y = 1", display: true }, { tex: "Z = 2", display: true }, { tex: "Y = 1", display: true }, { tex: "Y = 1", display: true }];
    const html = finishHtml([0, 1, 2, 3].map(display).join("\n\n"), math, {});
    expect(classes(html)).toEqual(["math-display", "math-display", "math-display repeat", "math-display repeat"]);
  });
  it("marks nothing on a page whose formulas all differ", () => {
    const math = [{ tex: "a", display: true }, { tex: "b", display: true }];
    expect(classes(finishHtml([0, 1].map(display).join("\n\n"), math, {}))).toEqual(["math-display", "math-display"]);
  });
  it("renders a repeat with the same KaTeX as the first showing", () => {
    const math = [{ tex: "x^2", display: true }, { tex: "x^2", display: true }];
    const [first, second] = finishHtml([0, 1].map(display).join("\n\n"), math, {}).split(/<div class="math-display[^"]*">/).slice(1);
    expect(second).toBe(first);
  });
});
