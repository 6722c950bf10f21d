import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { mathInMarkdown, validateTex } from "../../src/render/katex-check.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";

const OUTPUT = new URL("../../output/", import.meta.url);
const showcaseMd = readdirSync(OUTPUT).filter((f) => f.endsWith(".md") && f !== "index.md");

const problems: Record<string, ProblemOptions> = {
  "fractions and decimals": { input: "[[1/2,2],[3,4]]", kernel: "[[0.5,0],[0,-1]]" },
  "user symbols and Greek letters": { input: "[[a,b],[\\alpha,w1]]", kernel: "[[p,q],[r,s]]" },
  "asymmetric padding (PyTorch caveat)": { input: "[[1,2,3],[4,5,6]]", kernel: "[[1,1],[1,1]]", padding: "0,1,1,0" },
  "output_size chooses the output padding": { input: "[1,2,3]", kernel: "[1,1,1]", stride: "2", padding: "1", outputSize: "6" },
  "a 20×20 input, elided": { input: JSON.stringify(Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => (i * 7 + j) % 5 - 2))), kernel: "[[1,2,1],[0,1,0],[-1,0,1]]", stride: "2" },
};

function expectValid(md: string): number {
  const all = mathInMarkdown(md);
  for (const m of all) expect(() => validateTex(m.tex, m.display), m.tex.slice(0, 120)).not.toThrow();
  return all.length;
}

describe("every maths string passes KaTeX with throwOnError, strict error and trust false", () => {
  it.each(showcaseMd)("showcase file %s", (name) => {
    expect(expectValid(readFileSync(new URL(name, OUTPUT), "utf8"))).toBeGreaterThan(0);
  });

  it.each(Object.entries(problems))("%s, in English and Chinese", (_name, o) => {
    const d = explain(parseProblem({ allowSymbols: true, ...o }));
    for (const locale of ["en", "zh-CN"] as const) expect(expectValid(renderDerivation(d, { format: "md", locale }))).toBeGreaterThan(10);
  });
});

describe("the Markdown stays in the KaTeX ∩ MathJax subset", () => {
  it("puts every $$ on its own line and never sets MaxMatrixCols", () => {
    const md = readFileSync(new URL("seed.en.md", OUTPUT), "utf8");
    for (const line of md.split("\n")) if (line.includes("$$")) expect(line).toBe("$$");
    expect(md).not.toContain("MaxMatrixCols");
  });
});
