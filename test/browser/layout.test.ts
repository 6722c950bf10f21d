/**
 * Handout layout of every showcase walkthrough (issue 9): at a 900 px window and in A4 print no
 * display formula and no diagram is wider than its container (nothing clipped, nothing to scroll
 * sideways), and the printed page counts stay within budget. One browser for the whole file.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openFile } from "./harness.ts";

const outputDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../output");
/** The walkthroughs: every output/*.html but the index and the playground, in every locale. */
const pages = existsSync(outputDir)
  ? readdirSync(outputDir).filter((f) => f.endsWith(".html") && f !== "index.html" && f !== "playground.html").sort()
  : [];

/** A4 print budget in pages, by showcase stem (the other pages' counts are reported, not bounded). */
const BUDGET: Readonly<Record<string, number>> = { seed: 6, "stride2-padding": 8 };

/** A4 minus the page margins of the print CSS (13 mm each side): the width print lays out in, in CSS px. */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 13) / 25.4) * 96);

/**
 * Every display formula or diagram wider than its box: a `.katex-display` whose content is wider
 * than itself or whose parent scrolls, and an `svg` outside KaTeX wider than its parent. Each
 * entry names the section it is in.
 */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const section = (el: Element) => {
      let h: Element | null = null;
      for (const cand of Array.from(document.querySelectorAll("h2"))) {
        if (cand.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) h = cand;
      }
      return h?.textContent ?? "(top)";
    };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".katex-display"))) {
      const parent = el.parentElement!;
      if (el.scrollWidth > el.clientWidth + 1 || parent.scrollWidth > parent.clientWidth + 1) {
        out.push(`formula ${el.scrollWidth}px in ${el.clientWidth}px, section "${section(el)}": ${(el.textContent ?? "").slice(0, 50)}`);
      }
    }
    for (const svg of Array.from(document.querySelectorAll("svg"))) {
      if (svg.closest(".katex")) continue;
      const width = svg.getBoundingClientRect().width;
      const parent = svg.parentElement!;
      if (width > parent.clientWidth + 1 || parent.scrollWidth > parent.clientWidth + 1) {
        out.push(`diagram ${Math.round(width)}px in ${parent.clientWidth}px, section "${section(svg)}"`);
      }
    }
    return out;
  });
}

/** Pages of a PDF: its `/Type /Page` objects (not the `/Type /Pages` tree nodes). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

describe("the showcase walkthroughs fit a 900 px window and A4 print", () => {
  let browser: Browser;
  const counts: Record<string, number> = {};
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => {
    await browser?.close();
    // The record the brief asks for: every page's printed length.
    console.log(`A4 print pages: ${Object.entries(counts).map(([n, c]) => `${n} ${c}`).join(", ")}`);
  });

  it("has walkthroughs to measure, in English and Chinese", () => {
    expect(pages.some((p) => p.includes(".en."))).toBe(true);
    expect(pages.some((p) => p.includes(".zh-CN."))).toBe(true);
  });

  for (const name of pages) {
    it(`${name}: no formula or diagram wider than its container at 900 px or in A4 print; print pages within budget`, async () => {
      const o = await openFile(browser, join(outputDir, name), { width: 900, height: 900 });
      try {
        expect.soft(await overflows(o.page), "at a 900 px window").toEqual([]);
        await o.page.emulateMedia({ media: "print" });
        await o.page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
        expect.soft(await overflows(o.page), `in print, ${A4_CONTENT_PX} px wide`).toEqual([]);
        const pdf = await o.page.pdf({ format: "A4" });
        const n = pdfPageCount(pdf);
        counts[name] = n;
        const stem = name.split(".")[0]!;
        if (BUDGET[stem] !== undefined) expect(n, `${name} prints to ${n} A4 pages`).toBeLessThanOrEqual(BUDGET[stem]!);
        expect(n).toBeGreaterThan(0);
      } finally {
        await o.close();
      }
    });
  }
});
