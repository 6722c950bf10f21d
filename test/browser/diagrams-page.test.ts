import { afterAll, beforeAll, describe, expect, it } from "vitest";
import katex from "katex";
import type { Browser } from "playwright-core";
import { computeConvInfo } from "../../src/geometry/conv-info.ts";
import { canonicalParams } from "../../src/spec/problem.ts";
import { renderHtmlPage, escapeHtml } from "../../src/render/html-page.ts";
import { directConvDiagram, overlapHeatmap, scatterDiagram, texColour } from "../../src/render/svg/index.ts";
import { join } from "node:path";
import { SCREENSHOT_DIR, diagramSizes, fontReport, katexErrorCount, launchBrowser, openHtml, screenshot, type OpenedPage } from "./harness.ts";

const tex = (s: string, display = true) =>
  katex.renderToString(s, { displayMode: display, throwOnError: true, strict: "error", trust: false, output: "html" });

const seed = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
const inputLabels = ["1", "2", "3", "4"], kernelLabels = ["1", "0", "0", "-1"];
const outputLabels = ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"];

function diagrams(lang: "en" | "zh-CN"): string[] {
  return [
    scatterDiagram(seed, { inputLabels, kernelLabels, outputLabels, lang }),
    directConvDiagram(seed, { inputLabels, kernelLabels, outputLabels, lang }),
    overlapHeatmap(seed, { lang }),
  ];
}

function seedPage(lang: "en" | "zh-CN"): string {
  const zh = lang === "zh-CN";
  const c = texColour;
  const body = [
    `<h1>${escapeHtml(zh ? "转置卷积：2×2 输入的计算示例" : "Transposed convolution: the 2×2 worked example")}</h1>`,
    `<p>${zh ? "输入、卷积核与输出（步长 1，无填充）：" : "Input, kernel and output (stride 1, no padding):"}</p>`,
    tex(String.raw`x = \begin{bmatrix}1 & 2\\ 3 & 4\end{bmatrix},\quad w = \begin{bmatrix}1 & 0\\ 0 & -1\end{bmatrix}`),
    tex(String.raw`o = (i-1)s - 2p + d(k-1) + 1 = (2-1)\cdot 1 - 0 + 1\cdot(2-1) + 1 = 3`),
    tex(String.raw`y_{1,1} = ${c(0, "x_{0,0}")}w_{1,1} + ${c(1, "x_{0,1}")}w_{1,0} + ${c(2, "x_{1,0}")}w_{0,1} + ${c(3, "x_{1,1}")}w_{0,0} = 1\cdot(-1) + 2\cdot 0 + 3\cdot 0 + 4\cdot 1 = 3`),
    `<p>${zh ? "重叠计数：中心元素累加了 4 项，" : "Overlap counts: the centre cell sums 4 terms, "}${tex("y = \\begin{bmatrix}1&2&0\\\\3&\\boxed{3}&-2\\\\0&-3&-4\\end{bmatrix}", false)}</p>`,
    ...diagrams(lang).map((svg) => `<figure class="diagram">${svg}</figure>`),
  ].join("\n");
  return renderHtmlPage({ title: zh ? "转置卷积示例" : "Seed example", lang, bodyHtml: body });
}

describe("the page shell with KaTeX and the three diagrams, in real Chromium", () => {
  let browser: Browser;
  const opened: Record<string, OpenedPage> = {};
  beforeAll(async () => {
    browser = await launchBrowser();
    opened.en = await openHtml(browser, seedPage("en"), "seed-diagrams-en");
    opened.zh = await openHtml(browser, seedPage("zh-CN"), "seed-diagrams-zh");
  });
  afterAll(async () => { await browser?.close(); });

  for (const lang of ["en", "zh"] as const) {
    it(`${lang}: renders the math with no KaTeX error node and no page error`, async () => {
      const o = opened[lang]!;
      expect(await katexErrorCount(o.page)).toBe(0);
      expect(await o.page.locator(".katex").count()).toBeGreaterThanOrEqual(4);
      expect(o.errors).toEqual([]);
    });

    it(`${lang}: loads the KaTeX fonts, from data: URIs inside the file`, async () => {
      const o = opened[lang]!;
      const fonts = await fontReport(o.page);
      expect(fonts.failed).toEqual([]);
      expect(fonts.loaded).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math"]));
      expect(fonts.katexMainAvailable).toBe(true);
      const sources = await o.page.evaluate(() => {
        const out: string[] = [];
        for (const sheet of Array.from(document.styleSheets)) {
          for (const rule of Array.from(sheet.cssRules)) {
            if (rule instanceof CSSFontFaceRule) out.push(rule.style.getPropertyValue("src"));
          }
        }
        return out;
      });
      expect(sources.length).toBeGreaterThanOrEqual(20);
      for (const s of sources) expect(s).toMatch(/^url\("data:font\/woff2;base64,/);
    });

    it(`${lang}: makes no network request at all (only the page's own file)`, () => {
      const o = opened[lang]!;
      expect(o.externalRequests()).toEqual([]);
      expect(o.requests.filter((u) => u.startsWith("file:"))).toEqual([o.url]);
    });

    it(`${lang}: shows the scatter, direct-convolution and overlap diagrams at a non-zero size`, async () => {
      const o = opened[lang]!;
      const sizes = await diagramSizes(o.page);
      expect(sizes.map((s) => s.cls.split(" ")[1])).toEqual(["tconv-scatter", "tconv-direct-conv", "tconv-overlap-heatmap"]);
      for (const s of sizes) {
        expect(s.width).toBeGreaterThan(200);
        expect(s.height).toBeGreaterThan(100);
      }
      // Nothing wider than the page's column: diagrams scale down instead of overflowing.
      const overflow = await o.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
    });

    it(`${lang}: every diagram parses as standalone XML in the browser`, async () => {
      const o = opened[lang]!;
      const errors = await o.page.evaluate((svgs) => svgs.map((s) => {
        const doc = new DOMParser().parseFromString(s, "image/svg+xml");
        return doc.getElementsByTagName("parsererror").length;
      }), diagrams(lang === "zh" ? "zh-CN" : "en"));
      expect(errors).toEqual([0, 0, 0]);
    });

    it(`${lang}: saves screenshots of the page, each diagram and a greyscale print preview`, async () => {
      const o = opened[lang]!;
      await screenshot(o.page, `seed-diagrams-${lang}`);
      const names = ["scatter", "direct-conv", "overlap"];
      for (let i = 0; i < 3; i++) {
        await o.page.locator("svg.tconv-diagram").nth(i).screenshot({ path: join(SCREENSHOT_DIR, `seed-${names[i]}-${lang}.png`) });
      }
      await o.page.emulateMedia({ media: "print" });
      await o.page.addStyleTag({ content: "html { filter: grayscale(1); }" });
      const file = await screenshot(o.page, `seed-diagrams-${lang}-print-grey`);
      await o.page.emulateMedia({ media: "screen" });
      expect(file).toMatch(/\.png$/);
    });
  }

  it("zh: the Chinese text is drawn with a CJK font, not empty boxes", async () => {
    const o = opened.zh!;
    const cjk = await o.page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', "转置卷积"));
    expect(cjk).toBe(true);
    // A CJK glyph as wide as its em box shows a real font; the tofu fallback is narrower.
    const width = await o.page.evaluate(() => {
      const s = document.createElement("span");
      s.style.fontSize = "20px";
      s.textContent = "转置卷积步长";
      document.body.appendChild(s);
      const w = s.getBoundingClientRect().width;
      s.remove();
      return w;
    });
    expect(width).toBeGreaterThan(100);
  });
});
