/**
 * Walkthrough layout for handouts (issue 9, items 4, 5, 6 and 9), each on a problem that triggers
 * it and on one that does not: long sums broken over aligned lines, zero products left out of long
 * window sums, scatter copies as kernel-sized blocks past 4 input cells, the complete cell list
 * folded in HTML and complete in Markdown, the grouped page's kernel slices, bias step, channel
 * names and check, and the matrix view's numeric Cᵀ and labelled columns.
 */
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { LINE_EM, breakSum, mathKit, texWidthEm } from "../../src/render/math.ts";
import { katexTarget } from "../../src/render/tex-target.ts";
import { CHUNK_CELLS, chunkRows } from "../../src/render/steps/cells.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";

const derive = (o: ProblemOptions) => explain(parseProblem({ allowSymbols: true, ...o }));
const md = (o: ProblemOptions, locale: "en" | "zh-CN" = "en") => renderDerivation(derive(o), { format: "md", locale });
const html = (o: ProblemOptions) => renderDerivation(derive(o), { format: "html", locale: "en" });
/** The display formulas of a Markdown document. */
const displays = (text: string) => [...text.matchAll(/\$\$\n([\s\S]*?)\n\$\$/g)].map((m) => m[1]!);
/** The part of a Markdown document under the heading that starts with `title`. */
const section = (text: string, title: string) => {
  const start = text.search(new RegExp(`^## \\d+\\. ${title}`, "m"));
  const rest = text.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
};

const seed: ProblemOptions = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };
const stride2: ProblemOptions = { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" };
const threeD: ProblemOptions = { input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]" };
const oneD: ProblemOptions = { input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" };
const grouped: ProblemOptions = {
  layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]",
};

/** Rows of an aligned block or array (split at `\\`). */
const rowsOf = (tex: string) => tex.replace(/\\begin\{(aligned|array)\}(\{[^}]*\})?|\\end\{(aligned|array)\}/g, "").split(/\\\\(?:\[[^\]]*\])?/);

