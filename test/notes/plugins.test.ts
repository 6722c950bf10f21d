import { describe, expect, it } from "vitest";
import { renderNote } from "../../src/notes/document.ts";
import type { Deriver } from "../../src/notes/render-block.ts";
import { renderWithTconv } from "../../src/notes/markdown-it.ts";
import { markdownItWithTconv, viaMarkdownIt, viaRemark } from "./pipelines.ts";

/** A derivation with inline and display math, standing in for the walkthrough to test the plumbing. */
const derive: Deriver = (block) =>
  `### Output size\n\nFor input ${block.problem.input?.replace(/[[\]]/g, "")}: $o = (i-1)\\cdot s + k$.\n\n$$\n\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}\n$$\n`;

const note = [
  "# Week 3", "", "```tconv", "input: [1, 2]", "kernel: [1, 1]", "```", "",
  "Some $x^2$ text.", "", "```python", "print('```tconv')", "```", "",
  "```tconv", "input: [1]", "kernel: [1]", "\"<script>alert(1)</script>\": 2", "```", "",
].join("\n");

/** A walkthrough block and a block with a wrong claim (cell y_{2,2}: 4 instead of -4). */
const withClaim = [
  "```tconv", "input: [[1, 2], [3, 4]]", "kernel: [[1, 0], [0, -1]]", "sections: [size]", "```", "",
  "```tconv", "input: [[1, 2], [3, 4]]", "kernel: [[1, 0], [0, -1]]", "claim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]", "```", "",
].join("\n");

const pipelines = [
  ["remark", (text: string, keepSource = false) => viaRemark(text, { derive, keepSource })],
  ["markdown-it", (text: string, keepSource = false) => viaMarkdownIt(text, { derive, keepSource })],
] as const;

describe.each(pipelines)("the %s plugin", (_name, build) => {
  it("replaces a tconv block with its derivation, math rendered by KaTeX", async () => {
    const html = await build(note);
    expect(html).toMatch(/<h3>Output size<\/h3>/);
    expect(html).toContain("For input 1, 2:");
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("katex-error");
    expect(html).not.toContain("language-tconv");
  });

  it("leaves other code blocks and the note's own math alone", async () => {
    const html = await build(note);
    expect(html).toContain('class="language-python"');
    expect(html).toContain("print(&#x27;```tconv&#x27;)".replace(/&#x27;/g, html.includes("&#x27;") ? "&#x27;" : "'"));
    expect(html).toContain("<annotation encoding=\"application/x-tex\">x^2</annotation>");
  });

  it("shows a bad block as an escaped warning without running the user's HTML", async () => {
    const html = await build(note);
    expect(html).toMatch(/<blockquote>\s*<p>\[!WARNING\]\s*tconv could not render this block: (&lt;|&#x3C;)script(&gt;|>)alert\(1\)(&lt;|&#x3C;)\/script(&gt;|>): unknown key/);
    expect(html).not.toContain("<script>");
  });

  it("renders a note the same before and after tconv notes wrote its regions", async () => {
    const rendered = await renderNote(note, () => ({ markdown: "stale text that must not appear\n\n$$\nx\n$$" }));
    expect(rendered.text).toContain("tconv:begin");
    const before = await build(note);
    const after = await build(rendered.text);
    expect(after).not.toContain("stale text");
    expect(after).toBe(before);
  });

  it("keeps the block's source above the derivation when asked", async () => {
    const html = await build(note, true);
    expect(html).toContain('class="language-tconv"');
    expect(html).toContain("For input 1, 2:");
  });
});

describe("the markdown-it plugin with md.render", () => {
  it("derives blocks synchronously when given a synchronous derive", () => {
    const html = markdownItWithTconv({ derive }).render(note);
    expect(html).toContain("For input 1, 2:");
    expect(html).toContain('class="katex-display"');
  });

  it("renders tconv's own walkthrough and a claim: block's check report synchronously", () => {
    const html = markdownItWithTconv().render(withClaim);
    expect(html).toContain("Output size");
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("1 of 9 computed cells is wrong");
    expect(html).toContain("y_{2,2}");
    expect(html).not.toContain("could not render");
    expect(html).not.toContain("katex-error");
  });

  it("gives the same HTML for a claim: block under md.render as under renderWithTconv", async () => {
    const md = markdownItWithTconv();
    expect(md.render(withClaim)).toBe(await renderWithTconv(md, withClaim));
  });

  it("refuses an asynchronous derive under md.render with a callout, not a crash", () => {
    const html = markdownItWithTconv({ derive: async () => "late" }).render(note);
    expect(html).toContain("needs an asynchronous renderer");
  });
});

describe("the remark plugin with processSync", () => {
  it("renders a claim: block's check report synchronously", async () => {
    const { unified } = await import("unified");
    const { default: remarkParse } = await import("remark-parse");
    const { default: remarkMath } = await import("remark-math");
    const { default: remarkRehype } = await import("remark-rehype");
    const { default: rehypeStringify } = await import("rehype-stringify");
    const { remarkTconv } = await import("../../src/notes/remark.ts");
    const html = String(unified().use(remarkParse).use(remarkMath).use(remarkTconv).use(remarkRehype).use(rehypeStringify)
      .processSync(withClaim));
    expect(html).toContain("Output size");
    expect(html).toContain("1 of 9 computed cells is wrong");
    expect(html).toContain("y_{2,2}");
    expect(html).not.toContain("could not render");
  });

  it("renders walkthrough blocks synchronously", async () => {
    const { unified } = await import("unified");
    const { default: remarkParse } = await import("remark-parse");
    const { default: remarkMath } = await import("remark-math");
    const { default: remarkRehype } = await import("remark-rehype");
    const { default: rehypeStringify } = await import("rehype-stringify");
    const { remarkTconv } = await import("../../src/notes/remark.ts");
    const html = String(unified().use(remarkParse).use(remarkMath).use(remarkTconv).use(remarkRehype).use(rehypeStringify)
      .processSync("```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]\n```\n"));
    expect(html).toContain("Output size");
    expect(html).toContain("math-display");
  });
});
