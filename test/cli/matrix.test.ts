import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(["matrix", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("tconv matrix", () => {
  it("--input-shape 3,3 --kernel-shape 2,2 --op conv --format md prints the symbolic 4x9 C and its 9x4 transpose", async () => {
    const r = await run(["--input-shape", "3,3", "--kernel-shape", "2,2", "--op", "conv", "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("$C$ (4×9)");
    expect(r.out).toContain([
      "C = \\begin{bmatrix}",
      "w_{0,0} & w_{0,1} & 0 & w_{1,0} & w_{1,1} & 0 & 0 & 0 & 0 \\\\",
      "0 & w_{0,0} & w_{0,1} & 0 & w_{1,0} & w_{1,1} & 0 & 0 & 0 \\\\",
      "0 & 0 & 0 & w_{0,0} & w_{0,1} & 0 & w_{1,0} & w_{1,1} & 0 \\\\",
      "0 & 0 & 0 & 0 & w_{0,0} & w_{0,1} & 0 & w_{1,0} & w_{1,1}",
      "\\end{bmatrix}",
    ].join("\n"));
    expect(r.out).toContain("C^{\\mathsf{T}} = \\begin{bmatrix}\nw_{0,0} & 0 & 0 & 0 \\\\\nw_{0,1} & w_{0,0} & 0 & 0 \\\\");
  });

  it("the default transposed 2x2 -> 3x3 problem has the same 4x9 C, rows x and columns y", async () => {
    const r = await run(["--input-shape", "2,2", "--kernel-shape", "2,2"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("\\operatorname{vec}(y) = C^{\\mathsf{T}} \\operatorname{vec}(x)");
    expect(r.out).toContain("Rows: $x_{0,0}$, $x_{0,1}$, $x_{1,0}$, $x_{1,1}$.");
    expect(r.out).toContain("w_{0,0} & w_{0,1} & 0 & w_{1,0} & w_{1,1} & 0 & 0 & 0 & 0 \\\\");
  });

  it("--format json with d2l's kernel [[1,2],[3,4]] lists C's 16 stored entries with numbers", async () => {
    const r = await run(["--input-shape", "2,2", "--kernel", "[[1,2],[3,4]]", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { rows: number; cols: number; entries: [number, number, number][]; transpose: { rows: number; cols: number; entries: unknown[] } };
    expect([j.rows, j.cols]).toEqual([4, 9]);
    const dense = Array.from({ length: 4 }, () => new Array<number>(9).fill(0));
    for (const [r0, c, v] of j.entries) dense[r0]![c] = v;
    expect(dense).toEqual([
      [1, 2, 0, 3, 4, 0, 0, 0, 0], [0, 1, 2, 0, 3, 4, 0, 0, 0], [0, 0, 0, 1, 2, 0, 3, 4, 0], [0, 0, 0, 0, 1, 2, 0, 3, 4],
    ]);
    expect([j.transpose.rows, j.transpose.cols, j.transpose.entries.length]).toEqual([9, 4, 16]);
  });

  it("--format json with symbols and --index-base 1 names entries w_{1,1}…, fractions as \"p/q\"", async () => {
    const sym = JSON.parse((await run(["--input-shape", "2", "--kernel-shape", "2", "--format", "json", "--index-base", "1"])).out) as { entries: unknown[] };
    expect(sym.entries).toEqual([[0, 0, "w_{1}"], [0, 1, "w_{2}"], [1, 1, "w_{1}"], [1, 2, "w_{2}"]]);
    const mixed = JSON.parse((await run(["--input-shape", "2", "--kernel", "[a,1/2]", "--format", "json"])).out) as { entries: unknown[] };
    expect(mixed.entries).toEqual([[0, 0, "a"], [0, 1, "1/2"], [1, 1, "a"], [1, 2, "1/2"]]);
  });

  it("--format tex writes array environments (no bmatrix column limit) with user symbols", async () => {
    const r = await run(["--input-shape", "2,2", "--kernel", "[[a,b],[c,d]]", "--format", "tex"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("C = \\left[\\begin{array}{ccccccccc}\na & b & 0 & c & d & 0 & 0 & 0 & 0 \\\\");
    expect(r.out).toContain("C^{\\mathsf{T}} = \\left[\\begin{array}{cccc}\na & 0 & 0 & 0 \\\\");
  });

  it("refuses a text format above 10000 entries with exit 2 and one error line, but JSON still works", async () => {
    const r = await run(["--input-shape", "30,30", "--kernel-shape", "3,3"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("error: --format: C is 900×1024 (921600 entries), above the 10000 a text format prints; use --format json for its stored entries\n");
    const j = await run(["--input-shape", "30,30", "--kernel-shape", "3,3", "--format", "json"]);
    expect(j.code).toBe(0);
    expect((JSON.parse(j.out) as { entries: unknown[] }).entries).toHaveLength(900 * 9);
  });

  it("bad --format and --index-base are refused with exit 2", async () => {
    const f = await run(["--input-shape", "2", "--kernel-shape", "2", "--format", "html"]);
    expect([f.code, f.out, f.err]).toEqual([2, "", "error: --format: unknown format \"html\"; expected md, tex or json\n"]);
    const b = await run(["--input-shape", "2", "--kernel-shape", "2", "--index-base", "2"]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^error: --index-base: /);
  });

  it("channels and groups: rows over (c_in, space), columns over (c_out, space), torch layout", async () => {
    const r = await run(["--layout", "torch", "--input-shape", "1,2,2", "--kernel-shape", "2,1,2", "--groups", "2", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { rows: number; cols: number; entries: unknown[]; rowCells: string[]; colCells: string[] };
    expect([j.rows, j.cols]).toEqual([4, 6]);
    expect(j.rowCells).toEqual(["x_{0,0}", "x_{0,1}", "x_{1,0}", "x_{1,1}"]);
    expect(j.entries).toEqual([[0, 0, "w_{0,0}"], [0, 1, "w_{0,1}"], [1, 1, "w_{0,0}"], [1, 2, "w_{0,1}"], [2, 3, "w_{1,0}"], [2, 4, "w_{1,1}"], [3, 4, "w_{1,0}"], [3, 5, "w_{1,1}"]]);
  });

  it("end to end: the spawned CLI prints the same 4x9 matrix", () => {
    // One node process with tsx's loader (`npx tsx` would start npm, tsx's CLI and its child).
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "matrix", "--input-shape", "3,3", "--kernel-shape", "2,2", "--op", "conv"], { encoding: "utf8" });
    expect(out).toContain("0 & 0 & 0 & 0 & w_{0,0} & w_{0,1} & 0 & w_{1,0} & w_{1,1}");
  });

  it("--max-terms bounds the JSON too: a problem above it is refused with exit 2", async () => {
    const r = await run(["--input-shape", "30,30", "--kernel-shape", "3,3", "--format", "json", "--max-terms", "1000"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^error: --max-terms: .*8100/);
  });
});
