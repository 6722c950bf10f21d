/**
 * A small reusable harness for opening tconv's HTML in real Chromium (Debian's /usr/bin/chromium
 * through playwright-core): launch, open an HTML string or file, collect page errors and every
 * request the page makes, check KaTeX errors and fonts, and save screenshots for a person to
 * look at under test-results/screenshots/ (gitignored).
 *
 * Usage (in a vitest file; the run shares one browser, see global-setup.ts):
 *   const browser = await launchBrowser();
 *   const opened = await openHtml(browser, html, "seed-en");
 *   expect(opened.externalRequests()).toEqual([]);
 *   await screenshot(opened.page, "seed-en");
 *   await opened.close(); await browser.close();
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";

/** Where Debian's chromium package installs the browser; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Screenshots land here for a person to look at. */
export const SCREENSHOT_DIR = join(repoRoot, "test-results", "screenshots");
/** HTML strings opened by `openHtml` are written here first, so they load from a file: URL. */
export const PAGE_DIR = join(repoRoot, "test-results", "pages");

/** Throws a message that says how to get the browser, instead of letting a test skip silently. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's chromium. `
      + "Install it with `apt-get update && apt-get install -y chromium fonts-noto-cjk` (.ci/run does this).",
    );
  }
}

/** Chromium's flags: headless, no background network traffic of its own. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--no-first-run", "--disable-sync"];

/**
 * A headless Chromium to open pages in. Under vitest it is a connection to the run's one shared
 * browser (test/browser/global-setup.ts), and `close()` only disconnects; elsewhere, or when the
 * run started no server, it launches a browser of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  const { chromium } = await import("playwright-core");
  const endpoint = await sharedEndpoint();
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The shared browser server's endpoint, when vitest's globalSetup provided one. */
async function sharedEndpoint(): Promise<string | undefined> {
  try {
    const { inject } = await import("vitest");
    return inject("chromiumWsEndpoint") || undefined;
  } catch {
    return undefined; // not inside a vitest worker
  }
}

/** A page opened by the harness, with what it did. */
export interface OpenedPage {
  readonly page: Page;
  /** The file: URL the page was loaded from. */
  readonly url: string;
  /** Every request URL the page made (file:, data: and anything else). */
  readonly requests: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  /** Requests that are neither file: nor data: URLs (an offline page has none). */
  externalRequests(): string[];
  close(): Promise<void>;
}

/** Opens an HTML file (by path) in a fresh page; any non-file, non-data request is recorded and aborted. */
export async function openFile(browser: Browser, path: string, viewport = { width: 1000, height: 800 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  // The machine is shared by several workers on two cores: a big page may take longer than
  // playwright's 30 s default to load there.
  page.setDefaultTimeout(120_000);
  const requests: string[] = [], errors: string[] = [];
  page.on("request", (r) => { requests.push(r.url()); });
  page.on("pageerror", (e) => { errors.push(`pageerror: ${e.message}`); });
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  await page.route(/^(?!file:|data:)/, (route) => route.abort());
  const url = pathToFileURL(resolve(path)).href;
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return {
    page, url, requests, errors,
    externalRequests: () => requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")),
    close: () => page.close(),
  };
}

/** Writes `html` to test-results/pages/<name>.html and opens it. */
export async function openHtml(browser: Browser, html: string, name: string, viewport?: { width: number; height: number }): Promise<OpenedPage> {
  mkdirSync(PAGE_DIR, { recursive: true });
  const file = join(PAGE_DIR, `${name}.html`);
  writeFileSync(file, html);
  return openFile(browser, file, viewport);
}

/**
 * Whether the long showcase pages are saved whole (`TCONV_SCREENSHOTS=full`); by default only their
 * top, since a full-page shot of a megabyte walkthrough costs more than all its checks.
 */
export const FULL_SCREENSHOTS = process.env["TCONV_SCREENSHOTS"] === "full";

/** Saves a screenshot (the full page unless told otherwise) to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Number of KaTeX error nodes (what KaTeX renders when it fails without throwing). */
export async function katexErrorCount(page: Page): Promise<number> {
  return page.locator(".katex-error").count();
}

/** What the page's fonts did, after `document.fonts.ready`. */
export interface FontReport {
  /** Families (deduplicated) of FontFace objects whose status is "loaded". */
  loaded: string[];
  /** Families that failed to load. */
  failed: string[];
  /** `document.fonts.check` for a few KaTeX faces the math uses most. */
  katexMainAvailable: boolean;
  katexMathAvailable: boolean;
}

/** Reports which fonts loaded; call after the page has rendered its math. */
export async function fontReport(page: Page): Promise<FontReport> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const loaded = new Set<string>(), failed = new Set<string>();
    document.fonts.forEach((f) => {
      const fam = f.family.replace(/^["']|["']$/g, "");
      if (f.status === "loaded") loaded.add(fam);
      if (f.status === "error") failed.add(fam);
    });
    return {
      loaded: [...loaded].sort(), failed: [...failed].sort(),
      katexMainAvailable: document.fonts.check('16px "KaTeX_Main"'),
      katexMathAvailable: document.fonts.check('italic 16px "KaTeX_Math"'),
    };
  });
}

/** The rendered sizes of every inline SVG diagram on the page. */
export async function diagramSizes(page: Page): Promise<Array<{ cls: string; width: number; height: number }>> {
  return page.evaluate(() => Array.from(document.querySelectorAll("svg.tconv-diagram")).map((s) => {
    const r = s.getBoundingClientRect();
    return { cls: s.getAttribute("class") ?? "", width: r.width, height: r.height };
  }));
}

/**
 * Saves a long page as viewport-height tiles (`<name>-01.png`, ...), which are easier to look at
 * than one very tall image; returns the paths.
 */
export async function screenshotTiles(page: Page, name: string, tileHeight = 1300): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight,
  }));
  const files: string[] = [];
  for (let y = 0, k = 1; y < height; y += tileHeight, k++) {
    const file = join(SCREENSHOT_DIR, `${name}-${String(k).padStart(2, "0")}.png`);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: Math.min(tileHeight, height - y) } });
    files.push(file);
  }
  return files;
}
