import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { katexErrorCount, launchBrowser, openHtml, screenshot } from "../browser/harness.ts";
import { page, viaMarkdownIt, viaRemark } from "./pipelines.ts";
import { exampleNotes } from "./example-note.ts";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const builds = exampleNotes.flatMap(([note, text]) => [
  [note, "remark", () => viaRemark(text)],
  [note, "markdown-it", () => viaMarkdownIt(text)],
] as const);

describe.each(builds)("the %s note built by the %s plugin, in Chromium", (note, plugin, build) => {
  it("shows rendered math and no KaTeX error", async () => {
    const html = await build();
    const name = `${note}-${plugin}`;
    const opened = await openHtml(browser, page(`tconv note ${note} via ${plugin}`, html, plugin), `notes-${name}`);
    try {
      await screenshot(opened.page, `notes-${name}`);
      expect(opened.errors).toEqual([]);
      expect(await katexErrorCount(opened.page)).toBe(0);
      const katex = opened.page.locator(".katex");
      expect(await katex.count()).toBeGreaterThan(3);
      const box = await opened.page.locator(".katex-display").first().boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(10);
      expect(await opened.page.locator(".language-tconv").count()).toBe(0);
      // Laid out by a matching stylesheet, not just marked up: a subscript (y_{0,0}) is smaller
      // than its base letter and sits lower.
      const sub = await opened.page.evaluate(() => {
        const script = document.querySelector(".katex-html .msupsub");
        const base = script?.previousElementSibling;
        const digits = script?.querySelector(".mtight");
        if (!base || !digits) return { scale: Number.NaN, drop: Number.NaN };
        const centre = (r: DOMRect) => (r.top + r.bottom) / 2;
        return {
          scale: parseFloat(getComputedStyle(digits).fontSize) / parseFloat(getComputedStyle(base).fontSize),
          drop: centre(digits.getBoundingClientRect()) - centre(base.getBoundingClientRect()),
        };
      });
      expect(sub.scale).toBeLessThan(0.9);
      expect(sub.drop).toBeGreaterThan(2);
    } finally {
      await opened.close();
    }
  });
});
