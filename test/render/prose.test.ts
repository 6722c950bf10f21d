/**
 * What the walkthrough says follows the data: each sentence below is tested on a problem where
 * the old fixed sentence was false, in English and Chinese.
 */
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import type { OverlapStep, StepKind } from "../../src/explain/types.ts";
import { heatmapVerdict } from "../../src/render/figures.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { overlapHeatmap } from "../../src/render/svg/overlap-heatmap.ts";
import type { Locale } from "../../src/spec/locale.ts";
import { SHOWCASE } from "../../src/showcase.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";

const md = (o: ProblemOptions, locale: Locale = "en", sections?: StepKind[]) =>
  renderDerivation(explain(parseProblem({ allowSymbols: true, ...o }), sections ? { sections } : {}), { format: "md", locale });

const SEED = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };
const DILATED = { ...SEED, dilation: "2" };
const ONE_D = { input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" };
const STRIDE2 = { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" };
const TILED = { input: "[[1,2],[3,4]]", kernel: "[[1,2],[3,4]]", stride: "2" };
const CONV = { op: "conv" as const, input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" };

describe("the round-trip section", () => {
  it("seed: prints C·Cᵀ (4×4), says it has full rank, and keeps the counting argument for Y → C → Cᵀ only", () => {
    const text = md(SEED, "en", ["roundtrip"]);
    expect(text).toContain("C C^{\\mathsf{T}} = \\begin{bmatrix} 2 & 0 & 0 & -1 \\\\");
    expect(text).toContain("has full rank 4");
    expect(text).toContain("its rank is at most 4 < 9");
    expect(text).not.toContain("cannot hold");
    expect(text).not.toContain("C^{\\mathsf{T}}C = \\begin{bmatrix}");
  });

  it("stride = kernel size: X comes back up to the factor 30, because no copies overlap", () => {
    const text = md(TILED, "en", ["roundtrip"]);
    expect(text).toContain("comes back up to the factor $30$");
    expect(text).toContain("No two kernel copies reach the same output cell");
    expect(md(TILED, "zh-CN", ["roundtrip"])).toContain("在相差因子 $30$ 的意义下回来了");
  });

  it("stacks the chain vertically, one arrow per line", () => {
    const text = md(STRIDE2, "en", ["roundtrip"]);
    const chain = text.split("$$").find((m) => m.includes("\\xrightarrow"))!;
    expect(chain).toContain("\\begin{aligned}");
    expect(chain.split("\\xrightarrow").length - 1).toBe(2);
    expect(chain.split(" \\\\ \\xrightarrow").length - 1).toBe(2);
  });

  it("the 3×3 stride-2 page prints the 9×9 C·Cᵀ, never the 36×36 Cᵀ·C", () => {
    const text = md(STRIDE2, "en", ["roundtrip"]);
    const gram = text.split("$$").find((m) => m.includes("C C^{\\mathsf{T}} = \\begin{bmatrix}"))!;
    expect(gram.split("\\\\").length).toBe(9);
    expect(text).not.toContain("36×36");
  });

  it("grouped with a bias: says which channel the grids show and that the bias is left out before drawing", () => {
    const grouped = { layout: "torch" as const, input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]" };
    for (const sections of [["roundtrip"], ["gradient"]] as StepKind[][]) {
      const text = md(grouped, "en", sections);
      const firstGrid = text.indexOf("\\begin{bmatrix}");
      expect(text.indexOf("The grids show channel 0 of batch item 0")).toBeGreaterThan(0);
      expect(text.indexOf("The grids show channel 0 of batch item 0")).toBeLessThan(firstGrid);
    }
    const rt = md(grouped, "en", ["roundtrip"]);
    expect(rt.indexOf("The bias is left out here")).toBeLessThan(rt.indexOf("\\begin{bmatrix}"));
  });

  it("conv keeps its counting argument", () => {
    expect(md(CONV, "en", ["roundtrip"])).toContain("4 numbers cannot hold the 9 we started from");
    expect(md(CONV, "zh-CN", ["roundtrip"])).toContain("4 个数装不下原来的 9 个数");
  });
});

describe("the cells and overlap sections", () => {
  it("dilated: no cell is called the busiest and no copies are said to meet", () => {
    for (const sections of [["cells"], ["overlap"]] as StepKind[][]) {
      const text = md(DILATED, "en", sections);
      expect(text).not.toContain("busiest");
      expect(text).not.toMatch(/\d copies meet/);
    }
    expect(md(DILATED, "en", ["cells"])).toContain("No two kernel copies overlap");
    expect(md(DILATED, "en", ["overlap"])).toContain("No two copies meet anywhere");
    expect(md(DILATED, "zh-CN", ["overlap"])).toContain("任何两个副本都不相遇");
  });

  it("names the busiest cell 'the busiest' only when it is the only one", () => {
    expect(md(SEED, "en", ["cells"])).toContain("The busiest cell is $y_{1,1}$ with 4 terms");
    expect(md(STRIDE2, "en", ["cells"])).toMatch(/The first of the \d+ busiest cells is \$y_\{1,1\}\$ with 4 terms/);
  });

  it("dilated: the scatter sum does not speak of overlapping copies", () => {
    expect(md(DILATED, "en", ["scatter"])).toContain("No two copies land on the same cell");
    expect(md(DILATED, "en", ["scatter"])).not.toContain("Where copies overlap");
    expect(md(SEED, "en", ["scatter"])).toContain("Where copies overlap, their values are added");
  });

  it("dilated: the counts are the same everywhere, so they do not 'fall off at the borders'", () => {
    const text = md(DILATED, "en", ["overlap"]);
    expect(text).not.toContain("fall off only at the borders");
    expect(text).toContain("every cell gets the same number of terms");
  });

  it("1-D [1,2,1], stride 2: uneven overlap, yet no checkerboard — the kernel compensates", () => {
    const text = md(ONE_D, "en", ["overlap"]);
    expect(text).not.toContain("This problem shows the checkerboard");
    expect(text).toContain("the kernel compensates");
    expect(md(ONE_D, "zh-CN", ["overlap"])).toContain("卷积核起了补偿作用");
  });

  it("kernel 3, stride 2: the checkerboard shows", () => {
    expect(md(STRIDE2, "en", ["overlap"])).toContain("This problem shows the checkerboard");
  });

  it("says whose size is a multiple of what, never '2 divides by 1'", () => {
    const en = md(SEED, "en", ["overlap"]), zh = md(SEED, "zh-CN", ["overlap"]);
    expect(en).not.toMatch(/\d divides by \d/);
    expect(en).toContain("The kernel size 2 is a multiple of the stride 1, so by Distill's rule the copies overlap evenly");
    expect(zh).not.toContain("能被 1 整除。");
    expect(zh).toContain("卷积核尺寸 2 是步长 1 的倍数");
  });
});

describe("the heat-map caption agrees with the text", () => {
  const verdictOf = (o: ProblemOptions) => {
    const d = explain(parseProblem(o), { sections: ["overlap"] });
    return { d, verdict: heatmapVerdict(d.steps[0] as OverlapStep) };
  };

  it("seed: even inside, so the caption does not call the counts a checkerboard", () => {
    const { d, verdict } = verdictOf(SEED);
    expect(verdict).toBe("even");
    const svg = overlapHeatmap(d.info, { verdict });
    expect(svg).not.toContain("uneven counts are the checkerboard");
    expect(svg).toContain("no checkerboard");
  });

  it("picks checkerboard, compensates and kernel-pattern from the step", () => {
    expect(verdictOf(STRIDE2).verdict).toBe("checkerboard");
    expect(verdictOf(ONE_D).verdict).toBe("compensates");
    expect(verdictOf(DILATED).verdict).toBe("kernel-pattern");
  });
});

describe("the size section names the term that grows the output", () => {
  it("1-D: the stride does most of the growing, not d(k−1)", () => {
    const text = md(ONE_D, "en", ["size"]);
    expect(text).not.toContain("is what makes the output larger");
    expect(text).toContain("The stride does most of the growing");
    expect(md(ONE_D, "zh-CN", ["size"])).toContain("输出变大主要来自步长");
  });

  it("seed: with stride 1, the kernel's reach is what makes the output larger", () => {
    expect(md(SEED, "en", ["size"])).toContain("the kernel's reach $d(k-1) = 1$ is what makes the output larger");
  });

  it("stride 2, kernel 3 on 3 inputs: both add 2 cells", () => {
    expect(md(STRIDE2, "en", ["size"])).toContain("The stride and the kernel's reach grow the output equally");
  });
});

describe("the gradient section", () => {
  it("shows ∂L/∂U = Cᵀ X = Y on the seed and names the frameworks' routines, in both languages", () => {
    const en = md(SEED, "en", ["gradient"]), zh = md(SEED, "zh-CN", ["gradient"]);
    expect(en).toContain("C^{\\mathsf{T}} X = \\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{bmatrix} = Y");
    expect(en).toContain("\\frac{\\partial L}{\\partial u_{1,1}}");
    expect(en).toContain("conv2d_backprop_input");
    expect(zh).toContain("conv2d_backprop_input");
    expect(zh).toContain("反卷积");
  });

  it("with a bias, says the gradient is Y − b", () => {
    expect(md({ ...SEED, bias: "[5]" }, "en", ["gradient"])).toContain("= Y - b");
  });
});

describe("symbols", () => {
  it("the scatter relation uses j for the output position, keeping o for the output size", () => {
    const text = md(SEED, "en", ["size", "scatter"]);
    expect(text).toContain("j = a\\cdot s + t\\cdot d - p");
    expect(text).not.toContain("o = a\\cdot s");
  });

  it("3-D slices are labelled by position, with no undefined i₀", () => {
    const text = md({ input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]" });
    expect(text).not.toContain("i_{0}");
    expect(text).toContain("_{(1,\\,\\cdot,\\,\\cdot)}");
  });

  it("user symbols a, s, d are renamed â, ŝ, d̂ and the text says so", () => {
    const text = md({ input: "[[a,s],[3,4]]", kernel: "[[1,0],[0,d]]" }, "en", ["cells"]);
    expect(text).toContain("Your symbols $a$, $s$, $d$ are written $\\hat{a}$, $\\hat{s}$, $\\hat{d}$ here");
    expect(text).toContain("\\hat{a}\\cdot\\hat{d} + 4");
    expect(md({ input: "[[a,s],[3,4]]", kernel: "[[1,0],[0,d]]" }, "zh-CN", ["cells"])).toContain("你的符号 $a$、$s$、$d$ 在本文中写作");
  });
});

describe("the Chinese walkthroughs", () => {
  const zhDocs = SHOWCASE.map((e) => md(e.problem, "zh-CN"));

  it("exist for every showcase page", () => {
    expect(SHOWCASE.every((e) => e.locales.includes("zh-CN"))).toBe(true);
  });

  it("use 卷积核元素, 数值计算内核 and 输入元素, never 抽头, 张量核心 or 单元", () => {
    for (const text of zhDocs) {
      expect(text).not.toContain("抽头");
      expect(text).not.toContain("张量核心");
      expect(text).not.toContain("单元");
    }
  });

  it("enumerate with 、, not with commas between formulas", () => {
    for (const text of zhDocs) expect(text).not.toMatch(/\$, \$/);
  });

  it("say how far the window hangs over the edge, with the number computed", () => {
    expect(md(SEED, "zh-CN", ["direct"])).toContain("窗口最多可伸出输入边缘 1 格");
    expect(md(STRIDE2, "zh-CN", ["direct"])).toContain("窗口最多可伸出输入边缘 2 格");
    expect(md(STRIDE2, "en", ["direct"])).toContain("hang over the input's edge by up to 2 cells");
  });

  it("name deconvolution (反卷积) once, with the remark that it does not invert a convolution", () => {
    const zh = md(SEED, "zh-CN");
    expect(zh.split("反卷积").length - 1).toBe(1);
    expect(zh).toContain("但它并不是卷积的逆运算");
    const en = md(SEED, "en");
    expect(en.split("deconvolution").length - 1).toBe(1);
  });

  it("count the sliding positions of a convolution as 卷积核沿该维共有 2 个滑动位置", () => {
    expect(md(CONV, "zh-CN", ["size"])).toContain("卷积核沿该维共有 2 个滑动位置");
  });
});
