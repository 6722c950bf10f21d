import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";

const seed = explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }));

describe("formats of the seed walkthrough", () => {
  it("html is one self-contained page: KaTeX pre-rendered, fonts inline, three SVG figures, no scripts or URLs fetched", () => {
    const html = renderDerivation(seed, { format: "html", locale: "en" });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-error");
    expect(html).toContain("data:font/woff2;base64,");
    expect(html.match(/<figure class="diagram"><svg/g)?.length).toBe(3);
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it("html of the Chinese walkthrough declares lang zh-CN", () => {
    expect(renderDerivation(seed, { format: "html", locale: "zh-CN" })).toContain('<html lang="zh-CN">');
  });

  it("tex is a standalone document with amsmath and xcolor, colours defined, MaxMatrixCols only in the preamble", () => {
    const tex = renderDerivation(seed, { format: "tex", locale: "en" });
    expect(tex).toMatch(/^\\documentclass/);
    expect(tex).toContain("\\usepackage{amsmath,amssymb}");
    expect(tex).toContain("\\definecolor{tconva}{HTML}{0072B2}");
    const begin = tex.indexOf("\\begin{document}");
    expect(tex.indexOf("MaxMatrixCols")).toBeLessThan(begin);
    expect(tex.slice(begin)).not.toContain("MaxMatrixCols");
    expect(tex).toContain("\\textcolor{tconva}{x_{0,0}}w_{1,1}");
    expect(tex.trimEnd().endsWith("\\end{document}")).toBe(true);
  });

  it("tex of the Chinese walkthrough wraps the body in a CJK environment", () => {
    const tex = renderDerivation(seed, { format: "tex", locale: "zh-CN" });
    expect(tex).toContain("\\usepackage{CJKutf8}");
    expect(tex).toContain("\\begin{CJK}{UTF8}{gbsn}");
  });

  it("json holds every step and every cell with exact values", () => {
    const j = JSON.parse(renderDerivation(seed, { format: "json", locale: "en" }));
    expect(j.steps.map((s: { kind: string }) => s.kind)).toHaveLength(10);
    expect(j.output).toEqual([1, 2, 0, 3, 3, -2, 0, -3, -4]);
    expect(j.steps[3].cells[4].terms).toEqual([[0, 3], [1, 2], [2, 1], [3, 0]]);
  });

  it("md writes the centre cell as formula, numbers, result", () => {
    const md = renderDerivation(seed, { format: "md", locale: "en" });
    expect(md).toContain("y_{1,1} = \\textcolor{#0072B2}{x_{0,0}}w_{1,1} + \\textcolor{#B84E00}{x_{0,1}}w_{1,0} + \\textcolor{#00785A}{x_{1,0}}w_{0,1} + \\textcolor{#A3417F}{x_{1,1}}w_{0,0} = \\textcolor{#0072B2}{1}\\cdot(-1) + \\textcolor{#B84E00}{2}\\cdot 0 + \\textcolor{#00785A}{3}\\cdot 0 + \\textcolor{#A3417F}{4}\\cdot 1 = 3");
  });

  it("a 64×64 problem stays readable: JSON complete, Markdown elided and saying so", () => {
    const input = JSON.stringify(Array.from({ length: 64 }, (_, i) => Array.from({ length: 64 }, (_, j) => ((i * 31 + j * 17) % 7) - 3)));
    const d = explain(parseProblem({ input, kernel: "[[1,2,1],[0,1,0],[-1,0,1]]", stride: "2", padding: "1", outputPadding: "1" }));
    const j = JSON.parse(renderDerivation(d, { format: "json", locale: "en" }));
    expect(j.steps.find((s: { kind: string }) => s.kind === "cells").cells).toHaveLength(128 * 128);
    const md = renderDerivation(d, { format: "md", locale: "en" });
    expect(md.length).toBeLessThan(200_000);
    expect(md).toContain("\\cdots");
    expect(md).toMatch(/\d+ of the 16384 cells are left out/);
  });
});

describe("3-D grids", () => {
  it("label each 2-D slice with its leading index, counted from the index base", () => {
    const d = explain(parseProblem({ input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]" }), { indexBase: 1, sections: ["cells"] });
    const md = renderDerivation(d, { format: "md", locale: "en" });
    expect(md).toContain("}_{(1,\\,\\cdot,\\,\\cdot)} \\; \\underbrace{");
    expect(md).toContain("}_{(3,\\,\\cdot,\\,\\cdot)}");
    expect(md).not.toContain("i_{0}");
    expect(md).not.toContain("i_{0}=0");
  });
});
