/**
 * The posted conv2d_transpose question (a public Q&A, mirrored at
 * codewithsundeep.com/discussion/solution/59919006): x = [[-67, -77], [-117, -127]], a 3×3 kernel
 * 1..9 with alternating signs, stride 2, VALID. The poster expected the first cell to be
 * −67·−9 = 603, conv_arithmetic's flipped picture; TensorFlow printed 67. The whole flipped claim
 * below is that picture carried through every cell.
 */
import { describe, expect, it } from "vitest";
import katex from "katex";
import { check } from "../../src/api/check.ts";
import { pruneSubsets } from "../../src/check/check.ts";
import { checkJson, checkReportModel, renderCheckMarkdown, renderCheckText } from "../../src/render/check-report.ts";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const PROBLEM = {
  layout: "tf",
  input: "[[[[-67],[-77]],[[-117],[-127]]]]",
  kernel: "[[[[-1]],[[2]],[[-3]]],[[[4]],[[-5]],[[6]]],[[[-7]],[[8]],[[-9]]]]",
  stride: "2",
};
const FLIPPED = "[[603,-536,1162,-616,539],[-402,335,-730,385,-308],[1254,-1070,2260,-1170,966],[-702,585,-1230,635,-508],[351,-234,498,-254,127]]";

const strict = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: "error", trust: false });
function mathOf(md: string): string[] {
  const display = [...md.matchAll(/\$\$([\s\S]+?)\$\$/g)].map((m) => m[1]!);
  const inline = [...md.replace(/\$\$[\s\S]+?\$\$/g, "").matchAll(/\$([^$\n]+?)\$/g)].map((m) => m[1]!);
  return [...display, ...inline];
}

describe("the posted problem with the whole flipped claim", () => {
  const { problem, result } = check({ ...PROBLEM, claim: FLIPPED });

  it("flipped-kernel is the only diagnosis, explaining all 21 wrong cells", () => {
    expect(result.wrong).toHaveLength(21);
    expect(result.diagnosis.map((d) => [d.mistake, d.explains])).toEqual([["flipped-kernel", 21]]);
  });

  it("the transposed kernel, which happens to give 2 of those cells, is kept only under alsoConsistent", () => {
    expect(result.alsoConsistent?.map((d) => [d.mistake, d.explains])).toEqual([["kernel-transposed", 2]]);
    const j = checkJson(problem, result);
    expect(j.diagnosis.map((d) => d["mistake"])).toEqual(["flipped-kernel"]);
    expect(j.alsoConsistent?.map((d) => d["mistake"])).toEqual(["kernel-transposed"]);
  });

  it("the text summary gives the reason at the first wrong cell, both views, and one diagnosis said plainly", async () => {
    const text = await renderCheckText(problem, result);
    expect(text).toContain("why: y_{0,0} = x_{0,0}w_{0,0} = (-67)·(-1) = 67, because the transposed convolution scatters the kernel unflipped; flipping belongs to the direct view on the zero-inserted input.");
    expect(text).toContain("The answer's 603 = x_{0,0}w_{2,2} = (-67)·(-9) = 603 flips the kernel in the scatter view.");
    expect(text).toContain("  direct view:  y_{0,0} = x'_{2,2} w~_{2,2} = x_{0,0}w_{0,0} = 67");
    expect(text).toContain("diagnosis: flipped-kernel: kernel rotated by 180 degrees (true convolution instead of the deep-learning convention) — this one mistake explains all 21 wrong cells");
    expect(text).not.toContain("kernel-transposed");
    const zh = await renderCheckText(problem, result, { lang: "zh-CN" });
    expect(zh).toContain("原因：y_{0,0} = x_{0,0}w_{0,0} = (-67)·(-1) = 67，因为转置卷积把卷积核原样（不旋转）分散到输出上；旋转卷积核属于插零输入上的直接卷积视角。");
    expect(zh).toContain("  直接卷积视角：y_{0,0} = x'_{2,2} w~_{2,2} = x_{0,0}w_{0,0} = 67");
    expect(zh).toContain("这一个错误就能解释全部 21 个错误单元格");
  });

  it("the Markdown report in English: the reason next to y_{0,0}, the two views side by side, and it stops at the one mistake", async () => {
    const md = await renderCheckMarkdown(problem, result);
    expect(md).toContain("- Why: $y_{0,0} = x_{0,0}w_{0,0} = (-67)\\cdot(-1) = 67$, because the transposed convolution scatters the kernel unflipped");
    expect(md).toContain("The answer's $603$ is $x_{0,0}w_{2,2} = (-67)\\cdot(-9) = 603$, the kernel flipped in the scatter view.");
    expect(md).toContain("y_{0,0} = x_{0,0}w_{0,0} = (-67)\\cdot(-1) = 67 \\qquad y_{0,0} = x'_{2,2}\\,\\widetilde{w}_{2,2} = x_{0,0}w_{0,0} = 67");
    expect(md).toContain("This one mistake explains every wrong cell (all 21); nothing else is wrong.");
    expect(md).not.toMatch(/transposed \(its rows taken as columns\)|explains 2 of/);
    for (const tex of mathOf(md)) expect(() => strict(tex), tex).not.toThrow();
  });

  it("the Markdown report in Chinese says the same natively", async () => {
    const md = await renderCheckMarkdown(problem, result, { lang: "zh-CN" });
    expect(md).toContain("- 原因：$y_{0,0} = x_{0,0}w_{0,0} = (-67)\\cdot(-1) = 67$，因为转置卷积是把卷积核原样（不旋转）分散到输出上");
    expect(md).toContain("旋转卷积核属于直接卷积视角，那是在插零后的输入上做的。");
    expect(md).toContain("两种视角并列如下");
    expect(md).toContain("这一个错误就能解释所有错误单元格（共 21 个），除此之外没有别的错。");
    for (const tex of mathOf(md)) expect(() => strict(tex), tex).not.toThrow();
  });

  it("the reason is shown only when the flipped kernel reproduces the first wrong cell", async () => {
    // The same problem with one cell of TensorFlow's true output miscopied: no flipped kernel.
    const slip = check({ ...PROBLEM, claim: "[[67,-134,278,-154,231],[-268,335,-710,385,-462],[586,-770,1620,-870,1074],[-468,585,-1210,635,-762],[819,-936,1942,-1016,1144]]" });
    expect(checkReportModel(slip.problem, slip.result).flip).toBeUndefined();
    expect(await renderCheckText(slip.problem, slip.result)).not.toContain("why:");
  });
});

