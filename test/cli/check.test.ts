import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import katex from "katex";
import { SEED_FORMS as FORMS } from "../check/claim/read.ts";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const SEED = ["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]"];
async function run(args: string[], cwd?: string) {
  const io = bufferIo(cwd);
  const code = await main(["check", ...SEED, ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Every $…$ / $$…$$ of a Markdown report must render with KaTeX in strict mode. */
function mathOf(md: string): string[] {
  const display = [...md.matchAll(/\$\$([\s\S]+?)\$\$/g)].map((m) => m[1]!);
  const inline = [...md.replace(/\$\$[\s\S]+?\$\$/g, "").matchAll(/\$([^$\n]+?)\$/g)].map((m) => m[1]!);
  return [...display, ...inline];
}
const renders = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: "error", trust: false });

describe("tconv check exit codes and JSON", () => {
  it("a correct claim exits 0, with ? cells", async () => {
    const r = await run(["--claim", "[[1,2,0],[3,?,-2],[0,-3,-4]]", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ correct: true, wrong: [], diagnosis: [], compared: 8, unknown: 1 });
  });

  it("seed 001's x_{1,1} slip exits 1 with the contract's JSON: wrong cells, expected, claimed, terms and the diagnosis", async () => {
    const r = await run(["--claim", "[[1,2,0],[3,2,-2],[0,-3,-3]]", "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.correct).toBe(false);
    expect(j.wrong.map((w: { index: number[]; expected: number; claimed: number }) => [w.index, w.expected, w.claimed]))
      .toEqual([[[1, 1], 3, 2], [[2, 2], -4, -3]]);
    expect(j.wrong[0].terms).toBe("y_{1,1} = x_{0,0}w_{1,1} + x_{0,1}w_{1,0} + x_{1,0}w_{0,1} + x_{1,1}w_{0,0} = 1\\cdot(-1) + 2\\cdot 0 + 3\\cdot 0 + 4\\cdot 1 = 3");
    expect(j.diagnosis[0]).toEqual({ mistake: "misread-value", explains: 2, cells: [[1, 1], [2, 2]], tensor: "input", symbol: "x_{1,1}", canonicalIndex: [0, 0, 1, 1], used: 3, actual: 4 });
  });

  it("the 4×3 'Combining these' intermediate gets the shape diagnosis", async () => {
    const r = await run(["--claim", "[[1,2,0],[0,-1,-2],[3,4,0],[0,-3,-4]]", "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.shape).toMatchObject({ ok: false, expected: [3, 3], claimed: [4, 3] });
    expect(j.shape.likely[0]).toBe("copies-not-overlapped");
    expect(j.diagnosis.map((d: { mistake: string }) => d.mistake)).toContain("copies-not-overlapped");
  });

  it("--claim-shape alone checks the size", async () => {
    expect((await run(["--claim-shape", "3,3"])).code).toBe(0);
    const r = await run(["--claim-shape", "2,3", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).shape.axes[0].misuses).toContain("plus-one-forgotten");
  });

  it("every claim form is accepted from the command line", async () => {
    for (const claim of [
      "$$\\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{bmatrix}$$",
      "| 1 | 2 | 0 |\n|---|---|---|\n| 3 | 3 | -2 |\n| 0 | -3 | -4 |",
      "np.array([[1,2,0],[3,3,-2],[0,-3,-4]])",
      "[1 2 0; 3 3 -2; 0 -3 -4]",
    ]) {
      expect((await run(["--claim", claim])).code, claim).toBe(0);
    }
  });

  it("the torch layout compares a [N, C, H, W] claim", async () => {
    const io = bufferIo();
    const code = await main(["check", "--layout", "torch", "--input", "[[[[1,2],[3,4]]]]", "--kernel", "[[[[1,0],[0,-1]]]]",
      "--claim", "[[[[1,2,0],[3,3,-2],[0,-3,-5]]]]", "--json"], io);
    expect(code).toBe(1);
    expect(JSON.parse(io.stdout).wrong[0].index).toEqual([0, 0, 2, 2]);
  });

  it("a 3×3 claim for a [1,1,3,3] torch output is indexed as written", async () => {
    const io = bufferIo();
    const code = await main(["check", "--layout", "torch", "--input", "[[[[1,2],[3,4]]]]", "--kernel", "[[[[1,0],[0,-1]]]]",
      "--claim", "[[1,2,0],[3,3,-2],[0,-3,-5]]", "--json"], io);
    expect(code).toBe(1);
    const j = JSON.parse(io.stdout);
    expect(j.wrong[0].index).toEqual([2, 2]);
    expect(j.diagnosis.flatMap((d: { cells: number[][] }) => d.cells)).toContainEqual([2, 2]);
  });
});

describe("tconv check bad input: one error line, exit 2, nothing written", () => {
  it.each([
    ["a ragged claim", ["--claim", "[[1,2,0],[3,3]]"], /^error: --claim: ragged/],
    ["a claim of the wrong rank", ["--claim", "[1,2,0]"], /^error: --claim: the claim has 1 axes/],
    ["unparseable LaTeX", ["--claim", "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4"], /^error: --claim: .*no matching \\end/],
    ["no claim at all", [], /^error: --claim: required/],
    ["an unknown format", ["--claim", "[[1]]", "--format", "pdf"], /^error: --format: expected md or html/],
    ["an unknown language", ["--claim", "[[1]]", "--lang", "fr"], /^error: --lang: expected en or zh/],
    ["--claim-shape disagreeing with the claim", ["--claim", "[[1,2,0],[3,3,-2],[0,-3,-4]]", "--claim-shape", "4,3"], /^error: --claim-shape:/],
  ])("%s", async (_name, args, line) => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-check-"));
    const r = await run([...args, "--out", "report.md"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(line);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("tconv check --claim-matrix", () => {
  const C = "[[1,0,0,0,-1,0,0,0,0],[0,1,0,0,0,-1,0,0,0],[0,0,0,1,0,0,0,-1,0],[0,0,0,0,1,0,0,0,-1]]";
  it("the seed's 4×9 C is accepted alone, exit 0", async () => {
    const r = await run(["--claim-matrix", C, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).matrix).toMatchObject({ correct: true, expected: [4, 9], claimed: [4, 9], compared: 36 });
  });

  it("a wrong entry is named with the kernel entry it should hold", async () => {
    const r = await run(["--claim-matrix", C.replace("0,0,0,0,1,0,0,0,-1", "0,0,0,0,1,0,0,0,1"), "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).matrix.wrong).toEqual([{ row: 3, col: 8, expected: -1, claimed: 1, entry: "w_{1,1}" }]);
  });

  it("Cᵀ written for C is recognised", async () => {
    const ct = "[[1,0,0,0],[0,1,0,0],[0,0,0,0],[0,0,1,0],[-1,0,0,1],[0,-1,0,0],[0,0,0,0],[0,0,-1,0],[0,0,0,-1]]";
    const r = await run(["--claim-matrix", ct, "--format", "md"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("**This is $C^{\\top}$, not $C$.**");
  });

  it("C built from the flipped kernel is named, and a right output with a wrong C still exits 1", async () => {
    const flipped = "[[-1,0,0,0,1,0,0,0,0],[0,-1,0,0,0,1,0,0,0],[0,0,0,-1,0,0,0,1,0],[0,0,0,0,-1,0,0,0,1]]";
    const r = await run(["--claim", "[[1,2,0],[3,3,-2],[0,-3,-4]]", "--claim-matrix", flipped, "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.wrong).toEqual([]);
    expect(j.matrix.diagnosis).toEqual([{ mistake: "flipped-kernel", explains: 8, transposed: false }]);
  });

  it("a claimed C that is not a matrix is refused on --claim-matrix", async () => {
    const r = await run(["--claim-matrix", "[1,2,3]"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --claim-matrix: C is a matrix/);
  });
});

describe("tconv check reports", () => {
  it("Markdown in English: verdict, boxed cells, derivation formula → numbers → result, the mistake in words; all math renders in KaTeX", async () => {
    const r = await run(["--claim", "[[1,2,0],[3,2,-2],[0,-3,-3]]", "--format", "md"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("**2 of 9 computed cells are wrong**");
    expect(r.out).toContain("\\boxed{{\\color{red}2}}");
    expect(r.out).toContain("$$\ny_{1,1} = x_{0,0}w_{1,1} + x_{0,1}w_{1,0} + x_{1,0}w_{0,1} + x_{1,1}w_{0,0} = 1\\cdot(-1) + 2\\cdot 0 + 3\\cdot 0 + 4\\cdot 1 = 3\n$$");
    expect(r.out).toContain("Explained by the mistake below: a value copied wrongly.");
    expect(r.out).toContain("$x_{1,1}$ was used as $3$, but it is $4$");
    for (const tex of mathOf(r.out)) expect(() => renders(tex), tex).not.toThrow();
  });

  it("Markdown in Chinese names the mistake natively (转置卷积, 卷积核, 重叠)", async () => {
    const flipped = await run(["--claim", "[[-1,-2,0],[-3,-3,2],[0,3,4]]", "--format", "md", "--lang", "zh"]);
    expect(flipped.out).toContain("# 核对手算结果");
    expect(flipped.out).toContain("卷积核被旋转了 180°");
    expect(flipped.out).toContain("转置卷积");
    const shape = await run(["--claim", "[[1,2,0],[0,-1,-2],[3,4,0],[0,-3,-4]]", "--format", "md", "--lang", "zh"]);
    expect(shape.out).toContain("输出尺寸不对");
    expect(shape.out).toContain("没有重叠");
    for (const tex of [...mathOf(flipped.out), ...mathOf(shape.out)]) expect(() => renders(tex), tex).not.toThrow();
  });

  it("the plain-text summary in Chinese", async () => {
    const r = await run(["--claim", "[[1,2,0],[3,2,-2],[0,-3,-3]]", "--lang", "zh"]);
    expect(r.out).toContain("有错：已计算的 9 个单元格中有 2 个不对");
    expect(r.out).toContain("x_{1,1} 被当成了 3，实际是 4");
  });

  it("HTML goes to --out atomically: one offline page with KaTeX rendered and no error nodes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-check-"));
    const r = await run(["--claim", "[[1,2,0],[3,4,-2],[0,-3,-4]]", "--format", "html", "--out", "report.html"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe("wrong: report written to report.html\n");
    expect(readdirSync(dir)).toEqual(["report.html"]);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-error");
    expect(html).not.toMatch(/\$\$|\\begin\{bmatrix\}<\/p>/);
    expect(html).toContain("A term is missing");
  });

  it("--json --out writes the JSON file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-check-"));
    writeFileSync(join(dir, "claim.tex"), "\\begin{pmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{pmatrix}");
    const r = await run(["--claim", "@claim.tex", "--json", "--out", "answer.json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "answer.json"), "utf8")).correct).toBe(true);
    expect(existsSync(join(dir, "claim.tex"))).toBe(true);
  });
});

describe("tconv check end to end (spawned)", () => {
  it("exit status 1 and the JSON line from a real process", () => {
    let status = 0, stdout = "";
    try {
      // One node process with tsx's loader (`npx tsx` would start npm, tsx's CLI and its child).
      execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "check", ...SEED, "--claim", "[[1,2,0],[3,2,-2],[0,-3,-3]]", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status; stdout = err.stdout;
    }
    expect(status).toBe(1);
    expect(JSON.parse(stdout).diagnosis[0].mistake).toBe("misread-value");
  });
});

describe("tconv check reads what people paste (the seed's correct answer, nine everyday forms)", () => {
  it.each(FORMS)("%s is read and judged correct (exit 0)", async (_name, claim) => {
    const r = await run(["--claim", claim, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ correct: true, compared: 9 });
  });

  it("the same forms with one cell wrong are wrong at that cell, indexed as written", async () => {
    const r = await run(["--claim", FORMS[2]![1].replace("[-4.]", "[-5.]"), "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.wrong.map((w: { index: number[] }) => w.index)).toEqual([[0, 2, 2, 0]]);
    expect(j.claim).toMatchObject({ form: "tf", dtype: "float32", shape: [1, 3, 3, 1], droppedAxes: [0, 3] });
  });

  it("a summarised print needs --claim-shape: without it one error line, with it the elided cells are not compared", async () => {
    const printed = "[[ 1 ...  0]\n [ 3 ... -2]\n [ 0 ... -4]]";
    const bad = await run(["--claim", printed]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: --claim: the print leaves cells out with "\.\.\." and states no shape; give the full shape with --claim-shape/);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    const good = await run(["--claim", printed, "--claim-shape", "3,3", "--json"]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ correct: true, compared: 6, unknown: 3, claim: { form: "numpy", elided: 3 } });
  });

  it("a print whose stated shape is not its data's is bad input", async () => {
    const r = await run(["--claim", "tf.Tensor([[1. 2.]], shape=(2, 2), dtype=float32)"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --claim: the print states shape \(2, 2\) but its data has shape \(1, 2\)/);
  });
});
