import { describe, expect, it } from "vitest";
import { escapeHtml, inlineKatexCss, renderHtmlPage, renderMathHtml, PAGE_CSS } from "../../src/render/html-page.ts";
import { computeConvInfo } from "../../src/geometry/conv-info.ts";
import { canonicalParams } from "../../src/spec/problem.ts";
import { overlapHeatmap } from "../../src/render/svg/overlap-heatmap.ts";

describe("renderHtmlPage", () => {
  const page = renderHtmlPage({ title: `Seed <script>alert("x")</script> & co`, lang: "en", bodyHtml: "<p>body</p>" });

  it("is an HTML5 document with charset, lang and an escaped title", () => {
    expect(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain("<title>Seed &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>");
    expect(page).not.toContain("<script");
  });

  it("declares a Chinese page as lang zh-CN", () => {
    expect(renderHtmlPage({ title: "转置卷积", lang: "zh-CN", bodyHtml: "" })).toContain('<html lang="zh-CN">');
  });

  it("embeds every KaTeX font as a woff2 data: URI and refers to no font file", () => {
    const faces = page.match(/@font-face\{/g) ?? [];
    const data = page.match(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/g) ?? [];
    expect(faces.length).toBeGreaterThanOrEqual(20);
    expect(data.length).toBe(faces.length);
    expect(page).not.toMatch(/url\((?!data:)/);
    expect(page).not.toMatch(/\.woff\b|\.ttf\b/);
  });

  it("stays around 400 KB", () => {
    expect(page.length).toBeGreaterThan(300_000);
    expect(page.length).toBeLessThan(500_000);
  });

  it("makes no external request: no http(s) URL, no @import, no script, no link", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
    const withSvg = renderHtmlPage({ title: "t", lang: "en", bodyHtml: overlapHeatmap(info) + renderMathHtml("x^2", { display: true }) });
    const urls = withSvg.match(/https?:\/\/[^\s"')]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(withSvg).not.toMatch(/@import|<link|<script|<iframe/);
  });

  it("names CJK fonts before the generic family", () => {
    const stack = /body \{[^}]*font-family:([^;]+);/.exec(PAGE_CSS)![1]!;
    const noto = stack.indexOf("Noto Sans CJK SC"), ping = stack.indexOf("PingFang SC"), yahei = stack.indexOf("Microsoft YaHei");
    const generic = stack.lastIndexOf("sans-serif");
    expect(noto).toBeGreaterThan(0);
    expect(Math.max(noto, ping, yahei)).toBeLessThan(generic);
  });

  it("has print CSS that keeps equations, diagrams and tables whole", () => {
    const print = PAGE_CSS.slice(PAGE_CSS.indexOf("@media print"));
    expect(print).toMatch(/\.katex-display[^{]*svg\.tconv-diagram[^{]*\{\s*break-inside: avoid;/);
  });

  it("prints the complete cell list and repeated results smaller, and Chinese with less leading than on screen", () => {
    const print = PAGE_CSS.slice(PAGE_CSS.indexOf("@media print"));
    const size = (selector: string) => new RegExp(`${selector.replace(/[.]/g, "\\.")} \\{ font-size: ([\\d.]+)em; \\}`).exec(print)?.[1];
    expect(Number(size("details.full-list .katex"))).toBeLessThan(1);
    expect(Number(size(".math-display.repeat .katex"))).toBeLessThan(1);
    const zhPrint = Number(/body:lang\(zh-CN\) \{ line-height: ([\d.]+); \}/.exec(print)![1]);
    const zhScreen = Number(/body:lang\(zh-CN\) \{ line-height: ([\d.]+); \}/.exec(PAGE_CSS)![1]);
    expect(zhPrint).toBeLessThan(zhScreen);
  });

  it("inlines the KaTeX CSS once and reuses it", () => {
    expect(inlineKatexCss()).toBe(inlineKatexCss());
  });
});

describe("renderMathHtml", () => {
  it("renders a bmatrix to KaTeX HTML without MathML", () => {
    const html = renderMathHtml(String.raw`\begin{bmatrix}1 & 2\\ 3 & 4\end{bmatrix}`, { display: true });
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("<math");
  });

  it("throws on TeX KaTeX cannot render instead of drawing an error node", () => {
    expect(() => renderMathHtml(String.raw`\frac{1}{`)).toThrow();
    expect(() => renderMathHtml(String.raw`\notacommand`)).toThrow();
  });

  it("never makes a live link from \\href (trust is off)", () => {
    let html = "";
    try { html = renderMathHtml(String.raw`\href{javascript:alert(1)}{x}`); } catch { html = ""; }
    expect(html).not.toContain("javascript:");
  });
});

describe("escapeHtml", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
