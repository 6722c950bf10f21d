import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-explain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = ["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]"];

async function run(args: string[]) {
  const io = bufferIo(dir);
  const code = await main(["explain", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("tconv explain", () => {
  it("prints the Markdown walkthrough to stdout", async () => {
    const r = await run(SEED);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Transposed convolution, step by step: 2×2 → 3×3/);
  });

  it("writes HTML to --out and nothing to stdout", async () => {
    const r = await run([...SEED, "--format", "html", "--lang", "zh", "--out", "seed.html"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(readFileSync(join(dir, "seed.html"), "utf8")).toContain('lang="zh-CN"');
  });

  it("numbers cells from 1 with --index-base 1 and picks --cell", async () => {
    const r = await run([...SEED, "--index-base", "1", "--cell", "1,3", "--sections", "cells"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("y_{2,2} &=");
    // y_{1,3} has one term, so it is not called the busiest cell (the busiest have 4).
    expect(r.out).toContain("The cell explained in full is $y_{1,3}$, with 1 term");
    expect(r.out).not.toContain("The busiest cell is $y_{1,3}$");
  });

  it("refuses --sections phases on the stride-1 seed with one line saying it needs a stride above 1", async () => {
    const r = await run([...SEED, "--sections", "phases"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: --sections: section "phases" needs a stride above 1 on some axis; this problem has stride 1,1\n');
    expect(r.out).toBe("");
  });

  it("writes the phases section for --stride 2 --sections phases", async () => {
    const r = await run(["--input", "[1,2,3,4]", "--kernel", "[1,2,1]", "--stride", "2", "--sections", "phases"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("## 1. Sub-pixel view: the output in 2 phases");
  });

  it("gives JSON with --format json", async () => {
    const r = await run([...SEED, "--format", "json", "--sections", "size"]);
    expect(JSON.parse(r.out).steps[0].axes[0].output).toBe(3);
  });

  it.each([
    [["--stride", "0"], "--stride"],
    [["--sections", "size,nope"], "--sections"],
    [["--cell", "5,5"], "--cell"],
    [["--format", "pdf"], "--format"],
    [["--lang", "fr"], "--lang"],
    [["--op", "conv", "--sections", "scatter"], "--sections"],
    [["--sections", "size,phases"], "--sections"],
  ])("refuses %j with one error line naming %s, exit 2, no file", async (extra, path) => {
    const out = `bad-${path.slice(2)}.md`;
    const r = await run([...SEED, ...extra, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`^error: ${path}: `));
    expect(existsSync(join(dir, out))).toBe(false);
  });

  it("refuses markup or TeX commands as entries, so they never reach a document", async () => {
    for (const entry of ["<script>", "\\href{javascript:alert(1)}{x}", "\\input{x}"]) {
      const r = await run(["--input", `[[${entry}]]`, "--kernel", "[[1]]", "--format", "html"]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/^error: --input: /);
    }
  });

  it("refuses a ragged input", async () => {
    const r = await run(["--input", "[[1,2],[3]]", "--kernel", "[[1]]"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --input: ragged/);
  });
});

describe("tconv explain as a separate process", () => {
  it("writes a self-contained Chinese HTML page and exits 0", async () => {
    const { spawnSync } = await import("node:child_process");
    const root = new URL("../../", import.meta.url);
    const out = join(dir, "spawned.html");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "explain", ...SEED, "--format", "html", "--lang", "zh", "--out", out],
      { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("转置卷积逐步推导");
    expect(html).toContain("<svg");
  });
});
