import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";

// Golden files are reviewed like code: regenerate with `npm start` and copy output/seed.*.md here.
describe("the seed walkthrough matches its reviewed golden file", () => {
  const d = explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }));
  it.each(["en", "zh-CN"] as const)("in %s", (locale) => {
    const golden = readFileSync(new URL(`../golden/seed.${locale}.md`, import.meta.url), "utf8");
    expect(renderDerivation(d, { format: "md", locale })).toBe(golden);
  });
});
