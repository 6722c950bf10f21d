import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { repoRoot } from "../api/doc-examples.ts";
import { computeConvInfo } from "../../src/geometry/index.ts";
import { canonicalParams } from "../../src/spec/problem.ts";
import { computeTensorWith } from "../../src/tensor/index.ts";
import { launchBrowser, openHtml, type OpenedPage } from "./harness.ts";

/**
 * The tensor core bundled for the browser as one file (the kernel's bytes inside it), run in
 * Chromium: it must bundle without Node APIs, find WebAssembly SIMD, and compute what Node does.
 * (Debian's Chromium compiles the kernel synchronously on the page's main thread; an engine that
 * refuses gets it asynchronously, its first calls taking the JavaScript paths, so the first path
 * may be either.)
 */
const entry = `
import { computeConvInfo } from "./src/geometry/index.ts";
import { canonicalParams } from "./src/spec/problem.ts";
import { computeTensor, computeTensorWith, choosePath, simdSupported, wasmEnabled } from "./src/tensor/index.ts";
const info = computeConvInfo(canonicalParams({ inputSize: [9, 7], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1],
  padEnd: [0, 0], batch: 2, inChannels: 6, outChannels: 5 }));
const size = (s) => s.reduce((a, b) => a * b, 1);
const x = Float64Array.from({ length: size(info.inputShape) }, (_, i) => ((i * 37) % 9) - 4);
const w = Float64Array.from({ length: size(info.weightShape) }, (_, i) => ((i * 11) % 7) - 3);
window.tensorTest = {
  simd: simdSupported(),
  firstPath: choosePath(info),
  first: Array.from(computeTensor(info, x, w)),
  async later() {
    for (let i = 0; i < 100 && !wasmEnabled(); i++) await new Promise((r) => setTimeout(r, 20));
    return { path: choosePath(info), gemm: Array.from(computeTensorWith(info, x, w, undefined, "wasm-gemm")),
      direct: Array.from(computeTensorWith(info, x, w, undefined, "wasm-direct")),
      f32: Array.from(computeTensorWith(info, Float32Array.from(x), Float32Array.from(w), undefined, "wasm-gemm")) };
  },
};
`;

describe("the tensor core in a browser bundle", () => {
  let browser: Browser;
  let opened: OpenedPage;
  let bundle: string;

  beforeAll(async () => {
    const out = await build({
      stdin: { contents: entry, resolveDir: repoRoot, loader: "ts" }, bundle: true, platform: "browser", format: "esm", write: false,
    });
    bundle = out.outputFiles[0]!.text;
    browser = await launchBrowser();
    opened = await openHtml(browser, `<!doctype html><meta charset="utf-8"><script type="module">${bundle}</script>`, "tensor-wasm");
  });
  afterAll(async () => { await opened?.close(); await browser?.close(); });

  it("bundles to one file that carries the kernel and imports nothing from Node", () => {
    expect(bundle).not.toMatch(/from\s*["']node:/);
    expect(bundle).toContain("kernelBase64");
  });

  it("finds WebAssembly SIMD, takes the wasm path once the kernel is compiled, and agrees with Node on every path", async () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [9, 7], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1],
      padEnd: [0, 0], batch: 2, inChannels: 6, outChannels: 5 }));
    const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
    const x = Float64Array.from({ length: size(info.inputShape) }, (_, i) => ((i * 37) % 9) - 4);
    const w = Float64Array.from({ length: size(info.weightShape) }, (_, i) => ((i * 11) % 7) - 3);
    const want = Array.from(computeTensorWith(info, x, w, undefined, "direct"));
    await opened.page.waitForFunction(() => "tensorTest" in window);
    const first = await opened.page.evaluate(() => {
      const t = (window as unknown as { tensorTest: { simd: boolean; firstPath: string; first: number[] } }).tensorTest;
      return { simd: t.simd, firstPath: t.firstPath, first: t.first };
    });
    expect(first.simd).toBe(true);
    expect(["gemm", "wasm-gemm"]).toContain(first.firstPath);
    expect(first.first).toEqual(want);
    const later = await opened.page.evaluate(() =>
      (window as unknown as { tensorTest: { later(): Promise<{ path: string; gemm: number[]; direct: number[]; f32: number[] }> } }).tensorTest.later());
    expect(later.path).toBe("wasm-gemm");
    expect(later.gemm).toEqual(want);
    expect(later.direct).toEqual(want);
    expect(later.f32).toEqual(want);
    expect(opened.errors).toEqual([]);
  });
});
