/**
 * The playground in Debian's Chromium, opened from file:// as a user opens it: offline, driven by
 * its URL fragment and its form, traced with the mouse and the keyboard, in English and Chinese.
 * One browser for the whole file; each test opens its own page.
 */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { evaluate, evaluationJson } from "../../src/api/evaluate.ts";
import { tapTables, type AxisTable } from "../../src/geometry/taps.ts";
import { cliNames } from "../../src/spec/names.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { decodeFragment, encodeFragment } from "../../src/playground/fields.ts";
import { PLAYGROUND_MAX_BYTES, playgroundHtml } from "../../src/playground/build.ts";
import { katexErrorCount, launchBrowser, openHtml, PAGE_DIR, SCREENSHOT_DIR, screenshot, type OpenedPage } from "../browser/harness.ts";

let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  for (const o of opened) await o.close().catch(() => undefined);
  await browser?.close();
});

const html = playgroundHtml();
const file = join(PAGE_DIR, "playground.html");

/** Opens the playground, with `fragment` (without #) loaded as a fresh page when given. */
async function open(fragment?: string): Promise<OpenedPage> {
  const o = await openHtml(browser, html, "playground", { width: 1100, height: 900 });
  opened.push(o);
  if (fragment !== undefined) {
    await o.page.goto(`${o.url}#${fragment}`);
    await o.page.reload();
  }
  await ready(o.page);
  return o;
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("html[data-ready]");
  // The derivation is finished section by section (src/playground/lazy.ts): wait for all of it.
  await page.waitForSelector("#derivation[data-complete]");
}

const output = (page: Page) => page.textContent("[data-tconv-output]");
const lit = (page: Page) => page.$$eval("td.lit[data-in]", (tds) => tds.map((td) => (td as HTMLElement).dataset["in"]!).sort());
const litOut = (page: Page) => page.$$eval("td.lit[data-out]", (tds) => tds.map((td) => (td as HTMLElement).dataset["out"]!).sort());

/** What `tconv eval --json` prints for CLI arguments (stdout, or stderr on failure). */
async function cliEval(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const io = bufferIo();
  await main(["eval", ...args, "--json"], io);
  return { stdout: io.stdout.trim(), stderr: io.stderr.trim() };
}

/** Input cells (spatial, 0-based) of output cell `out` by the geometry's gather tables: the product of the per-axis rows. */
function gathered(tables: readonly AxisTable[], out: readonly number[]): string[] {
  let acc: number[][] = [[]];
  tables.forEach((t, ax) => {
    const row: number[] = [];
    for (let j = t.start[out[ax]!]!; j < t.start[out[ax]! + 1]!; j++) row.push(t.index[j]!);
    acc = acc.flatMap((prefix) => row.map((a) => [...prefix, a]));
  });
  return tables.length === 0 ? [] : acc.map((ix) => ix.join(",")).sort();
}

/** The (input cell, kernel tap) pairs of output cell `out` by the gather tables, as "a,b|p,q". */
function gatheredPairs(tables: readonly AxisTable[], out: readonly number[]): string[] {
  let acc: [number[], number[]][] = [[[], []]];
  tables.forEach((t, ax) => {
    const row: [number, number][] = [];
    for (let j = t.start[out[ax]!]!; j < t.start[out[ax]! + 1]!; j++) row.push([t.index[j]!, t.tap[j]!]);
    acc = acc.flatMap(([a, k]) => row.map(([i, tap]) => [[...a, i], [...k, tap]] as [number[], number[]]));
  });
  return acc.map(([a, k]) => `${a.join(",")}|${k.join(",")}`).sort();
}

/** What the trace panel and the derivation's diagrams light, read in one go. */
interface Traced {
  /** Lit terms as "out:a,b|p,q" (the sum line they sit in, their input cell and kernel tap). */
  terms: string[];
  /** Lit cells of C and Cᵀ as "row,col", and whether they are non-zero. */
  c: { at: string; nz: boolean; in: string }[];
  ct: { at: string; nz: boolean; in: string }[];
  /** Lit cells of the panel's and the derivation's direct views: their input cell, or "-" for a zero. */
  direct: string[];
  derivationDirect: string[];
  /** The panel's direct view: the output cell its window is drawn on. */
  directTarget: string | null;
}

