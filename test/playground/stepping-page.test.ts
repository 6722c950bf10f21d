/**
 * The playground's direct-convolution stepper in Debian's Chromium: one output cell per step, in
 * order, ending at Y; on a stride-2 padded problem every window sits where the geometry says and
 * meets exactly the gather tables' input cells; keyboard only; screenshots in English and Chinese.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, evaluationJson } from "../../src/api/evaluate.ts";
import { directConvGeometry, tapTables, unflatten } from "../../src/geometry/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { encodeFragment } from "../../src/playground/fields.ts";
import { playgroundHtml } from "../../src/playground/build.ts";
import { launchBrowser, openHtml, screenshot, type OpenedPage } from "../browser/harness.ts";

let browser: Browser;
const opened: OpenedPage[] = [];
const html = playgroundHtml();

beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  for (const o of opened) await o.close().catch(() => undefined);
  await browser?.close();
});

async function open(fragment: string): Promise<OpenedPage> {
  const o = await openHtml(browser, html, "playground-stepping", { width: 1100, height: 900 });
  opened.push(o);
  await o.page.goto(`${o.url}#${fragment}`);
  await o.page.reload();
  await o.page.waitForSelector("html[data-ready]");
  return o;
}

/** What the stepper shows: the count, the term, the cell just added, the output grid. */
const state = (page: Page) => page.evaluate(() => ({
  count: document.querySelector("#step-count")!.textContent,
  text: document.querySelector("#step-text")!.textContent ?? "",
  added: Array.from(document.querySelectorAll<HTMLElement>("#step-grid td.added")).map((td) => td.dataset["stepOut"]),
  grid: Array.from(document.querySelectorAll<HTMLElement>("#step-grid td[data-step-out]")).map((td) => td.textContent),
  window: Array.from(document.querySelectorAll<HTMLElement>("#step-grid td.win")).map((td) => ({ pos: td.dataset["stepPad"]!, input: td.dataset["stepInput"] })),
}));

const SEED = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };
const STRIDE2 = { input: "[[1,2/3,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", "output-padding": "1" };

