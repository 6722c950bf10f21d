/**
 * The scatter diagrams of the showcase pages past 2×2, opened in Chromium: overlap counts sit
 * inside their output cells (measured on the rendered SVG), the diagram fills the page column at a
 * 1100 px window and never overflows it at 900 px. Saves screenshots of the pages' diagrams in
 * colour and in a greyscale print preview for a person to look at.
 */
import { dirname, join, resolve } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { SCREENSHOT_DIR, launchBrowser, openFile } from "./harness.ts";

const outputDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../output");
const page = (stem: string) => join(outputDir, `${stem}.en.html`);

/** Badges whose pill is not wholly inside the rect of the output cell it counts, as rendered. */
async function badgesOutsideCells(p: Page): Promise<{ badges: number; outside: string[] }> {
  return p.evaluate(() => {
    const svg = document.querySelector("svg.tconv-scatter")!;
    const cells = new Map<string, DOMRect>();
    svg.querySelectorAll("g.output-cell").forEach((g) => cells.set(g.getAttribute("data-index")!, g.querySelector("rect.cell-box")!.getBoundingClientRect()));
    const outside: string[] = [];
    const badges = Array.from(svg.querySelectorAll("g.overlap-badge"));
    for (const b of badges) {
      const r = b.querySelector("rect")!.getBoundingClientRect(), t = b.querySelector("text")!.getBoundingClientRect();
      const c = cells.get(b.getAttribute("data-index")!)!;
      const within = (q: DOMRect) => q.left >= c.left - 0.5 && q.right <= c.right + 0.5 && q.top >= c.top - 0.5 && q.bottom <= c.bottom + 0.5;
      if (!within(r) || !within(t)) outside.push(b.getAttribute("data-index")!);
    }
    return { badges: badges.length, outside };
  });
}

/** Rendered width of the scatter SVG and of the element it sits in. */
async function widths(p: Page): Promise<{ svg: number; container: number; scroll: boolean }> {
  return p.evaluate(() => {
    const svg = document.querySelector("svg.tconv-scatter")!;
    return {
      svg: svg.getBoundingClientRect().width,
      container: svg.parentElement!.getBoundingClientRect().width,
      scroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

describe("scatter diagrams of the showcase pages past 2×2, in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it("the showcase pages exist (npm start writes them)", () => {
    for (const stem of ["dilated", "one-d", "three-d", "stride2-padding"]) expect(existsSync(page(stem)), stem).toBe(true);
  });

  for (const stem of ["stride2-padding", "one-d", "three-d", "dilated"]) {
    it(`${stem}: every overlap count is drawn inside its own output cell`, async () => {
      const o = await openFile(browser, page(stem), { width: 1100, height: 900 });
      try {
        const { badges, outside } = await badgesOutsideCells(o.page);
        if (stem === "dilated") expect(badges).toBe(0); // every cell has one term: nothing to count
        else expect(badges).toBeGreaterThan(0);
        expect(outside).toEqual([]);
      } finally { await o.close(); }
    });

    it(`${stem}: the diagram fills the column at 1100 px and fits it at 900 px`, async () => {
      const wide = await openFile(browser, page(stem), { width: 1100, height: 900 });
      try {
        const w = await widths(wide.page);
        expect(w.svg).toBeLessThanOrEqual(w.container + 0.5);
        expect(w.svg / w.container).toBeGreaterThan(0.9);
      } finally { await wide.close(); }
      const narrow = await openFile(browser, page(stem), { width: 900, height: 900 });
      try {
        const w = await widths(narrow.page);
        expect(w.svg).toBeLessThanOrEqual(w.container + 0.5);
        expect(w.scroll).toBe(false);
      } finally { await narrow.close(); }
    });
  }

  for (const stem of ["seed", "stride2-padding", "dilated", "one-d", "three-d", "grouped"]) {
    it(`${stem}: saves its diagrams in colour and in a greyscale print preview`, async () => {
      const o = await openFile(browser, page(stem), { width: 1100, height: 900 });
      try {
        const n = await o.page.locator("svg.tconv-diagram").count();
        expect(n).toBeGreaterThan(0);
        const shots: string[] = [];
        for (let i = 0; i < n; i++) {
          const path = join(SCREENSHOT_DIR, `diagrams-${stem}-${i}.png`);
          await o.page.locator("svg.tconv-diagram").nth(i).screenshot({ path });
          shots.push(path);
        }
        await o.page.emulateMedia({ media: "print" });
        await o.page.addStyleTag({ content: "html { filter: grayscale(1); }" });
        for (let i = 0; i < n; i++) {
          const path = join(SCREENSHOT_DIR, `diagrams-${stem}-${i}-grey.png`);
          await o.page.locator("svg.tconv-diagram").nth(i).screenshot({ path });
          shots.push(path);
        }
        for (const f of shots) expect(existsSync(f), f).toBe(true);
      } finally { await o.close(); }
    }, 180_000);
  }
});
