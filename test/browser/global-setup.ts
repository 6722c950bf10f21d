/**
 * vitest globalSetup: one headless Chromium for the whole run. Starting Chromium costs seconds on
 * a loaded 2-core machine, and eight test files open pages; each now connects to this one browser
 * server (test/browser/harness.ts `launchBrowser`) and gets pages in fresh contexts of its own.
 * The server starts only when the run has a file that imports the harness.
 */
import { readFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import type { BrowserServer } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from "./harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared browser server's websocket endpoint ("" when the run has no browser test). */
    chromiumWsEndpoint: string;
  }
}

/** Whether a test file opens pages: it imports this harness. */
const opensPages = (file: string) => /from\s+["'](\.\/|\.\.\/browser\/)harness\.ts["']/.test(readFileSync(file, "utf8"));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // The run's file filters (`vitest run test/x.test.ts`): vitest keeps them on an internal field;
  // should that field ever go, every run counts as one with browser tests, which is only slower.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const files = (await Promise.all(project.vitest.projects.map((p) => p.globTestFiles(filters)))).flatMap((g) => g.testFiles);
  if (!files.some(opensPages)) {
    project.provide("chromiumWsEndpoint", "");
    return undefined;
  }
  requireChromium();
  const { chromium } = await import("playwright-core");
  const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  project.provide("chromiumWsEndpoint", server.wsEndpoint());
  return async () => { await server.close(); };
}
