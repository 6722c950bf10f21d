import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation, renderHtmlParts } from "../../src/render/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";

const problems = {
  seed: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" },
  stride2: { input: "[[1,2/3,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" },
  conv: { op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" },
} as const;

/** The body of a whole HTML walkthrough (what sits in `<main>`). */
const bodyOf = (html: string) => html.slice(html.indexOf("<main>\n") + "<main>\n".length, html.lastIndexOf("\n</main>"));

describe("an HTML walkthrough in parts finished on demand (renderHtmlParts)", () => {
  for (const [name, args] of Object.entries(problems)) {
    for (const locale of ["en", "zh-CN"] as const) {
      it(`joins, for the ${name} problem in ${locale}, into exactly the body renderDerivation writes, finished in any order`, () => {
        const d = explain(parseProblem(args));
        const parts = renderHtmlParts(d, { locale });
        // Finish the sections back to front: the result may not depend on the order they were asked for.
        const sections = parts.sections.map((s) => s.html).reverse().map((html) => html()).reverse();
        expect(parts.head() + sections.join("")).toBe(bodyOf(renderDerivation(d, { format: "html", locale })));
        expect(parts.sections.map((s) => s.kind)).toEqual(d.steps.map((s) => s.kind));
      });
    }
  }

  it("marks a result shown again in a later section as a repeat, as the whole page does", () => {
    const d = explain(parseProblem(problems.seed));
    const parts = renderHtmlParts(d, { locale: "en" });
    const last = parts.sections.at(-1)!.html();
    expect(bodyOf(renderDerivation(d, { format: "html", locale: "en" }))).toContain('class="math-display repeat"');
    expect(parts.sections.slice(1).some((s) => s.html().includes('class="math-display repeat"'))).toBe(true);
    expect(parts.sections[0]!.html()).not.toContain('class="math-display repeat"');
    expect(last.length).toBeGreaterThan(0);
  });

  it("draws a section's diagram only when that section is finished", () => {
    const d = explain(parseProblem(problems.stride2));
    const parts = renderHtmlParts(d, { locale: "en" });
    const direct = parts.sections.find((s) => s.kind === "direct")!.html();
    const size = parts.sections.find((s) => s.kind === "size")!.html();
    expect(direct).toContain("<svg");
    expect(size).not.toContain("<svg");
  });
});