const traced = (page: Page): Promise<Traced> => page.evaluate(() => {
  const ds = (sel: string) => Array.from(document.querySelectorAll<HTMLElement | SVGElement>(sel));
  const matrix = (id: string) => ds(`#${id} td.traced`).map((td) => ({ at: `${td.dataset["row"]},${td.dataset["col"]}`, nz: td.classList.contains("nz"), in: td.dataset["x"]! }));
  return {
    terms: ds("#trace .term.traced").map((t) => `${(t.closest(".trace-sum") as HTMLElement).dataset["y"]}:${t.dataset["x"]}|${t.dataset["tap"]}`),
    c: matrix("trace-c"), ct: matrix("trace-ct"),
    direct: ds("#trace-direct .padded-cell.traced").map((g) => g.dataset["in"] ?? "-").sort(),
    derivationDirect: ds("#derivation .padded-cell.traced").map((g) => g.dataset["in"] ?? "-").sort(),
    directTarget: (document.querySelector("#trace-direct .output-cell.target") as SVGElement | null)?.dataset["out"] ?? null,
  };
});

/** Saves the grids and the trace panel (a hovered or focused state) for a person to look at. */
async function traceShot(page: Page, name: string): Promise<void> {
  const top = await page.$eval("#grids", (e) => e.getBoundingClientRect().top + window.scrollY);
  const bottom = await page.$eval("#trace", (e) => e.getBoundingClientRect().bottom + window.scrollY);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, clip: { x: 0, y: Math.max(0, top - 10), width: 1100, height: bottom - top + 20 } });
}