describe("the posted problem with TensorFlow's own print as the claim", () => {
  const PRINT = "tf.Tensor(\n[[[[  67.]\n   [-134.]\n   [ 278.]\n   [-154.]\n   [ 231.]]\n\n  [[-268.]\n   [ 335.]\n   [-710.]\n   [ 385.]\n   [-462.]]\n\n  [[ 586.]\n   [-770.]\n   [1620.]\n   [-870.]\n   [1074.]]\n\n  [[-468.]\n   [ 585.]\n   [-1210.]\n   [ 635.]\n   [-762.]]\n\n  [[ 819.]\n   [-936.]\n   [1942.]\n   [-1016.]\n   [1143.]]]], shape=(1, 5, 5, 1), dtype=float32)";

  it("is correct by the library and by the CLI (exit 0), read as a TensorFlow print at float32 precision", async () => {
    const { result } = check({ ...PROBLEM, claim: PRINT });
    expect(result.correct).toBe(true);
    expect(result.reading).toEqual({ form: "tf", dtype: "float32" });
    const io = bufferIo();
    const code = await main(["check", "--layout", "tf", "--input", PROBLEM.input, "--kernel", PROBLEM.kernel, "--stride", "2", "--claim", PRINT], io);
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^correct: all 25 computed cells are right/);
  });

  it("the same print for a plain 5×5 problem drops its size-1 axes 0 and 3 and says so", async () => {
    const plain = check({ input: "[[-67,-77],[-117,-127]]", kernel: "[[-1,2,-3],[4,-5,6],[-7,8,-9]]", stride: "2", claim: PRINT.replace("[-134.]", "[-135.]") });
    expect(plain.result.droppedAxes).toEqual([0, 3]);
    expect(plain.result.wrong.map((w) => w.index)).toEqual([[0, 0, 1, 0]]);
    expect(await renderCheckText(plain.problem, plain.result)).toContain("read: compared to float32 precision; size-1 axes 0, 3 dropped");
    const md = await renderCheckMarkdown(plain.problem, plain.result);
    expect(md).toContain("Its size-1 axes 0, 3 were dropped to match the $5\\times 5$ output.");
    expect(await renderCheckMarkdown(plain.problem, plain.result, { lang: "zh-CN" })).toContain("答案中长度为 1 的第 0, 3 轴已去掉");
  });
});