describe("stepping through the direct convolution in the playground", () => {
  it("visits every output cell of the seed in order, writing the window's products and sum, and ends with Y", async () => {
    const o = await open(encodeFragment(SEED));
    await o.page.check("input[name=step-mode][value=direct]");
    let s = await state(o.page);
    expect(s.count).toBe("step 0 of 9");
    expect(s.grid).toEqual(Array(9).fill("·"));
    const y = JSON.parse(evaluationJson(evaluate(parseProblem(SEED)))).output.flat().map(String);
    for (let k = 1; k <= 9; k++) {
      await o.page.click("#step-next");
      s = await state(o.page);
      const cell = unflatten(k - 1, [3, 3]).join(",");
      expect(s.count).toBe(`step ${k} of 9`);
      expect(s.added).toEqual([cell]);
      // The term names the cell, lists one product per kernel tap and sums to the cell's value.
      expect(s.text.startsWith(`y(${cell}) = `)).toBe(true);
      expect(s.text.split(" + ")).toHaveLength(4);
      expect(s.text.split(" = ").at(-1)).toBe(y[k - 1]);
      expect(s.grid).toEqual([...y.slice(0, k), ...Array(9 - k).fill("·")]);
      expect(s.window).toHaveLength(4);
    }
    expect(s.text).toBe("y(2,2) = 4·(-1) + 0·0 + 0·0 + 0·1 = -4");
    expect(o.errors).toEqual([]);
  }, 180_000);

  it("puts every window of a stride-2 padded problem where the geometry says, on exactly the gather tables' inputs", async () => {
    const o = await open(encodeFragment(STRIDE2));
    await o.page.check("input[name=step-mode][value=direct]");
    const p = parseProblem({ ...STRIDE2, outputPadding: "1" });
    const geo = directConvGeometry(p.info), tables = tapTables(p.info).gather;
    const n = p.info.outCount;
    expect((await state(o.page)).count).toBe(`step 0 of ${n}`);
    // The drawn input: (3 − 1)·2 + 1 = 5 zero-inserted cells, padded d(k − 1) − p = 1 before and 1 + 1 after.
    expect(geo.map((g) => [g.padBegin, g.padEnd, g.paddedSize])).toEqual([[1, 2, 8], [1, 2, 8]]);
    expect(await o.page.locator("#step-grid .direct-step td[data-step-pad]").count()).toBe(64);
    for (let k = 1; k <= n; k++) {
      await o.page.click("#step-next");
      const s = await state(o.page);
      const out = unflatten(k - 1, p.info.outSpatial);
      // Window positions: o − padBegin + t·d on each axis, every tap of the 3×3 kernel.
      const rows = [0, 1, 2].map((t) => out[0]! - geo[0]!.padBegin + t), cols = [0, 1, 2].map((t) => out[1]! - geo[1]!.padBegin + t);
      expect(s.window.map((c) => c.pos).sort()).toEqual(rows.flatMap((r) => cols.map((c) => `${r},${c}`)).sort());
      // The window's input cells: the gather tables' cells of this output cell.
      const expected: string[] = [];
      for (let i = tables[0]!.start[out[0]!]!; i < tables[0]!.start[out[0]! + 1]!; i++) {
        for (let j = tables[1]!.start[out[1]!]!; j < tables[1]!.start[out[1]! + 1]!; j++) expected.push(`${tables[0]!.index[i]},${tables[1]!.index[j]}`);
      }
      expect(s.window.filter((c) => c.input !== undefined).map((c) => c.input).sort(), `y(${out.join(",")})`).toEqual(expected.sort());
    }
    const exact = evaluate(p);
    if (exact.mode !== "exact") throw new Error("expected an exact problem");
    expect((await state(o.page)).grid).toEqual(exact.values.map((q) => q.toString()));
    expect(o.errors).toEqual([]);
  }, 600_000);

  it("is driven by the keyboard alone: arrows pick the sliding window, Tab reaches Play, which runs to Y and stops", async () => {
    const o = await open(encodeFragment(SEED));
    await o.page.focus("input[name=step-mode][value=scatter]");
    await o.page.keyboard.press("ArrowRight");
    expect(await o.page.isChecked("input[name=step-mode][value=direct]")).toBe(true);
    let onPlay = false;
    for (let k = 0; k < 10 && !onPlay; k++) {
      await o.page.keyboard.press("Tab");
      onPlay = await o.page.evaluate(() => document.activeElement?.id === "step-play");
    }
    expect(onPlay).toBe(true);
    await o.page.keyboard.press("Enter");
    expect(await o.page.textContent("#step-play")).toBe("Pause");
    await o.page.waitForFunction(() => document.querySelector("#step-count")?.textContent === "step 9 of 9", undefined, { timeout: 60_000 });
    expect(await o.page.textContent("#step-play")).toBe("Play");
    expect((await state(o.page)).grid).toEqual(["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]);
    expect(o.errors).toEqual([]);
  }, 180_000);

  it("speaks Chinese and takes screenshots of the sliding window in both languages", async () => {
    for (const lang of ["en", "zh"] as const) {
      const o = await open(encodeFragment({ ...STRIDE2, lang }));
      await o.page.check("input[name=step-mode][value=direct]");
      for (let k = 0; k < 9; k++) await o.page.click("#step-next");
      if (lang === "zh") {
        expect(await o.page.textContent("#step-count")).toBe("第 9 步，共 36 步");
        expect(await o.page.textContent("#step-grid")).toContain("插零并填充后的输入");
        expect(await o.page.textContent("#step-hint")).toContain("滑动");
      }
      await o.page.locator("#step-hint").scrollIntoViewIfNeeded();
      await screenshot(o.page, `playground-direct-step-${lang}`);
      expect(o.errors).toEqual([]);
    }
  }, 240_000);
});