describe("the playground page", () => {
  it("is one file under 4 MB that opens offline: no request but its own file and data:/blob: URLs, no console error, no KaTeX error", async () => {
    const o = await open();
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(PLAYGROUND_MAX_BYTES);
    expect(statSync(file).size).toBe(Buffer.byteLength(html));
    expect(o.requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(o.requests.filter((u) => u.startsWith("file:")).every((u) => u.startsWith(o.url))).toBe(true);
    expect(o.errors).toEqual([]);
    expect(await o.page.locator("#derivation .katex").count()).toBeGreaterThan(20);
    expect(await katexErrorCount(o.page)).toBe(0);
    expect(await output(o.page)).toBe('{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}');
    await screenshot(o.page, "playground-en");
  }, 60_000);

  it("takes the problem from the URL fragment and shows tconv eval --json's output for it", async () => {
    const args = { input: "[[1,2/3,3],[4,5,-6]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", "output-padding": "1" };
    const o = await open(encodeFragment(args));
    const cli = await cliEval(["--input", args.input, "--kernel", args.kernel, "--stride", "2", "--padding", "1", "--output-padding", "1"]);
    expect(cli.stdout).toMatch(/^\{"shape":\[4,6\]/);
    expect(await output(o.page)).toBe(cli.stdout);
    expect(await o.page.inputValue("input[name=input]")).toBe(args.input);
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("recomputes when a field is edited and writes the problem into the fragment", async () => {
    const o = await open();
    await o.page.fill("input[name=stride]", "2");
    await o.page.waitForFunction(() => document.querySelector("[data-tconv-output]")?.textContent?.includes('"shape":[4,4]'));
    const expected = evaluationJson(evaluate(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: "2" })));
    expect(await output(o.page)).toBe(expected);
    const hash = await o.page.evaluate(() => location.hash);
    expect(hash).toContain("stride=2");
    expect(decodeFragment(hash)).toMatchObject({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: "2" });
    // The fragment written is a link to the same problem: a fresh load of it shows the same output.
    await o.page.reload();
    await ready(o.page);
    expect(await output(o.page)).toBe(expected);
    expect(o.errors).toEqual([]);
  }, 180_000);

  it("traces the seed: y(1,1) lights its 4 input cells, y(0,0) only x(0,0), and shows the cell's sum", async () => {
    const o = await open();
    await o.page.focus('td[data-out="1,1"]');
    expect(await lit(o.page)).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(await o.page.textContent("#sum")).toBe("y(1,1) = 1·(-1) + 2·0 + 3·0 + 4·1 = 3");
    await o.page.hover('td[data-out="0,0"]');
    expect(await lit(o.page)).toEqual(["0,0"]);
    // An input cell lights its kernel copy: x(0,0) lands on y(0,0), y(0,1), y(1,0), y(1,1).
    await o.page.hover('td[data-in="0,0"]');
    expect(await litOut(o.page)).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("traces the seed's y(1,1) through its 4 terms, column 4 of C (row 4 of Cᵀ) and its direct-view window; y(0,0) through 1 term; x(0,0) through its row of C", async () => {
    const o = await open();
    await o.page.hover('td[data-out="1,1"]');
    let t = await traced(o.page);
    expect(t.terms).toEqual(["1,1:0,0|1,1", "1,1:0,1|1,0", "1,1:1,0|0,1", "1,1:1,1|0,0"]);
    // The contract's class stays the grids': exactly the 4 input cells carry "lit".
    expect(await o.page.$$eval(".lit", (els) => els.map((e) => `${e.tagName}:${(e as HTMLElement).dataset["in"]}`).sort())).toEqual(["TD:0,0", "TD:0,1", "TD:1,0", "TD:1,1"]);
    // C is 4×9 (rows x, columns y): y(1,1) is column 4, whose four entries are all non-zero.
    expect(t.c.map((c) => c.at)).toEqual(["0,4", "1,4", "2,4", "3,4"]);
    expect(t.c.every((c) => c.nz)).toBe(true);
    expect(t.ct.map((c) => c.at)).toEqual(["4,0", "4,1", "4,2", "4,3"]);
    // Its window covers the four input cells (no padding zero): in the panel and in the derivation.
    expect(t.directTarget).toBe("1,1");
    expect(t.direct).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(t.derivationDirect).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(await o.page.$eval("#derivation svg.tracing", (s) => s.querySelectorAll("[data-windows]").length)).toBeGreaterThan(0);

    await o.page.hover('td[data-out="0,0"]');
    t = await traced(o.page);
    expect(t.terms).toEqual(["0,0:0,0|0,0"]);
    expect(t.c.map((c) => c.at)).toEqual(["0,0", "1,0", "2,0", "3,0"]);
    expect(t.c.filter((c) => c.nz).map((c) => c.in)).toEqual(["0,0"]);
    // Its window: one input cell and three padding zeros; the panel redraws its window there.
    expect(t.derivationDirect).toEqual(["-", "-", "-", "0,0"]);
    await o.page.waitForSelector('#trace-direct .output-cell.target[data-out="0,0"]');
    expect((await traced(o.page)).direct).toEqual(["-", "-", "-", "0,0"]);
    expect(await o.page.textContent("#trace-direct svg")).toContain("y(0, 0)");

    // An input cell: its terms in every sum it feeds, its row of C, its kernel copy in the scatter diagram.
    await o.page.hover('td[data-in="0,0"]');
    t = await traced(o.page);
    expect(t.terms).toEqual(["0,0:0,0|0,0", "0,1:0,0|0,1", "1,0:0,0|1,0", "1,1:0,0|1,1"]);
    expect(new Set(t.c.map((c) => c.at.split(",")[0]))).toEqual(new Set(["0"]));
    expect(await o.page.$$eval("#derivation rect.footprint.traced", (r) => r.map((e) => (e as SVGElement).dataset["in"]))).toEqual(["0,0"]);

    // Leaving the grids clears every light.
    await o.page.mouse.move(5, 5);
    t = await traced(o.page);
    expect([t.terms, t.c, t.ct, t.direct, t.derivationDirect]).toEqual([[], [], [], [], []]);
    await o.page.focus('td[data-out="1,1"]');
    await o.page.waitForSelector('#trace-direct .output-cell.target[data-out="1,1"]');
    await traceShot(o.page, "playground-trace-en");
    expect(await katexErrorCount(o.page)).toBe(0);
    expect(o.errors).toEqual([]);
  }, 120_000);

  it("traces every cell of a stride-2, padded problem exactly as the geometry's tap tables say: terms, row of Cᵀ, window", async () => {
    const values = { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", "output-padding": "1" };
    const o = await open(encodeFragment(values));
    const p = parseProblem({ input: values.input, kernel: values.kernel, stride: "2", padding: "1", outputPadding: "1" });
    const tables = tapTables(p.info);
    const [rows, cols] = p.info.outSpatial as [number, number];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        await o.page.hover(`td[data-out="${i},${j}"]`);
        const t = await traced(o.page);
        const pairs = gatheredPairs(tables.gather, [i, j]);
        const inputs = pairs.map((q) => q.split("|")[0]!);
        expect(t.terms.sort(), `y(${i},${j})`).toEqual(pairs.map((q) => `${i},${j}:${q}`));
        const column = i * cols + j;
        expect(t.ct.every((c) => c.at.startsWith(`${column},`)), `y(${i},${j})`).toBe(true);
        expect(t.ct.filter((c) => c.nz).map((c) => c.in).sort(), `y(${i},${j})`).toEqual(inputs);
        expect(t.c.filter((c) => c.nz).map((c) => c.in).sort(), `y(${i},${j})`).toEqual(inputs);
        // The derivation's direct view: the window is the kernel's 3×3, its input cells the tables'.
        expect(t.derivationDirect, `y(${i},${j})`).toHaveLength(9);
        expect(t.derivationDirect.filter((a) => a !== "-"), `y(${i},${j})`).toEqual(inputs);
      }
    }
    expect(o.errors).toEqual([]);
  }, 180_000);

  it("lights exactly the geometry's tap-table cells on a stride-2, padded problem, for every output and input cell", async () => {
    const values = { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", "output-padding": "1" };
    const o = await open(encodeFragment(values));
    const p = parseProblem({ input: values.input, kernel: values.kernel, stride: "2", padding: "1", outputPadding: "1" });
    const tables = tapTables(p.info);
    const [rows, cols] = p.info.outSpatial as [number, number];
    let nonEmpty = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        await o.page.hover(`td[data-out="${i},${j}"]`);
        const expected = gathered(tables.gather, [i, j]);
        if (expected.length > 0) nonEmpty++;
        expect(await lit(o.page), `y(${i},${j})`).toEqual(expected);
      }
    }
    expect(nonEmpty).toBe(rows * cols);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        await o.page.hover(`td[data-in="${a},${b}"]`);
        const reach = (t: AxisTable, x: number) => Array.from(t.index.subarray(t.start[x]!, t.start[x + 1]!));
        const expected = reach(tables.scatter[0]!, a).flatMap((r) => reach(tables.scatter[1]!, b).map((c) => `${r},${c}`)).sort();
        expect(await litOut(o.page), `x(${a},${b})`).toEqual(expected);
      }
    }
    expect(o.errors).toEqual([]);
  }, 120_000);

  it("shows the CLI's own error line for bad input, naming the option, and keeps the last derivation, greyed", async () => {
    const o = await open();
    const before = await o.page.textContent("#derivation");
    await o.page.fill("input[name=stride]", "0");
    await o.page.waitForSelector("[data-tconv-error]:not([hidden])");
    const cli = await cliEval(["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--stride", "0"]);
    expect(cli.stderr).toMatch(/^error: --stride: /);
    expect(await o.page.textContent("[data-tconv-error]")).toBe(cli.stderr);
    expect(await output(o.page)).toBe(cli.stdout);
    expect(await o.page.getAttribute("#derivation", "class")).toContain("stale");
    expect(await o.page.textContent("#derivation")).toBe(before);
    expect(await o.page.evaluate(() => getComputedStyle(document.querySelector("#derivation")!).opacity)).not.toBe("1");
    // A malformed tensor names --kernel, as the CLI does; fixing it clears the error.
    await o.page.fill("input[name=stride]", "");
    await o.page.fill("input[name=kernel]", "[[1,0],[0,-1]");
    await o.page.waitForFunction(() => document.querySelector("[data-tconv-error]")?.textContent?.startsWith("error: --kernel:"));
    expect(await o.page.textContent("[data-tconv-error]")).toBe((await cliEval(["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]"])).stderr);
    await o.page.fill("input[name=kernel]", "[[1,0],[0,-1]]");
    await o.page.waitForSelector("[data-tconv-error][hidden]", { state: "attached" });
    expect(await o.page.getAttribute("#derivation", "class")).not.toContain("stale");
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("takes symbols and expressions as the command line does, without a console error", async () => {
    const o = await open(encodeFragment({ input: "[[a,b],[c,d]]", kernel: "[[1,0],[0,-1]]" }));
    expect(await output(o.page)).toBe("");
    expect(await o.page.textContent("#note")).not.toBe("");
    expect(await o.page.textContent('td[data-in="1,0"]')).toBe("c");
    await o.page.fill("input[name=input]", "[[1/3+1,2],[3,4]]");
    await o.page.waitForFunction(() => document.querySelector("[data-tconv-output]")?.textContent !== "");
    expect(await output(o.page)).toBe((await cliEval(["--input", "[[1/3+1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]"])).stdout);
    expect(await o.page.isHidden("[data-tconv-error]")).toBe(true);
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("takes entries written as expressions with symbols: their text in the grids, in parentheses in a traced sum, the derivation without a KaTeX error", async () => {
    const o = await open(encodeFragment({ input: "[[2a + b/3, c],[3, 4]]", kernel: "[[1, 2^-3],[0, 1]]" }));
    expect(await o.page.isHidden("[data-tconv-error]")).toBe(true);
    expect(await o.page.textContent('td[data-in="0,0"]')).toBe("2a + b/3");
    await o.page.focus('td[data-out="0,1"]');
    expect(await o.page.textContent("#sum")).toMatch(/^y\(0,1\) = \(2a \+ b\/3\)·1\/8 \+ c·1/);
    expect(await katexErrorCount(o.page)).toBe(0);
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("renders in Chinese with lang=zh: the interface, the derivation and the fonts", async () => {
    const o = await open("input=[[1,2],[3,4]]&kernel=[[1,0],[0,-1]]&lang=zh");
    expect(await o.page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await o.page.textContent("h1")).toBe("tconv 交互演练");
    expect(await o.page.textContent("#derivation")).toContain("转置卷积");
    expect(await o.page.textContent("form")).toContain("卷积核");
    expect(await katexErrorCount(o.page)).toBe(0);
    await o.page.focus('td[data-out="1,1"]');
    await screenshot(o.page, "playground-zh");
    // The trace panel in Chinese: its headings, the sum's 4 terms lit.
    expect(await o.page.textContent("#trace")).toContain("它在 C 中的那一列");
    expect((await traced(o.page)).terms).toHaveLength(4);
    await traceShot(o.page, "playground-trace-zh");
    // Switching back with the language field re-renders in English.
    await o.page.selectOption("select[name=lang]", "en");
    await o.page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await o.page.textContent("#derivation")).toContain("Transposed convolution");
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("works from the keyboard alone: Tab reaches the output grid, arrows move and trace, Enter picks a preset", async () => {
    const o = await open();
    // The input grid comes first: its first cell, then arrows, light a kernel copy.
    let onInput = false;
    for (let k = 0; k < 60 && !onInput; k++) {
      await o.page.keyboard.press("Tab");
      onInput = await o.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset["in"] !== undefined);
    }
    expect(onInput).toBe(true);
    await o.page.keyboard.press("ArrowDown");
    expect(await o.page.evaluate(() => (document.activeElement as HTMLElement).dataset["in"])).toBe("1,0");
    expect(await litOut(o.page)).toEqual(["1,0", "1,1", "2,0", "2,1"]);
    let onCell = false;
    for (let k = 0; k < 60 && !onCell; k++) {
      await o.page.keyboard.press("Tab");
      onCell = await o.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset["out"] !== undefined);
    }
    expect(onCell).toBe(true);
    const focused = () => o.page.evaluate(() => (document.activeElement as HTMLElement).dataset["out"]);
    expect(await focused()).toBe("0,0");
    expect(await lit(o.page)).toEqual(["0,0"]);
    await o.page.keyboard.press("ArrowRight");
    await o.page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("1,1");
    expect(await lit(o.page)).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    // The keyboard traces as the pointer does: the sum's 4 terms, column 4 of C, the window.
    const t = await traced(o.page);
    expect(t.terms).toEqual(["1,1:0,0|1,1", "1,1:0,1|1,0", "1,1:1,0|0,1", "1,1:1,1|0,0"]);
    expect(t.c.map((c) => c.at)).toEqual(["0,4", "1,4", "2,4", "3,4"]);
    expect(t.derivationDirect).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    // The grid is one Tab stop: Shift+Tab leaves it, Tab comes back to the cell last focused.
    await o.page.keyboard.press("Shift+Tab");
    await o.page.keyboard.press("Tab");
    expect(await focused()).toBe("1,1");
    // A preset by keyboard: the checkerboard (stride 2, kernel 3, all-ones input).
    await o.page.focus('[data-preset="checkerboard"]');
    await o.page.keyboard.press("Enter");
    await o.page.waitForFunction(() => document.querySelector("[data-tconv-output]")?.textContent?.includes('"shape":[9,9]'));
    expect(JSON.parse((await output(o.page))!).output[1]).toEqual([1, 1, 2, 1, 2, 1, 2, 1, 1]);
    expect(await o.page.evaluate(() => location.hash)).toContain("stride=2");
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("has every preset derive without an error, the grouped one with two channels of grids", async () => {
    const o = await open();
    for (const id of ["seed", "stride2", "dilation", "oneD", "groups", "checkerboard"]) {
      await o.page.click(`[data-preset="${id}"]`);
      await o.page.waitForSelector("#derivation[data-complete]");
      expect(await o.page.isHidden("[data-tconv-error]"), id).toBe(true);
      expect(await output(o.page), id).toMatch(/^\{"shape":/);
      expect(await katexErrorCount(o.page), id).toBe(0);
      // Grids per channel: the grouped preset has two input and two output channels, the others one.
      expect(await o.page.locator("#grids .grid-block").count(), id).toBe(id === "groups" ? 4 : 2);
    }
    await o.page.click('[data-preset="oneD"]');
    await o.page.focus('td[data-out="4"]');
    expect(await lit(o.page)).toEqual(["1", "2"]);
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("steps through the scatter one input cell's copy at a time, writing each added term, and ends at Y", async () => {
    const o = await open();
    const grid = () => o.page.$$eval("#step-grid td[data-step-out]", (tds) => tds.map((td) => td.textContent));
    expect(await o.page.textContent("#step-count")).toBe("step 0 of 4");
    expect(await grid()).toEqual(["0", "0", "0", "0", "0", "0", "0", "0", "0"]);
    await o.page.click("#step-next");
    expect(await o.page.textContent("#step-text")).toBe("x(0,0) = 1: y(0,0) += 1·w(0,0) → 1; y(0,1) += 1·w(0,1) → 0; y(1,0) += 1·w(1,0) → 0; y(1,1) += 1·w(1,1) → -1");
    expect(await o.page.$$eval("#step-grid td.added", (tds) => tds.map((td) => (td as HTMLElement).dataset["stepOut"]))).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    await o.page.click("#step-next");
    expect(await grid()).toEqual(["1", "2", "0", "0", "-1", "-2", "0", "0", "0"]);
    // Playing runs to the end by itself and stops there, on Y.
    await o.page.click("#step-play");
    await o.page.waitForFunction(() => document.querySelector("#step-count")?.textContent === "step 4 of 4", undefined, { timeout: 10_000 });
    expect(await grid()).toEqual(["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]);
    expect(await o.page.textContent("#step-play")).toBe("Play");
    // On the padded stride-2 preset with fractions too, the last step is the output, exactly.
    await o.page.click('[data-preset="stride2"]');
    await o.page.fill("input[name=input]", "[[1,2/3,3],[4,5,6],[7,8,9]]");
    await o.page.waitForFunction(() => document.querySelector("[data-tconv-output]")?.textContent?.includes("."));
    await o.page.click("#step-last");
    const p = parseProblem({ input: "[[1,2/3,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" });
    const exact = evaluate(p);
    if (exact.mode !== "exact") throw new Error("expected an exact problem");
    expect(await grid()).toEqual(exact.values.map((q) => q.toString()));
    expect(o.errors).toEqual([]);
  }, 60_000);

  it("checks a pasted hand calculation: the checker's report, the wrong cells boxed in Y, the CLI's error for a bad claim", async () => {
    const o = await open();
    await o.page.fill("#claim", "[[1,2,0],[3,3,-2],[0,-3,4]]");
    await o.page.waitForSelector("#check-report h1");
    expect(await o.page.getAttribute("#check-report", "data-correct")).toBe("false");
    expect(await o.page.$$eval("#grids td.wrong", (tds) => tds.map((td) => (td as HTMLElement).dataset["out"]))).toEqual(["2,2"]);
    expect(await o.page.textContent("#check-report")).toContain("1 of 9");
    expect(await katexErrorCount(o.page)).toBe(0);
    // Another form the CLI reads (plain rows, a cell not computed): correct, nothing boxed.
    await o.page.fill("#claim", "1 2 0\n3 ? -2\n0 -3 -4");
    await o.page.waitForFunction(() => document.querySelector("#check-report")?.getAttribute("data-correct") === "true");
    expect(await o.page.locator("#grids td.wrong").count()).toBe(0);
    // A claim of the wrong shape names --claim exactly as tconv check does.
    await o.page.fill("#claim", "[[1,2],[3,4");
    await o.page.waitForSelector("#check-error:not([hidden])");
    const io = bufferIo();
    await main(["check", "--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--claim", "[[1,2],[3,4"], io);
    expect(await o.page.textContent("#check-error")).toBe(io.stderr.trim());
    expect(io.stderr).toMatch(/^error: --claim: /);
    expect(o.errors).toEqual([]);
  }, 60_000);
});
