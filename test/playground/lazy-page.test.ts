/**
 * The derivation finished part by part (src/playground/lazy.ts) in Debian's Chromium: a 16×16
 * problem shows its opening and first section at once and every section in the end, without a
 * KaTeX error; a newer problem replaces the sections still pending of the older one.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeFragment } from "../../src/playground/fields.ts";
import { playgroundHtml } from "../../src/playground/build.ts";
import { katexErrorCount, launchBrowser, openHtml, type OpenedPage } from "../browser/harness.ts";

let browser: Browser;
const opened: OpenedPage[] = [];
beforeAll(async () => { browser = await launchBrowser(); }, 120_000);
afterAll(async () => {
  for (const o of opened) await o.close().catch(() => undefined);
  await browser?.close();
});

const big = JSON.stringify(Array.from({ length: 16 }, (_, i) => Array.from({ length: 16 }, (_, j) => ((i * 16 + j) % 7) - 3)));

describe("the playground's derivation, finished part by part", () => {
  it("shows a 16×16 problem's opening and first section with the result, then every section, with no KaTeX error", async () => {
    const o = await openHtml(browser, playgroundHtml(), "playground-lazy", { width: 1100, height: 900 });
    opened.push(o);
    await o.page.waitForSelector("html[data-ready]");
    const first = await o.page.evaluate((input) => {
      const f = document.querySelector<HTMLFormElement>("#problem")!;
      (f.elements.namedItem("input") as HTMLInputElement).value = input;
      (f.elements.namedItem("kernel") as HTMLInputElement).value = "[[1,2,1],[0,1,0],[-1,0,2]]";
      f.requestSubmit();
      // Right after the synchronous recompute, before any other task ran:
      return {
        output: document.querySelector("[data-tconv-output]")!.textContent!,
        title: document.querySelector("#derivation h1")?.textContent,
        done: document.querySelectorAll("#derivation .part:not(.pending)").length,
        parts: document.querySelectorAll("#derivation .part").length,
        complete: document.querySelector("#derivation[data-complete]") !== null,
      };
    }, big);
    expect(first.output).toMatch(/^\{"shape":\[18,18\]/);
    expect(first.title).toContain("16×16 → 18×18");
    expect(first.done).toBeGreaterThanOrEqual(1);
    expect(first.parts).toBe(10);
    await o.page.waitForSelector("#derivation[data-complete]");
    expect(await o.page.locator("#derivation .part.pending").count()).toBe(0);
    expect(await o.page.locator("#derivation h2").count()).toBe(10);
    expect(await katexErrorCount(o.page)).toBe(0);
    expect(o.errors).toEqual([]);
  }, 300_000);

  it("drops the pending sections of a problem replaced by a newer one", async () => {
    const o = await openHtml(browser, playgroundHtml(), "playground-lazy", { width: 1100, height: 900 });
    opened.push(o);
    await o.page.goto(`${o.url}#${encodeFragment({ input: big, kernel: "[[1,2,1],[0,1,0],[-1,0,2]]" })}`);
    await o.page.reload();
    await o.page.waitForSelector("html[data-ready]");
    await o.page.evaluate(() => {
      const f = document.querySelector<HTMLFormElement>("#problem")!;
      (f.elements.namedItem("input") as HTMLInputElement).value = "[[1,2],[3,4]]";
      (f.elements.namedItem("kernel") as HTMLInputElement).value = "[[1,0],[0,-1]]";
      f.requestSubmit();
    });
    await o.page.waitForSelector("#derivation[data-complete]");
    expect(await o.page.textContent("#derivation h1")).toContain("2×2 → 3×3");
    expect(await o.page.textContent("#derivation")).not.toContain("16×16");
    expect(o.errors).toEqual([]);
  }, 300_000);
});
