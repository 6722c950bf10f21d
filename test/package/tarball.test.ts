/**
 * The package as users get it: `npm pack` (which builds dist/ in prepack), unpacked into a
 * consumer project under test-results/, then imported from strict TypeScript (nodenext,
 * skipLibCheck off) and run through its bin. The consumer sits inside the repository so that
 * tconv's own dependencies resolve from the repository's node_modules, as they would from the
 * consumer's after `npm install tconv`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { katexErrorCount, launchBrowser, openFile, screenshot } from "../browser/harness.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const consumer = join(repoRoot, "test-results", "consumer");
const installed = join(consumer, "node_modules", "tconv");

interface PackEntry { filename: string; size: number; unpackedSize: number; files: { path: string }[] }
let pack: PackEntry;

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "error" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  rmSync(consumer, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  const packed = run("npm", ["pack", "--json", "--pack-destination", consumer], repoRoot);
  expect(packed.code, packed.err).toBe(0);
  pack = (JSON.parse(packed.out) as PackEntry[])[0]!;
  const untar = run("tar", ["-xzf", join(consumer, pack.filename), "-C", installed, "--strip-components=1"], repoRoot);
  expect(untar.code, untar.err).toBe(0);
}, 180_000);

describe("the npm package", () => {
  it("is at most 1.5 MB packed and ships the runtime (templates compiled in), not the showcase, tests or benchmarks", () => {
    expect(pack.size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const paths = pack.files.map((f) => f.path);
    for (const needed of ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/index.d.ts.map", "dist/cli.js", "dist/remark.js", "dist/markdown-it.js", "dist/generated/templates.js"]) {
      expect(paths).toContain(needed);
    }
    for (const prefix of ["output/", "test/", "bench/", ".ci/", "node_modules/", "templates/"]) {
      expect(paths.filter((p) => p.startsWith(prefix))).toEqual([]);
    }
  });

  it("declares caret ranges for its runtime dependencies, so consumers can dedupe them; katex is held at 0.18.4", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    // katex from 0.18.5 on depends on commander 15, which wants Node >= 22.12 and warns EBADENGINE
    // on the Node 20 that tconv supports (test/package/engines.test.ts); 0.18.4 is the last on commander 8.
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      if (name === "katex") expect(range).toBe("0.18.4");
      else expect(range, name).toMatch(/^\^\d/);
    }
  });

  it("type-checks from a strict TypeScript consumer (nodenext, skipLibCheck off) on every entry point", () => {
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, skipLibCheck: false, noEmit: true, types: ["node"] },
      files: ["main.ts"],
    }));
    writeFileSync(join(consumer, "main.ts"), [
      'import { evaluate, nestedOutput, explain, parseProblem, renderDerivation, type TconvError } from "tconv";',
      'import { remarkTconv } from "tconv/remark";',
      'import { markdownItTconv, renderWithTconv } from "tconv/markdown-it";',
      "const y: unknown = nestedOutput(evaluate({ input: [[1, 2], [3, 4]], kernel: [[1, 0], [0, -1]] }));",
      'const md: string = renderDerivation(explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" })), { format: "md", locale: "zh-CN" });',
      "const e: TconvError | undefined = undefined;",
      "console.log(y, md.length, e, typeof remarkTconv, typeof markdownItTconv, typeof renderWithTconv);",
      "",
    ].join("\n"));
    const tsc = run(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "."], consumer);
    expect(tsc.out + tsc.err).toBe("");
    expect(tsc.code).toBe(0);
  }, 120_000);

  it("answers --version and evaluates the worked example through its bin", () => {
    const bin = join(installed, "dist", "cli.js");
    const version = run(process.execPath, [bin, "--version"], consumer);
    expect(version.out.trim()).toBe((JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version);
    const evaluated = run(process.execPath, [bin, "eval", "--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--json"], consumer);
    expect(evaluated.code, evaluated.err).toBe(0);
    expect(JSON.parse(evaluated.out)).toEqual({ shape: [3, 3], output: [[1, 2, 0], [3, 3, -2], [0, -3, -4]] });
  });

  it("bundles for the browser with no externals and no shims, and renders the zh-CN walkthrough with KaTeX from file://", async () => {
    const page = join(consumer, "browser");
    mkdirSync(page, { recursive: true });
    writeFileSync(join(consumer, "browser-main.ts"), [
      'import { explain, parseProblem, renderDerivation } from "tconv";',
      'const d = explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }));',
      'const html = renderDerivation(d, { format: "html", locale: "zh-CN" });',
      "document.open(); document.write(html); document.close();",
      "",
    ].join("\n"));
    // The browser condition of the installed package (dist/browser.js), as any bundler picks it.
    const bundled = await build({
      entryPoints: [join(consumer, "browser-main.ts")], absWorkingDir: consumer, bundle: true, platform: "browser",
      format: "iife", minify: true, write: false, logLevel: "silent",
    });
    expect(bundled.errors).toEqual([]);
    const js = bundled.outputFiles[0]!.contents;
    console.log(`browser bundle: ${(js.length / 1024).toFixed(0)} KiB minified, ${(gzipSync(js).length / 1024).toFixed(0)} KiB gzip`);
    writeFileSync(join(page, "bundle.js"), js);
    writeFileSync(join(page, "index.html"), '<!doctype html><meta charset="utf-8"><title>tconv bundle</title><script src="bundle.js"></script>\n');
    const browser = await launchBrowser();
    try {
      const opened = await openFile(browser, join(page, "index.html"));
      await opened.page.waitForSelector(".katex");
      expect(opened.errors).toEqual([]);
      expect(opened.externalRequests()).toEqual([]);
      expect(await katexErrorCount(opened.page)).toBe(0);
      expect(await opened.page.locator(".katex").count()).toBeGreaterThan(20);
      expect(await opened.page.textContent("body")).toContain("转置卷积");
      await screenshot(opened.page, "browser-bundle-zh");
      await opened.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
