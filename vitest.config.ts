import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const testDir = fileURLToPath(new URL("./test/", import.meta.url));

/**
 * Test files that replace modules or globals (`vi.mock`, `vi.doMock`, `vi.stubGlobal`,
 * `vi.stubEnv`, `vi.resetModules`): they run isolated, each in a fresh module graph. Found by
 * reading the files, so a new one cannot be forgotten.
 */
const needsIsolation = readdirSync(testDir, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts"))
  .filter((f) => /\bvi\.(mock|doMock|stubGlobal|stubEnv|resetModules)\(/.test(readFileSync(join(testDir, f), "utf8")))
  .map((f) => `test/${f.replace(/\\/g, "/")}`)
  .sort();

const shared = {
  // Timeouts catch a hung test, and must not fail a slow one: on the shared 2-core machine under
  // load, one Python process importing torch for a batch of checks took up to two minutes.
  testTimeout: 180_000,
  hookTimeout: 240_000,
  pool: "forks" as const,
  // Tests import core modules directly; under Node they read @file through the Node platform.
  setupFiles: ["test/setup.ts"],
};

export default defineConfig({
  test: {
    // Two workers on the 2-core machine (vitest's default there is one): the longest files wait on
    // Chromium, pdflatex, Python or npm in other processes, and a second worker uses that time.
    maxWorkers: 2,
    // One Chromium for the run, shared by every browser test file (started only when the run has one).
    globalSetup: ["test/browser/global-setup.ts"],
    projects: [
      {
        // The rest share a worker's module graph (isolate: false): importing the core, KaTeX and
        // the templates once per worker instead of once per file took most of the suite's import
        // time. No file changes module state it does not restore (checked: compute-tensor's spy is
        // restored after each test); each test file still runs its own setup file and hooks.
        test: { ...shared, name: "shared", include: ["test/**/*.test.ts"], exclude: needsIsolation, isolate: false },
      },
      ...(needsIsolation.length > 0
        ? [{ test: { ...shared, name: "isolated", include: needsIsolation, isolate: true } }]
        : []),
    ],
  },
});
