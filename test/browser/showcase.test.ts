import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { diagramSizes, fontReport, katexErrorCount, launchBrowser, openFile, screenshot } from "./harness.ts";

const outputDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../output");
// The walkthroughs and the index run no script; the playground is a page of its own, with its
// own browser tests (test/playground/page.test.ts).
const pages = existsSync(outputDir) ? readdirSync(outputDir).filter((f) => f.endsWith(".html") && f !== "playground.html").sort() : [];

describe("the showcase HTML in output/, opened in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it("exists (npm start writes it; CI regenerates it)", () => {
    expect(pages.length, "no output/*.html: run `npm start` first").toBeGreaterThan(0);
  });

  for (const name of pages) {
    it(`${name}: no KaTeX error, no page error, no request beyond its own file, fonts from the file, diagrams drawn`, async () => {
      const file = join(outputDir, name);
      const o = await openFile(browser, file);
      try {
        expect(await katexErrorCount(o.page)).toBe(0);
        expect(o.errors).toEqual([]);
        expect(o.externalRequests()).toEqual([]);
        expect(o.requests.filter((u) => u.startsWith("file:"))).toEqual([o.url]);
        const html = readFileSync(file, "utf8");
        expect(html).not.toMatch(/<script|<link\b|@import/);
        if ((await o.page.locator(".katex").count()) > 0) {
          const fonts = await fontReport(o.page);
          expect(fonts.failed).toEqual([]);
          expect(fonts.loaded).toContain("KaTeX_Main");
          const srcs = await o.page.evaluate(() => Array.from(document.styleSheets).flatMap((s) => Array.from(s.cssRules))
            .filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule).map((r) => r.style.getPropertyValue("src")));
          for (const s of srcs) expect(s).toMatch(/^url\("data:font\/woff2;base64,/);
        }
        if (name !== "index.html") {
          const sizes = await diagramSizes(o.page);
          expect(sizes.length).toBeGreaterThan(0);
          for (const s of sizes) expect(s.width * s.height).toBeGreaterThan(0);
        }
        await screenshot(o.page, `output-${name.replace(/\.html$/, "")}`);
      } finally {
        await o.close();
      }
    });
  }
});