describe("the width estimate that decides where a long line breaks", () => {
  it("grows with every summand and counts colours as nothing", () => {
    expect(texWidthEm("x_{0,0}w_{1,1} + x_{0,1}w_{1,0}")).toBeGreaterThan(texWidthEm("x_{0,0}w_{1,1}"));
    expect(texWidthEm("\\textcolor{#0072B2}{x_{0,0}}")).toBeCloseTo(texWidthEm("x_{0,0}"));
  });
  it("counts a sign narrower than a binary minus: -12 is narrower than 1 - 12 minus the 1", () => {
    expect(texWidthEm("-12")).toBeLessThan(texWidthEm("1 - 12") - texWidthEm("1"));
  });
  it("breaks a sum into lines no wider than the budget, later lines starting with their sign", () => {
    const parts = Array.from({ length: 10 }, (_, i) => `x_{${i},0}w_{1,${i}}`);
    const lines = breakSum([...parts, "-1"], 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(texWidthEm(l)).toBeLessThanOrEqual(12 + 2 + 1);
    expect(lines.slice(1).every((l) => l.startsWith("+ ") || l.startsWith("- "))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/- 1$/);
  });
  it("writes a negative summand as a subtraction: 5·0 − 1, never 5·0 + -1", () => {
    const kit = mathKit(derive(seed), katexTarget);
    expect(kit.sum(["5\\cdot 0", "-1"])).toBe("5\\cdot 0 - 1");
  });
});

describe("item 4: long formulas break over aligned lines instead of running off the page", () => {
  it("the 3-D busiest cell (8 terms) is split over several aligned rows, each within the line budget", () => {
    const cells = section(md(threeD), "Every output cell");
    const focus = displays(cells).find((t) => t.includes("\\begin{aligned}") && t.startsWith("\\begin{aligned} y_{1,1,1}"))!;
    expect(focus).toBeDefined();
    const rows = rowsOf(focus);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(texWidthEm(r)).toBeLessThanOrEqual(LINE_EM + 1);
  });
  it("the seed's busiest cell (4 terms) stays on one line", () => {
    const cells = section(md(seed), "Every output cell");
    expect(displays(cells).some((t) => /^y_\{1,1\} = /.test(t))).toBe(true);
  });
  it("stride-2 window sums leave out zero products and say so; the seed's 4-product windows keep them all", () => {
    const s2 = section(md(stride2), "The same thing");
    expect(s2).toContain("Zero products left out");
    const window = displays(s2).find((t) => /^y_\{1,1\} =/.test(t))!;
    // Four of its nine products are non-zero (x00·1, x01·0 is dropped, x10·(−1), x11·1): the rest are not written.
    const products = window.split("\\right\\rangle = ")[1]!;
    expect(products).not.toMatch(/(^|[=+] )0\\cdot/);
    expect(products.match(/\\cdot/g)!.length).toBe(3);
    expect(window).toMatch(/= 2$/);
    for (const row of rowsOf(window)) expect(texWidthEm(row.replace(/\\begin\{bmatrix\}.*?\\end\{bmatrix\}/g, "[]"))).toBeLessThanOrEqual(LINE_EM);
    const seedDirect = section(md(seed), "The same thing");
    expect(seedDirect).not.toContain("Zero products left out");
    expect(displays(seedDirect).find((t) => t.startsWith("y_{0,0} = "))).toContain("0\\cdot(-1) + 0\\cdot 0 + 0\\cdot 0");
  });
  it("the 1-D scatter sum of four length-9 rows is stacked as a column sum, not one 1300 px line", () => {
    const sum = displays(section(md(oneD), "Scatter")).find((t) => t.includes("&=\\;"))!;
    expect(sum.startsWith("\\begin{aligned}")).toBe(true);
    expect(rowsOf(sum).length).toBeGreaterThanOrEqual(3);
    // The seed's four 3×3 grids still fit on one line.
    expect(displays(section(md(seed), "Scatter")).some((t) => !t.includes("aligned") && (t.match(/\\begin\{bmatrix\}/g) ?? []).length === 5)).toBe(true);
  });
  it("an elided matrix keeps to 12 columns: the dilated page's 4×16 C is elided", () => {
    const c = displays(md({ ...seed, dilation: "2" })).find((t) => t.startsWith("C = "))!;
    expect(c).toContain("\\cdots");
  });
});

describe("item 5: past 4 input cells, copies are blocks and the complete cell list is folded", () => {
  it("stride 2 on a 3×3 input: each copy is a kernel-sized block with where it lands", () => {
    const scatter = section(md(stride2), "Scatter");
    expect(scatter).toContain("\\text{rows 1–3, columns 1–3}");
    expect(scatter).toContain("\\text{rows 0–1, columns 0–1 (5 cropped)}");
    // No 6×6 mostly-zero grid per copy: the only 6-row grid is the result Y.
    const sixRows = displays(scatter).filter((t) => /\\begin\{bmatrix\}(?:[^\\]|\\(?!end))*?(\\\\[^\\]*){5}\\end\{bmatrix\}/.test(t));
    expect(sixRows.every((t) => t.startsWith("Y = "))).toBe(true);
  });
  it("a 3-D block names its slices by where they are in the output ((1,·,·) and (2,·,·) for a copy on slices 1–2)", () => {
    const scatter = section(md(threeD), "Scatter");
    const row = displays(scatter).find((t) => t.includes("{x_{1,1,1}}\\,W"))!;
    expect(row).toContain("\\text{slices 1–2, rows 1–2, columns 1–2}");
    const block = row.slice(row.indexOf("{x_{1,1,1}}"));
    expect(block).toContain("_{(1,\\,\\cdot,\\,\\cdot)}");
    expect(block).toContain("_{(2,\\,\\cdot,\\,\\cdot)}");
    expect(block).not.toContain("_{(0,");
    expect(block).not.toContain("i_{0}");
  });
  it("the cells section derives the focus cell and two edge cells, and Markdown still lists all 36", () => {
    const cells = section(md(stride2), "Every output cell");
    expect(cells).toContain("two cells at the edge, $y_{0,0}$ and $y_{5,5}$");
    expect(cells).toContain("Every cell, one per line (36 cells):");
    const list = displays(cells.slice(cells.indexOf("Every cell, one per line")));
    const labels = list.flatMap((t) => t.match(/y_\{\d,\d\}(?= &= )/g) ?? []);
    expect(labels).toHaveLength(36);
    expect(new Set(labels).size).toBe(36);
  });
  it("the complete list comes as one piece per output row (print can break between them), in order", () => {
    const cells = section(md(stride2), "Every output cell");
    const pieces = displays(cells.slice(cells.indexOf("Every cell, one per line"))).filter((t) => / &= /.test(t));
    expect(pieces).toHaveLength(6);
    pieces.forEach((piece, r) => {
      expect(piece.match(/y_\{\d,\d\}(?= &= )/g)).toEqual([0, 1, 2, 3, 4, 5].map((c) => `y_{${r},${c}}`));
    });
  });
  it("in HTML the complete list is inside <details>, which print CSS shows without any script", () => {
    const page = html(stride2);
    expect(page).toMatch(/<details class="full-list"><summary>Every cell, one per line \(36 cells\):<\/summary>\s*<div class="math-display">/);
    expect(page).toContain("details.full-list::details-content { content-visibility: visible; display: contents; }");
    expect(page).not.toMatch(/<script/);
  });
  it("the seed (4 input cells) keeps whole grids and an unfolded list", () => {
    const text = md(seed);
    expect(text).not.toContain("Every cell, one per line");
    expect(section(text, "Scatter")).not.toContain("\\text{rows");
    expect(html(seed)).not.toContain("<details");
  });
  it("a list of only 4 cells is not folded (seed 001's convolution of a 3×3 input)", () => {
    expect(md({ op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" })).not.toContain("Every cell, one per line");
  });
  it("cuts a list into pieces at output-row starts, a long row after CHUNK_CELLS cells, with \\vdots kept with the piece before", () => {
    const cell = (n: number, rowStart = false) => ({ rows: `y_{${n}} &= ${n}`, rowStart });
    const vdots = { rows: "&\\;\\vdots", rowStart: false };
    expect(chunkRows([cell(0, true), cell(1), cell(2, true), cell(3)])).toEqual([
      "\\begin{aligned} y_{0} &= 0 \\\\ y_{1} &= 1 \\end{aligned}",
      "\\begin{aligned} y_{2} &= 2 \\\\ y_{3} &= 3 \\end{aligned}",
    ]);
    const long = Array.from({ length: CHUNK_CELLS + 2 }, (_, i) => cell(i, i === 0));
    expect(chunkRows(long).map((p) => p.match(/ &= /g)!.length)).toEqual([CHUNK_CELLS, 2]);
    const elided = chunkRows([cell(0, true), cell(1), vdots, cell(9, true)]);
    expect(elided).toHaveLength(2);
    expect(elided[0]).toContain("\\vdots");
  });
  it("the zh-CN walkthrough folds the same list with its own words", () => {
    expect(md(stride2, "zh-CN")).toContain("全部元素，每行一个（共 36 个）：");
  });
});

describe("item 6: the grouped page (2 channels, 2 groups, bias [1,-1]) is consistent", () => {
  const text = md(grouped);
  it("labels each copy with its kernel slice: channel 1's copies multiply W_{1,0}, not W", () => {
    const scatter = section(text, "Scatter");
    expect(scatter).toContain("{x_{1,0,0}}\\,W_{1,0} = \\textcolor{#0072B2}{5}\\cdot W_{1,0}");
    expect(scatter).toContain("{x_{0,0,0}}\\,W_{0,0}");
    expect(section(md(seed), "Scatter")).not.toContain("W_{");
  });
  it("adds the bias as its own step after the sum of copies", () => {
    const scatter = section(text, "Scatter");
    expect(scatter).toContain("S_{0} = \\begin{bmatrix} 1 & 2 & 0");
    expect(scatter).toContain("Y_{1} = S_{1} + b_{1} = S_{1} - 1 = ");
    expect(section(md(seed), "Scatter")).not.toContain("S = ");
  });
  it("writes a negative bias as a subtraction everywhere (no \"+ -1\")", () => {
    expect(text).not.toMatch(/\+ -\d/);
    expect(section(text, "Every output cell")).toContain("\\cdot 0 - 1 = -1");
  });
  it("says which channel the sliding-window view draws before drawing it", () => {
    const direct = section(text, "The same thing");
    const said = direct.indexOf("This view draws output channel 0");
    expect(said).toBeGreaterThan(-1);
    expect(said).toBeLessThan(direct.indexOf("\\left\\langle"));
    expect(section(md(seed), "The same thing")).not.toContain("This view draws output channel");
  });
  it("names cells with their channel index everywhere, the overlap section included", () => {
    expect(section(text, "Overlap")).toContain("At $y_{0,1,1}$");
    expect(section(text, "Overlap")).not.toContain("At $y_{1,1}$");
  });
  it("adds the bias in the matrix view as its own vector of b_c per output cell", () => {
    const m = section(text, "The matrix view");
    const product = displays(m).find((t) => t.startsWith("\\operatorname{vec}(Y)"))!;
    // vec(X) then "+ [1, 1, …, -1, -1]": channel 0's cells get b_0 = 1, channel 1's b_1 = -1.
    expect(product).toMatch(/\\end\{bmatrix\} \+ \\begin\{bmatrix\} 1 \\\\ 1 \\\\ 1 (\\\\ [^&]*?)-1 \\\\ -1 \\end\{bmatrix\} = /);
    expect(m).toContain("the bias is added as its own vector");
    expect(section(md(seed), "The matrix view")).not.toContain("the bias is added");
  });
  it("prints every channel in the check: 18 values as Y_0 and Y_1", () => {
    const check = section(text, "Check");
    expect(check).toContain("the same 18 values");
    expect(displays(check).map((t) => t.slice(0, 7))).toEqual(["Y_{0} =", "Y_{1} ="]);
  });
});

describe("item 9: the matrix view multiplies numbers by numbers and names what it kept", () => {
  it("the product uses C^T with the kernel's numbers, after saying which numbers go in", () => {
    const m = section(md(stride2), "The matrix view");
    expect(m).toContain("put the kernel's numbers in for the names ($w_{0,0} = 1,\\; w_{0,1} = 0");
    const product = displays(m).find((t) => t.startsWith("\\operatorname{vec}(Y)"))!;
    expect(product).not.toMatch(/w_\{/);
  });
  it("an elided C names its kept columns and says why each was kept", () => {
    const m = section(md(stride2), "The matrix view");
    const c = displays(m).find((t) => t.startsWith("C = "))!;
    expect(c).toMatch(/^C = \\begin\{bmatrix\} \\scriptstyle y_\{0,0\} & \\scriptstyle y_\{0,1\}/);
    expect(c).toContain("\\scriptstyle y_{1,1}");
    expect(m).toContain("the first six ($y_{0,0}$ to $y_{0,5}$, where the matrix starts), the column of the cell explained in full ($y_{1,1}$) and the last two ($y_{5,4}$, $y_{5,5}$, where it ends); the dots stand for the other 27.");
  });
  it("the seed's C is complete: no column labels, no kept-column sentence, and still a numeric product", () => {
    const m = section(md(seed), "The matrix view");
    expect(m).not.toContain("\\scriptstyle");
    expect(m).not.toContain("the first six");
    expect(displays(m).find((t) => t.startsWith("\\operatorname{vec}(Y)"))).not.toMatch(/w_\{/);
  });
  it("a kernel of the user's own symbols is put in the same way: w_{0,0} = e", () => {
    const m = section(md({ input: "[[1,2],[3,4]]", kernel: "[[e,f],[g,h]]" }), "The matrix view");
    expect(m).toContain("($w_{0,0} = e,\\; w_{0,1} = f");
  });
});
