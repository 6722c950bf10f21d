/**
 * The check report as a reader gets it: the HTML page opened in real Chromium (Debian's
 * /usr/bin/chromium via the shared harness), in English and Chinese. Screenshots land in
 * test-results/screenshots/check-*.png for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkClaim } from "../../src/check/check.ts";
import { parseClaim } from "../../src/check/claim/index.ts";
import { renderCheckHtml } from "../../src/render/check-report.ts";
import { katexErrorCount, launchBrowser, openHtml, screenshot } from "../browser/harness.ts";
import { plainProblem } from "./problem.ts";

const SEED = plainProblem("[[1,2],[3,4]]", "[[1,0],[0,-1]]");
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe("the check report in Chromium", () => {
  for (const [name, claim, lang] of [
    ["check-seed-slip-en", "[[1,2,0],[3,2,-2],[0,-3,-3]]", "en"],
    ["check-seed-shape-zh", "[[1,2,0],[0,-1,-2],[3,4,0],[0,-3,-4]]", "zh-CN"],
    ["check-missing-term-zh", "[[1,2,0],[3,4,-2],[0,-3,-4]]", "zh-CN"],
  ] as const) {
    it(`${name}: math rendered, no KaTeX errors, nothing fetched`, async () => {
      const result = checkClaim({ problem: SEED, claim: parseClaim(claim, { field: "--claim" }) });
      const html = await renderCheckHtml(SEED, result, { lang });
      const opened = await openHtml(browser, html, name);
      expect(await opened.page.locator(".katex").count()).toBeGreaterThan(3);
      expect(await katexErrorCount(opened.page)).toBe(0);
      expect(opened.externalRequests()).toEqual([]);
      expect(opened.errors).toEqual([]);
      // The wrong cells are boxed inside the answer matrix (KaTeX draws \boxed as .boxpad/.fbox).
      if (result.shape.ok) expect(await opened.page.locator(".fbox").count()).toBeGreaterThanOrEqual(2);
      await screenshot(opened.page, name);
      await opened.close();
    });
  }
});
