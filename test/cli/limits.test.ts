/**
 * Every accepted input is bounded in time and memory: a problem that would allocate too much,
 * an exact entry that would grow without bound, a symbol that is a document, brackets nested
 * thousands deep and sizes past 2^53 are refused before any work starts, with one `error:` line
 * naming the option (and, for a limit, the option that raises it).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { parseClaim } from "../../src/check/claim/index.ts";
import { TconvError } from "../../src/spec/error.ts";
import { parseTensorLiteral, tensorFromValues } from "../../src/spec/literal.ts";
import { DEFAULT_MAX_CELLS, problemCells } from "../../src/spec/limits.ts";
import { parseShapeProblem } from "../../src/spec/parse-problem.ts";
import { renderTconvNote } from "../../src/notes/api.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const X = "[[1,2],[3,4]]", W = "[[1,0],[0,-1]]";

async function refusedFast(args: string[], option: string, message: RegExp) {
  const io = bufferIo(dir);
  const started = performance.now();
  const code = await main(args, io);
  const seconds = (performance.now() - started) / 1000;
  expect(io.stderr).toMatch(new RegExp(`^error: ${option}: `));
  expect(io.stderr).toMatch(message);
  expect(io.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(code).toBe(2);
  expect(io.stdout).toBe("");
  expect(seconds).toBeLessThan(5);
}

describe("a problem whose arrays would be huge is refused before allocating, naming --max-cells", () => {
  for (const command of ["eval", "explain", "check"]) {
    it(`${command} --stride 1000000000`, async () => {
      const extra = command === "check" ? ["--claim", "[[1]]"] : [];
      await refusedFast([command, "--input", X, "--kernel", W, "--stride", "1000000000", ...extra], "--max-cells", /output has 1\.00e\+18 cells, above the limit of 2\.00e\+7 and more than one array can hold \(4294967295\); no --max-cells raises that/);
    });
  }
  it("eval --dilation 1e9 (an exponent is not an integer: refused as such)", () =>
    refusedFast(["eval", "--input", X, "--kernel", W, "--dilation", "1e9"], "--dilation", /expected integers/));
  it("eval --dilation 1000000000", () =>
    refusedFast(["eval", "--input", X, "--kernel", W, "--dilation", "1000000000"], "--max-cells", /cells, above the limit/));
  it("matrix --stride 1000000000", () =>
    refusedFast(["matrix", "--input-shape", "2,2", "--kernel-shape", "2,2", "--stride", "1000000000"], "--max-cells", /cells, above the limit/));
  it("--max-cells raises the limit, and a bad value is refused", async () => {
    await refusedFast(["eval", "--input", "[1,2]", "--kernel", "[1]", "--stride", "1000", "--max-cells", "100"], "--max-cells", /raise it with --max-cells 1001 /);
    const io = bufferIo(dir);
    expect(await main(["eval", "--input", "[1,2]", "--kernel", "[1]", "--stride", "1000", "--max-cells", "5000", "--json"], io)).toBe(0);
    await refusedFast(["eval", "--input", X, "--kernel", W, "--max-cells", "lots"], "--max-cells", /positive number of cells/);
  });
  it("a --max-cells raised past what one array can hold still refuses such a problem in one line (it was an internal RangeError)", async () => {
    // Output (10^5 + 2)^2 ≈ 10^10 cells: under the raised limit, above 2^32 − 1 entries.
    const raised = ["--stride", "100000", "--max-cells", "20000000000"];
    const message = /output has 1\.00e\+10 cells, more than one array can hold \(4294967295\); no --max-cells raises that/;
    await refusedFast(["eval", "--input", X, "--kernel", W, ...raised], "--max-cells", message);
    await refusedFast(["eval", "--input", "[[1.5,2],[3,4]]", "--kernel", W, ...raised], "--max-cells", message);
    await refusedFast(["explain", "--input", X, "--kernel", W, ...raised, "--max-terms", "1000000000"], "--max-cells", message);
    await refusedFast(["matrix", "--input-shape", "2,2", "--kernel-shape", "2,2", ...raised], "--max-cells", message);
  });
  it("a notes block with stride 1e9 becomes an error callout quickly, not a crash", async () => {
    const note = "```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nstride: 1000000000\n```\n";
    const r = await renderTconvNote(note);
    expect(r.blocks[0]!.error?.message).toMatch(/cells, above the limit/);
  });
  it("the 1-D long-kernel problem the issue timed (input 50,000, kernel 1,000) is refused by its tap table", () => {
    const info = parseShapeProblem({ inputShape: [50_000], kernelShape: [1000] }).info;
    const table = problemCells(info).find((c) => c.what === "tap table")!;
    expect(table.cells).toBeGreaterThan(DEFAULT_MAX_CELLS);
  });
  it("a gemm problem counts its im2col buffer", () => {
    const info = parseShapeProblem({ layout: "torch", inputShape: [1, 4, 2000, 2000], kernelShape: [4, 4, 3, 3], maxTerms: 1e12 }).info;
    expect(problemCells(info).find((c) => c.what === "im2col buffer")?.cells).toBe(4 * 9 * 4e6);
  });
  it("a 2-D problem of 2.5·10⁷ terms is still accepted", () => {
    const info = parseShapeProblem({ inputShape: [100, 100], kernelShape: [50, 50] }).info;
    expect(problemCells(info).every((c) => c.cells <= DEFAULT_MAX_CELLS)).toBe(true);
  });
});

describe("exact problems get half the float term limit by default", () => {
  it("4.9·10⁷ exact terms are refused, the same in float64 accepted, --max-terms raises it", async () => {
    const { parseProblem } = await import("../../src/spec/parse-problem.ts");
    const square = (n: number, d: number) => Array.from({ length: n }, () => Array.from({ length: n }, () => d));
    expect(() => parseProblem({ input: square(100, 1), kernel: square(70, 1) })).toThrow(/above the limit of 2\.50e\+7; raise it with maxTerms 49000000/);
    expect(parseProblem({ input: square(100, 1.5), kernel: square(70, 1) }).info.outSpatial).toEqual([169, 169]);
    expect(parseProblem({ input: square(100, 1), kernel: square(70, 1), maxTerms: 5e7 }).info.outSpatial).toEqual([169, 169]);
  });
});

describe("check has its own term limit (5·10⁶ by default)", () => {
  it("refuses a float problem eval accepts, before any work, naming --max-terms (at eval's limit check ran past 30 s and 3 GB)", async () => {
    const x = JSON.stringify(Array.from({ length: 50 }, () => Array.from({ length: 50 }, (_, i) => i % 3 + 0.5)));
    const w = JSON.stringify(Array.from({ length: 45 }, () => Array.from({ length: 45 }, (_, i) => i % 2 - 0.5))); // 5.06·10⁶ terms
    await refusedFast(["check", "--input", x, "--kernel", w, "--claim", "[[1]]"], "--max-terms", /this problem has 5\.06e\+6 multiply-add terms, above the limit of 5\.00e\+6; raise it with --max-terms 5062500 /);
    const io = bufferIo(dir);
    expect(await main(["eval", "--input", x, "--kernel", w, "--json"], io)).toBe(0);
  });
});

describe("exact entries, symbols and nesting are bounded", () => {
  it("2^100000000 is refused with the entry's position", () =>
    refusedFast(["eval", "--input", "[[1,2^100000000]]", "--kernel", "[1]"], "--input", /entry \[0,1\] "2\^100000000": the exact value would have up to \d+ bits, above the limit of 8192/));
  it("9^9^9 is refused fast", () =>
    refusedFast(["eval", "--input", "[9^9^9]", "--kernel", "[1]"], "--input", /entry \[0\] "9\^9\^9": the exact value/));
  it("small powers and negative exponents still evaluate exactly", () => {
    const t = parseTensorLiteral("[2^64, 2^-3, (2^10)^3, -2^2]", { field: "--input", allowSymbols: false });
    expect(t.data.map((s) => (s.kind === "exact" ? s.value.toString() : s.kind))).toEqual(["18446744073709551616", "1/8", "1073741824", "-4"]);
  });
  it("a 10,000-character symbol is refused", () => {
    expect(() => parseTensorLiteral(`[${"a".repeat(10_000)}]`, { field: "--input", allowSymbols: true }))
      .toThrow(/1\d{4} characters long, above the limit of 1000|characters long/);
    expect(() => parseTensorLiteral(`[${"a".repeat(100)}]`, { field: "--input", allowSymbols: true }))
      .toThrow(/a symbol is 100 characters long, above the limit of 64/);
  });
  it("10,000 nested [ in a tensor literal give a TconvError, not a RangeError", async () => {
    const deep = "[".repeat(10_000) + "1" + "]".repeat(10_000);
    expect(() => parseTensorLiteral(deep, { field: "--input", allowSymbols: false })).toThrow(TconvError);
    await refusedFast(["eval", "--input", deep, "--kernel", "[1]"], "--input", /nest more than 64 deep/);
  });
  it("deeply nested arrays from a YAML note or the API give a TconvError", () => {
    let v: unknown = [1];
    for (let i = 0; i < 10_000; i++) v = [v];
    expect(() => tensorFromValues(v as never, { field: "input", allowSymbols: false })).toThrow(/nest more than 64 deep/);
  });
  it("deep parentheses in one entry give a TconvError", () => {
    expect(() => parseTensorLiteral(`[${"(".repeat(400)}1${")".repeat(400)}]`, { field: "--input", allowSymbols: false })).toThrow(TconvError);
  });
  it("10,000 nested [ in a claim give a TconvError in every form", async () => {
    for (const open of ["[", "(", "{", "\\begin{pmatrix}["]) {
      const deep = open + "[".repeat(10_000) + "1" + "]".repeat(10_000);
      expect(() => parseClaim(deep, { field: "--claim" })).toThrow(TconvError);
    }
    await refusedFast(["check", "--input", X, "--kernel", W, "--claim", "[".repeat(10_000)], "--claim", /nest more than 64 deep/);
  });
});

describe("shape is exact on huge sizes, or refuses them", () => {
  it("an output past 2^53 is refused instead of rounded", () =>
    refusedFast(["shape", "--input-shape", "4503599627370496", "--kernel-shape", "2", "--stride", "4"], "--input-shape", /18014398509481982 is past 2\^53/));
  it("the largest exact size is still printed exactly", async () => {
    const io = bufferIo(dir);
    expect(await main(["shape", "--input-shape", "4503599627370495", "--kernel-shape", "2", "--stride", "2"], io)).toBe(0);
    expect(io.stdout).toContain("9007199254740990");
  });
});

describe("a file holding a huge claim is refused, not parsed", () => {
  it("a claim past the length limit", () => {
    const path = join(dir, "big-claim.txt");
    writeFileSync(path, "1,".repeat(6_000_000));
    expect(() => parseClaim(`@${path}`, { field: "--claim" })).toThrow(/above the limit of 10000000/);
  });
});
