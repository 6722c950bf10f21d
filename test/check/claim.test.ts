import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseClaim } from "../../src/check/claim/index.ts";
import { TconvError } from "../../src/spec/error.ts";

const read = (text: string, cwd?: string) => {
  const c = parseClaim(text, { field: "--claim", ...(cwd ? { cwd } : {}) });
  return { form: c.form, shape: c.shape, cells: c.entries.map((e) => (e.kind === "unknown" ? "?" : e.value.toString())) };
};
const refusal = (text: string): TconvError => {
  try { parseClaim(text, { field: "--claim" }); } catch (e) { if (e instanceof TconvError) return e; throw e; }
  throw new Error(`accepted: ${text}`);
};
const SEED = ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"];

describe("claim forms", () => {
  it("an array literal with ? cells keeps them as not computed", () => {
    expect(read("[[1,2,0],[3,?,-2],[0,-3,-4]]")).toEqual({ form: "array-literal", shape: [3, 3], cells: ["1", "2", "0", "3", "?", "-2", "0", "-3", "-4"] });
  });

  it("fractions, decimals and the Unicode minus are read exactly", () => {
    expect(read("[3/4, 0.25, −2, - 5]").cells).toEqual(["3/4", "1/4", "-2", "-5"]);
  });

  it("a LaTeX bmatrix inside $$ with a name before it", () => {
    expect(read("$$ Y = \\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{bmatrix} $$")).toEqual({ form: "latex", shape: [3, 3], cells: SEED });
  });

  it("a pmatrix with a trailing \\\\, highlighted cells and fractions", () => {
    const c = read("\\begin{pmatrix} \\boxed{1} & {\\color{red}-\\frac{3}{4}} \\\\ \\textcolor{blue}{?} & \\dfrac{1}{2} \\\\ \\end{pmatrix}");
    expect(c).toEqual({ form: "latex", shape: [2, 2], cells: ["1", "-3/4", "?", "1/2"] });
  });

  it("seed 001's equation of two matrices: the last one (the result) is the claim", () => {
    const c = read("$$ \\text{Output} = \\begin{bmatrix} (1-5) & (2-6) \\\\ (4-8) & (5-9) \\end{bmatrix} = \\begin{bmatrix} -4 & -4 \\\\ -4 & -4 \\end{bmatrix} $$");
    expect(c.cells).toEqual(["-4", "-4", "-4", "-4"]);
  });

  it("an array environment with a column spec and \\hline, inside \\[ \\] and \\left[ \\right]", () => {
    const c = read("\\[ Y = \\left[\\begin{array}{cc} 1 & 2 \\\\ \\hline 3 & \\mathbf{4} \\end{array}\\right] \\]");
    expect(c).toEqual({ form: "latex", shape: [2, 2], cells: ["1", "2", "3", "4"] });
  });

  it("a Markdown table whose header is the first row", () => {
    expect(read("| 1 | 2 | 0 |\n|---|---|---|\n| 3 | 3 | -2 |\n| 0 | -3 | -4 |")).toEqual({ form: "markdown-table", shape: [3, 3], cells: SEED });
  });

  it("a Markdown table with index labels drops the header and the label column", () => {
    expect(read("|   | 0 | 1 |\n|:-:|:-:|:-:|\n| 0 | **1** | 2 |\n| 1 | 3 | ? |").cells).toEqual(["1", "2", "3", "?"]);
  });

  it("a Markdown table with a text header drops only the header", () => {
    expect(read("| a | b |\n|---|---|\n| 1 | 2 |").shape).toEqual([1, 2]);
  });

  it("numpy: np.array(...) with dtype, and numpy's printed form without commas", () => {
    expect(read("np.array([[1, 2, 0], [3, 3, -2], [0, -3, -4]], dtype=np.int64)")).toEqual({ form: "numpy", shape: [3, 3], cells: SEED });
    expect(read("[[ 1.  2.  0.]\n [ 3.  3. -2.]\n [ 0. -3. -4.]]")).toEqual({ form: "numpy", shape: [3, 3], cells: SEED });
    expect(read("torch.tensor([[1., 2.5]])").cells).toEqual(["1", "5/2"]);
  });

  it("MATLAB: rows by ; cells by blanks or commas", () => {
    expect(read("[1 2 0; 3 3 -2; 0 -3 -4]")).toEqual({ form: "matlab", shape: [3, 3], cells: SEED });
    expect(read("[1, 2; 3, 4;]").shape).toEqual([2, 2]);
    expect(read("[1 2 3]").shape).toEqual([1, 3]);
  });

  it("@file reads the claim from a file relative to cwd", () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-claim-"));
    writeFileSync(join(dir, "answer.tex"), "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}\n");
    expect(read("@answer.tex", dir).cells).toEqual(["1", "2", "3", "4"]);
  });

  it("a decimal keeps how many digits were written", () => {
    const e = parseClaim("[0.33, 1.5e-3, 2]", { field: "--claim" }).entries;
    expect(e.map((x) => (x.kind === "decimal" ? x.digits : x.kind))).toEqual([2, 4, "exact"]);
  });
});

describe("bad claims are refused on --claim", () => {
  it.each([
    ["a ragged array", "[[1,2],[3]]", /ragged/],
    ["a ragged LaTeX matrix", "\\begin{bmatrix} 1 & 2 \\\\ 3 \\end{bmatrix}", /ragged/],
    ["an unclosed LaTeX environment", "\\begin{bmatrix} 1 & 2", /no matching \\end\{bmatrix\}/],
    ["an unknown TeX command in a cell", "\\begin{bmatrix} 1 & \\foo{2} \\end{bmatrix}", /not a number: \\foo/],
    ["mismatched environments", "\\begin{bmatrix} 1 \\end{pmatrix}", /no matching|closed by/],
    ["LaTeX without a matrix", "$$ y = 3 $$", /no matrix found/],
    ["a symbol as a cell", "[[1,x]]", /expected a number/],
    ["an empty row", "[[1,2],[]]", /ragged|empty/],
    ["a bare number", "3", /bare value/],
    ["an empty claim", "   ", /empty/],
    ["a missing file", "@no-such-file.txt", /cannot read/],
    ["division by zero", "[1/0]", /division by zero/],
  ])("%s", (_name, text, message) => {
    const e = refusal(text);
    expect(e.path).toBe("--claim");
    expect(e.message).toMatch(message);
  });
});
