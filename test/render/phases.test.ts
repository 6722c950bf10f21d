import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation, type Format } from "../../src/render/index.ts";
import { mathInMarkdown, validateTex } from "../../src/render/katex-check.ts";
import type { Locale } from "../../src/spec/locale.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";

const render = (o: ProblemOptions, locale: Locale = "en", format: Format = "md", indexBase: 0 | 1 = 0) =>
  renderDerivation(explain(parseProblem({ allowSymbols: true, ...o }), { sections: ["phases"], indexBase }), { format, locale });
const ONE_D = { input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" };
const STRIDE2 = { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" };
const EVEN = { input: "[1,2,3]", kernel: "[1,1]", stride: "2" };
const WEIGHTS = { input: "[1,2,3]", kernel: "[1,0]", stride: "2" };

const CHECKERBOARD = "this kernel paints the checkerboard";
const COMPENSATES = "the kernel compensates for the uneven overlap";
const NO_CHECKERBOARD = "Tap counts and sums are equal in every phase";

describe("the phases section in English", () => {
  it("stride 2, 3×3 kernel: each phase's cells, sub-kernel as names = values, its grid as a convolution, the interleaved Y, then the checkerboard", () => {
    const md = render(STRIDE2);
    expect(md).toContain("## 1. Sub-pixel view: the output in 4 phases");
    expect(md).toContain("**Phase (0, 0)** (holds $y_{1,1}$): the 9 cells with $j_{0} \\in \\{1, 3, 5\\}\\ (m_{0} \\in \\{1, 2, 3\\})$");
    expect(md).toContain("K^{(0,0)} = \\begin{bmatrix} w_{0,0} & w_{0,2} \\\\ w_{2,0} & w_{2,2} \\end{bmatrix} = \\begin{bmatrix} 1 & -1 \\\\ 0 & 1 \\end{bmatrix}");
    expect(md).toContain("Y^{(0,0)} = X \\ast K^{(0,0)} = \\begin{bmatrix} 2 & 3 & -3 \\\\ 5 & 6 & -3 \\\\ 7 & 8 & 9 \\end{bmatrix}");
    expect(md).toContain("*pixel shuffle*");
    expect(md).toContain("The phases have $4, 2, 2, 1$ taps. These are the uneven overlap counts");
    expect(md).toContain("sub-kernel sums, $1,\\ -1,\\ 2,\\ 1$");
    expect(md).toContain(CHECKERBOARD);
    expect(md).not.toContain(COMPENSATES);
    expect(md).not.toContain(NO_CHECKERBOARD);
    for (const m of mathInMarkdown(md)) validateTex(m.tex, m.display);
  });

  it("1-D [1,2,1], stride 2: the all-ones output [1,2,…,2,1] and 'the kernel compensates', never 'paints the checkerboard'", () => {
    const md = render(ONE_D);
    expect(md).toContain("\\begin{bmatrix} 1 & 2 & 2 & 2 & 2 & 2 & 2 & 2 & 1 \\end{bmatrix}");
    expect(md).toContain(COMPENSATES);
    expect(md).not.toContain(CHECKERBOARD);
    expect(md).toContain("These are the uneven overlap counts");
  });

  it("kernel [1,1], stride 2: even counts and sums, no checkerboard; kernel [1,0]: even counts, the pattern from the weights alone", () => {
    const even = render(EVEN);
    expect(even).toContain(NO_CHECKERBOARD);
    expect(even).toContain("so the overlap is even");
    expect(even).not.toContain("uneven overlap counts");
    expect(even).not.toContain(CHECKERBOARD);
    const weights = render(WEIGHTS);
    expect(weights).toContain(`${CHECKERBOARD}, here from the weights alone`);
    expect(render(STRIDE2)).not.toContain("here from the weights alone");
  });

  it("says when the input is too small to show the sums, and only then", () => {
    expect(render({ input: "[5]", kernel: "[1,0,1,0]", stride: "2" })).toContain("This input is too small for any cell to receive every tap of its phase");
    expect(render({ input: "[5]", kernel: "[1,2,1]", stride: "2" })).toContain("In 1 phase no cell does (this input is small)");
    expect(render(ONE_D)).not.toMatch(/too small|this input is small/);
  });

  it("a phase no tap reaches (dilation 2, stride 2) is said to be empty and its grid written as 0", () => {
    const md = render({ input: "[1,2,3]", kernel: "[1,2]", stride: "2", dilation: "2" });
    expect(md).toContain("No tap reaches this phase");
    expect(md).toContain("Y^{(1)} = 0 = \\begin{bmatrix} 0 & 0 & 0 \\end{bmatrix}");
    expect(render(ONE_D)).not.toContain("No tap reaches");
  });

  it("3-D stride 2: two phases in full, the other six in one line each", () => {
    const md = render({ input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]", stride: "2" });
    expect(md.match(/^\*\*Phase \(/gm)).toHaveLength(2);
    expect(md).toContain("The other 6 phases work the same way:");
    expect(md.match(/^- phase \(/gm)).toHaveLength(6);
    expect(render(STRIDE2)).not.toContain("The other");
  });

  it("with a symbolic kernel, says the sums are different expressions; with numbers, that they differ", () => {
    const md = render({ input: "[[1,2],[3,4]]", kernel: "[[e,f],[g,h]]", stride: "2" });
    expect(md).toContain("sub-kernel sums, $e,\\ f,\\ g,\\ h$");
    expect(md).toContain("The sums are different expressions, so unless the weights make them equal, a constant input comes out as a pattern");
    expect(render(STRIDE2)).toContain("The sums differ, so a constant input");
    expect(render(STRIDE2)).not.toContain("different expressions");
    expect(render({ input: "[[1,2],[3,4]]", kernel: "[[e,f],[g,h]]", stride: "2" }, "zh-CN")).toContain("各相位的和是不同的表达式");
  });

  it("counts taps per input channel when a group has several input channels", () => {
    const two = { layout: "torch", input: "[[[1,2,3],[4,5,6]]]", kernel: "[[[1,2,1]],[[1,1,1]]]", stride: "2" };
    expect(render(two)).toContain("as many terms as its phase has taps (per input channel)");
    expect(render(ONE_D)).not.toContain("(per input channel)");
  });

  it("names the channel slice only when there are channels, and writes + b with a bias", () => {
    const md = render({ layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]", stride: "2" });
    expect(md).toContain("cut from the kernel slice for input channel 0 and output channel 0");
    expect(md).toContain("X \\ast K^{(0,0)} + b");
    expect(render(STRIDE2)).not.toContain("kernel slice");
  });

  it("counts positions from 1 with --index-base 1 and says the formula counts from 0", () => {
    const md = render(ONE_D, "en", "md", 1);
    expect(md).toContain("$j \\in \\{1, 3, 5, 7, 9\\}");
    expect(md).toContain("positions are counted from 0 in this formula");
    expect(render(ONE_D)).not.toContain("counted from 0 in this formula");
  });

  it("renders to html (KaTeX, no errors), tex and json", () => {
    expect(render(STRIDE2, "en", "html")).not.toContain("katex-error");
    expect(render(STRIDE2, "en", "tex")).toContain("K^{(0,0)}");
    const j = JSON.parse(render(STRIDE2, "en", "json"));
    expect(j.steps[0].kind).toBe("phases");
    expect(j.steps[0].phases[3].values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("the phases section in Chinese", () => {
  it("uses 亚像素卷积, 相位, 子卷积核 and 像素重排, and picks the same facts", () => {
    const md = render(STRIDE2, "zh-CN");
    expect(md).toContain("## 1. 亚像素视角：输出拆成 4 个相位");
    expect(md).toContain("亚像素卷积（sub-pixel convolution）");
    expect(md).toContain("子卷积核");
    expect(md).toContain("像素重排（pixel shuffle");
    expect(md).toContain("这个卷积核会产生棋盘格伪影");
    expect(md).not.toContain("卷积核抵消了不均匀的重叠");
    for (const m of mathInMarkdown(md)) validateTex(m.tex, m.display);
  });

  it("says the kernel compensates for [1,2,1] and that there is no checkerboard for [1,1]", () => {
    const compensates = render(ONE_D, "zh-CN");
    expect(compensates).toContain("卷积核抵消了不均匀的重叠");
    expect(compensates).not.toContain("这个卷积核会产生棋盘格伪影");
    const even = render(EVEN, "zh-CN");
    expect(even).toContain("各相位的元素个数和元素之和都相等");
    expect(even).toContain("重叠是均匀的");
    expect(render(WEIGHTS, "zh-CN")).toContain("图案完全来自权重");
  });

  it("renders to html without KaTeX errors", () => {
    expect(render(ONE_D, "zh-CN", "html")).not.toContain("katex-error");
  });
});