describe("pruning diagnoses that explain a strict subset", () => {
  const d = (mistake: string, cells: number[]) => ({ mistake, explains: cells.length, cells }) as never;

  it("keeps equal and overlapping sets, drops strict subsets", () => {
    const { kept, subsumed } = pruneSubsets([d("flipped-kernel", [1, 2, 3]), d("kernel-transposed", [2, 3]), d("input-transposed", [3, 4]), d("sign-error", [1, 2, 3])]);
    expect(kept.map((x: { mistake: string }) => x.mistake)).toEqual(["flipped-kernel", "input-transposed", "sign-error"]);
    expect(subsumed.map((x: { mistake: string }) => x.mistake)).toEqual(["kernel-transposed"]);
  });

  it("keeps shape diagnoses, which name no cells", () => {
    expect(pruneSubsets([d("copies-not-overlapped", []), d("stride-zeros-wrong", [])]).kept).toHaveLength(2);
  });
});

describe("several tensors in one paste", () => {
  it("the last is checked and the report says how many there were", async () => {
    const paste = "X = tensor([[1., 2.], [3., 4.]])\nK = tensor([[1., 0.], [0., -1.]])\nY = tensor([[ 1.,  2.,  0.],\n        [ 3.,  3., -2.],\n        [ 0., -3., -5.]])";
    const { problem, result } = check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: paste });
    expect(result.reading).toEqual({ form: "torch", tensors: 3 });
    expect(result.wrong.map((w) => w.index)).toEqual([[2, 2]]);
    expect(await renderCheckMarkdown(problem, result)).toContain("The answer was read as a PyTorch print; the paste holds 3 tensors and the last one was checked.");
    expect(await renderCheckMarkdown(problem, result, { lang: "zh-CN" })).toContain("粘贴的内容里有 3 个张量，核对的是最后一个");
    expect(checkJson(problem, result).claim).toEqual({ form: "torch", tensors: 3, shape: [3, 3], droppedAxes: [] });
  });

  it("a claim with nothing notable about its reading gets no reading line", async () => {
    const { problem, result } = check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: "[[1,2,0],[3,3,-2],[0,-3,-5]]" });
    expect(checkReportModel(problem, result).reading).toBeUndefined();
    expect(await renderCheckMarkdown(problem, result)).not.toContain("was read as");
  });
});

describe("summarised prints in a check", () => {
  it("the elided cells are ? (not compared), placed by claimShape; without it the library names claimShape", () => {
    const print = "array([[ 1.,  2., ...,  0.],\n       [ 3.,  3., ..., -2.],\n       [ 0., -3., ..., -4.]])";
    // The print shows 3 of 4 columns; a 3×4 claim for the 3×3 output would be wrong-shaped, so use a wider problem.
    const { result } = check({ input: "[[1,2,0],[3,4,0]]", kernel: "[[1,0],[0,-1]]", claim: print, claimShape: "3,4" });
    expect(result.reading).toMatchObject({ form: "numpy", elided: 3 });
    expect(result.unknown).toBe(3);
    expect(() => check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: print })).toThrow(/claimShape/);
  });
});

describe("one mistake or several", () => {
  const SEED = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };

  it("seed 001's slip: one misread value explains both wrong cells, said plainly, nothing else listed", async () => {
    const { problem, result } = check({ ...SEED, claim: "[[1,2,0],[3,2,-2],[0,-3,-3]]" });
    expect(checkReportModel(problem, result).sole).toBe(true);
    expect(await renderCheckText(problem, result)).toContain("diagnosis: misread-value: x_{1,1} used as 3 instead of 4 — this one mistake explains both wrong cells");
    expect(await renderCheckMarkdown(problem, result)).toContain("This one mistake explains every wrong cell (both); nothing else is wrong.");
  });

  it("two unrelated slips: each cause is listed with its share, and no sentence claims one explains all", async () => {
    const { problem, result } = check({ ...SEED, claim: "[[2,2,0],[3,3,-2],[0,-3,-3]]" });
    const model = checkReportModel(problem, result);
    expect(model.sole).toBe(false);
    expect(model.diagnosis.map((d) => d.id)).toEqual(["extra-term", "arithmetic-slip"]);
    const md = await renderCheckMarkdown(problem, result);
    expect(md).toContain("It explains 1 of the 2 wrong cells");
    expect(md).not.toContain("This one mistake explains every wrong cell");
    expect(await renderCheckText(problem, result)).toContain("explains 1 of 2 wrong cells");
  });
});
