/**
 * A walkthrough derives, renders and checks every term, so it has its own term limit, far below
 * eval's: refused before any work, naming the option that raises it (CLI `--max-terms`, library
 * `maxTerms`), and a note says that it cannot raise it.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { DEFAULT_MAX_EXPLAIN_CELLS, DEFAULT_MAX_EXPLAIN_TERMS, explain, walkthroughCells } from "../../src/explain/index.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { renderTconvNote } from "../../src/notes/api.ts";
import { isTconvError } from "../../src/spec/error.ts";
import { parseProblem, termCount } from "../../src/spec/parse-problem.ts";

const square = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((i + j) % 5) - 2));
const big = { input: square(80), kernel: square(4) }; // 102,400 terms

describe("the walkthrough's term limit", () => {
  it("refuses a problem above it before deriving anything, naming maxTerms, and maxTerms raises it", () => {
    const problem = parseProblem(big);
    expect(termCount(problem.info)).toBeGreaterThan(DEFAULT_MAX_EXPLAIN_TERMS);
    let error: unknown;
    const started = performance.now();
    try { explain(problem); } catch (e) { error = e; }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(isTconvError(error) && error.path).toBe("maxTerms");
    expect((error as Error).message).toMatch(/walkthrough of 1\.02e\+5 multiply-add terms is above its limit of 1\.00e\+5 \(each term is derived, rendered and checked\); raise it with maxTerms 102400/);
    expect(explain(problem, { maxTerms: 200_000, sections: ["size"] }).steps.map((s) => s.kind)).toEqual(["size"]);
  });

  it("gives tconv explain one error line naming --max-terms, and --max-terms lets it through", async () => {
    const args = ["explain", "--input", JSON.stringify(big.input), "--kernel", JSON.stringify(big.kernel), "--sections", "size"];
    const refused = bufferIo();
    expect(await main(args, refused)).toBe(2);
    expect(refused.stderr).toMatch(/^error: --max-terms: a walkthrough of 1\.02e\+5 multiply-add terms .* raise it with --max-terms 102400, or compute the numbers with eval or check/);
    expect(refused.stderr.trimEnd().split("\n")).toHaveLength(1);
    const raised = bufferIo();
    expect(await main([...args, "--max-terms", "200000"], raised)).toBe(0);
    expect(raised.stdout).toContain("Output size");
  });

  it("turns a note's oversized block into a callout that says a note cannot raise it", async () => {
    const note = "```tconv\ninput: " + JSON.stringify(big.input) + "\nkernel: " + JSON.stringify(big.kernel) + "\n```\n";
    const { text } = await renderTconvNote(note);
    expect(text).toContain("a note cannot raise it (tconv explain --max-terms can)");
  });
});

describe("the walkthrough's cell limit", () => {
  const few = { input: [[1, 2], [3, 4]], kernel: [[1, 0], [0, -1]] }; // 16 terms

  it("refuses a problem of few terms that draws too many cells, before deriving anything", () => {
    // Stride 150 drew 54 MB of HTML (until the phase list was elided); stride 1000 on one input cell (10⁶ phases) overflowed the stack.
    for (const [options, drawn] of [[{ ...few, stride: 200 }, /drawing 1\.63e\+5 cells/], [{ input: [[1]], kernel: [[1]], stride: 1000 }, /drawing 1\.00e\+6 cells/]] as const) {
      const problem = parseProblem(options);
      expect(walkthroughCells(problem.info)).toBeGreaterThan(DEFAULT_MAX_EXPLAIN_CELLS);
      let error: unknown;
      const started = performance.now();
      try { explain(problem); } catch (e) { error = e; }
      expect(performance.now() - started).toBeLessThan(1000);
      expect(isTconvError(error) && error.path).toBe("maxTerms");
      expect((error as Error).message).toMatch(drawn);
      expect((error as Error).message).toMatch(/\(the output, the zero-inserted input and the stride's phases\) is above its limit of 1\.00e\+5/);
    }
  });

  it("accepts a stride just under it, and maxTerms raises it", () => {
    const under = parseProblem({ ...few, stride: 150 });
    expect(walkthroughCells(under.info)).toBeLessThanOrEqual(DEFAULT_MAX_EXPLAIN_CELLS);
    expect(explain(under, { sections: ["size"] }).steps.map((s) => s.kind)).toEqual(["size"]);
    const over = parseProblem({ ...few, stride: 200 });
    expect(explain(over, { maxTerms: 200_000, sections: ["size"] }).steps.map((s) => s.kind)).toEqual(["size"]);
  });

  it("keeps a walkthrough of 22 500 phases short: the compact phase list elides its middle and says how many it left out", () => {
    const d = explain(parseProblem({ ...few, stride: 150 }), { sections: ["phases"] });
    const md = renderDerivation(d, { format: "md", locale: "en" });
    expect(md.length).toBeLessThan(100_000);
    expect(md).toContain("The other 22498 phases work the same way:");
    expect(md).toMatch(/- … 22484 more phases, left out here \(the JSON format lists every phase\)\./);
    const zh = renderDerivation(d, { format: "md", locale: "zh-CN" });
    expect(zh).toMatch(/- ……此处略去 22484 个相位（JSON 格式列出全部相位）。/);
    const json = JSON.parse(renderDerivation(d, { format: "json", locale: "en" }));
    expect(json.steps[0].phases).toHaveLength(22_500);
  });

  it("lists every phase when there are few (a stride of 3 in 2-D: 9 phases, 2 in full, 7 listed)", () => {
    const md = renderDerivation(explain(parseProblem({ ...few, stride: 3 }), { sections: ["phases"] }), { format: "md", locale: "en" });
    expect(md).toContain("The other 7 phases work the same way:");
    expect(md).not.toContain("left out here");
  });

  it("gives tconv explain one error line naming --max-terms (it was an internal RangeError)", async () => {
    const io = bufferIo();
    expect(await main(["explain", "--input", "[[1]]", "--kernel", "[[1]]", "--stride", "1000"], io)).toBe(2);
    expect(io.stderr).toMatch(/^error: --max-terms: a walkthrough drawing 1\.00e\+6 cells .* raise it with --max-terms 1000003, or compute/);
    expect(io.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
