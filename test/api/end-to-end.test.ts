/**
 * The library's end-to-end paths through the public door only (src/index.ts): the operations the
 * CLI wraps — shape, evaluate, matrix, explain, the notes — and the site-build plugins.
 */
import katex from "katex";
import markdownIt from "markdown-it";
import texmath from "markdown-it-texmath";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import * as tconv from "../../src/index.ts";
import { markdownItTconv, renderWithTconv } from "../../src/markdown-it.ts";
import { remarkTconv } from "../../src/remark.ts";

const seed = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };

describe("the library door", () => {
  it("gives the worked example's shape and output", () => {
    expect(tconv.shape({ inputShape: "2,2", kernelShape: "2,2" }).shape).toEqual([3, 3]);
    expect(tconv.nestedOutput(tconv.evaluate(seed))).toEqual([[1, 2, 0], [3, 3, -2], [0, -3, -4]]);
  });

  it("builds the d2l 4×9 convolution matrix C for a 3×3 input and a 2×2 kernel", () => {
    const { info } = tconv.parseShapeProblem({ op: "conv", inputShape: "3,3", kernelShape: "2,2" });
    const c = tconv.convMatrix(info);
    expect([c.rows, c.cols]).toEqual([4, 9]);
    expect(tconv.denseRowTex(c, 3)).toEqual(["0", "0", "0", "0", "w_{0,0}", "w_{0,1}", "0", "w_{1,0}", "w_{1,1}"]);
  });

  it("builds C and its transpose with matrix, from shapes or kernel values", () => {
    const { c, ct } = tconv.matrix({ op: "conv", inputShape: "3,3", kernelShape: "2,2" });
    expect([c.rows, c.cols, ct.rows, ct.cols]).toEqual([4, 9, 9, 4]);
    expect(tconv.denseRowTex(tconv.matrix({ inputShape: [2, 2], kernel: [[1, 0], [0, -1]] }).c, 0))
      .toEqual(["1", "0", "0", "0", "-1", "0", "0", "0", "0"]);
  });

  it("checks a claim with check and reports it in the contract's JSON and as Markdown", async () => {
    const { problem, result } = tconv.check({ ...seed, claim: "\\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & 4 \\end{bmatrix}" });
    expect(result.correct).toBe(false);
    const json = tconv.checkJson(problem, result);
    expect(json.correct).toBe(false);
    expect(json.wrong.map((w) => [w.index, w.expected, w.claimed])).toEqual([[[2, 2], -4, 4]]);
    expect(json.diagnosis.map((d) => d["mistake"])).toContain("sign-error");
    expect(await tconv.renderCheckMarkdown(problem, result)).toContain("y_{2,2}");
    expect(tconv.check({ ...seed, claimShape: [3, 3] }).result.correct).toBe(true);
  });

  it("explains a problem as steps and renders them to Markdown with the cell sums", () => {
    const problem = tconv.parseProblem({ ...seed, allowSymbols: true });
    const derivation = tconv.explain(problem, { sections: ["cells"] });
    expect(derivation.steps.map((s) => s.kind)).toEqual(["cells"]);
    const md = tconv.renderDerivation(derivation, { format: "md", locale: "en" });
    expect(md).toContain("Y = \\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{bmatrix}");
  });

  it("reports bad input as a TconvError naming the field", () => {
    let caught: unknown;
    try {
      tconv.evaluate({ ...seed, stride: 0 });
    } catch (e) {
      caught = e;
    }
    expect(tconv.isTconvError(caught)).toBe(true);
    expect((caught as InstanceType<typeof tconv.TconvError>).path).toBe("stride");
  });
});

describe("notes through the library door", () => {
  const note = "# Notes\n\n```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [cells]\n```\n\nafter\n";

  it("renders a note, finds it fresh afterwards, and strips back to the original", async () => {
    const rendered = await tconv.renderTconvNote(note);
    expect(rendered.changed).toBe(true);
    expect(rendered.text).toContain("y_{1,1}");
    expect(tconv.noteStatus(rendered.text)).toEqual([{ line: 3, status: "fresh" }]);
    expect(tconv.stripGenerated(rendered.text)).toBe(note);
    expect((await tconv.renderTconvNote(rendered.text)).changed).toBe(false);
  });

  it("renders the same block with the remark plugin and the markdown-it plugin", async () => {
    const viaRemark = String(await unified().use(remarkParse).use(remarkMath).use(remarkTconv)
      .use(remarkRehype).use(rehypeKatex).use(rehypeStringify).process(note));
    const md = markdownIt().use(texmath, { engine: katex, delimiters: "dollars" }).use(markdownItTconv);
    const viaMarkdownIt = await renderWithTconv(md, note);
    for (const html of [viaRemark, viaMarkdownIt]) {
      expect(html).toContain("Every output cell as a sum");
      expect(html).toContain('class="katex-display"');
      expect(html).not.toContain("katex-error");
      expect(html).not.toContain("tconv:begin");
    }
  });
});
