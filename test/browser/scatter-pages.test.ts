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
import { SCREENSHOT_DIR, launchBrowser, openFile, type OpenedPage } from "./harness.ts";

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

  /** The pages whose scatter diagram has overlapping copies to count (past 2×2). */
  const scattered = ["stride2-padding", "one-d", "three-d", "dilated"];

  it("the showcase pages exist (npm start writes them)", () => {
    for (const stem of scattered) expect(existsSync(page(stem)), stem).toBe(true);
  });

  // Each page is opened once, at 1100 px; the 900 px check resizes the window (the layout reflows
  // as on a fresh page) and puts it back; the print preview comes last, since it changes the media.
  for (const stem of ["seed", "stride2-padding", "dilated", "one-d", "three-d", "grouped"]) {
    describe(stem, () => {
      let o: OpenedPage | undefined;
      beforeAll(async () => { o = await openFile(browser, page(stem), { width: 1100, height: 900 }); });
      afterAll(async () => { await o?.close(); });

      if (scattered.includes(stem)) {
        it(`${stem}: every overlap count is drawn inside its own output cell`, async () => {
          const { badges, outside } = await badgesOutsideCells(o!.page);
          if (stem === "dilated") expect(badges).toBe(0); // every cell has one term: nothing to count
          else expect(badges).toBeGreaterThan(0);
          expect(outside).toEqual([]);
        });

        it(`${stem}: the diagram fills the column at 1100 px and fits it at 900 px`, async () => {
          const wide = await widths(o!.page);
          expect(wide.svg).toBeLessThanOrEqual(wide.container + 0.5);
          expect(wide.svg / wide.container).toBeGreaterThan(0.9);
          await o!.page.setViewportSize({ width: 900, height: 900 });
          try {
            const narrow = await widths(o!.page);
            expect(narrow.svg).toBeLessThanOrEqual(narrow.container + 0.5);
            expect(narrow.scroll).toBe(false);
          } finally {
            await o!.page.setViewportSize({ width: 1100, height: 900 });
          }
        });
      }

      it(`${stem}: saves its diagrams in colour and in a greyscale print preview`, async () => {
        const p = o!.page;
        const n = await p.locator("svg.tconv-diagram").count();
        expect(n).toBeGreaterThan(0);
        const shots: string[] = [];
        for (let i = 0; i < n; i++) {
          const path = join(SCREENSHOT_DIR, `diagrams-${stem}-${i}.png`);
          await p.locator("svg.tconv-diagram").nth(i).screenshot({ path });
          shots.push(path);
        }
        await p.emulateMedia({ media: "print" });
        await p.addStyleTag({ content: "html { filter: grayscale(1); }" });
        for (let i = 0; i < n; i++) {
          const path = join(SCREENSHOT_DIR, `diagrams-${stem}-${i}-grey.png`);
          await p.locator("svg.tconv-diagram").nth(i).screenshot({ path });
          shots.push(path);
        }
        for (const f of shots) expect(existsSync(f), f).toBe(true);
      }, 180_000);
    });
  }
});
