/**
 * The problems at the edge of the default limits (`--max-terms`, `--max-cells`, the
 * walkthrough's term and cell limits), for every shape family (2-D, 1-D with a long kernel, 3-D,
 * grouped channels, dilated, a huge stride), each through the library door as the command does
 * it: `eval` (evaluate), `check` (a claim with one wrong cell: parsed, checked, diagnosed and its
 * text report rendered) and `explain` (derived and rendered to HTML). Every problem the default
 * limits accept should finish within 10 s on the project's machine; the refusals must be quick.
 * `check` has its own, lower term limit (`DEFAULT_MAX_CHECK_TERMS`), so its rows sit there.
 * Prints a Markdown table with wall and CPU seconds (the machine is shared: CPU time is the fair
 * figure when it is loaded) and writes bench/results/limits.json.
 */
import { cpus, loadavg } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "../src/api/check.ts";
import { evaluate, nestedOutput, type NestedOutput } from "../src/api/evaluate.ts";
import { explain } from "../src/explain/index.ts";
import { renderCheckText } from "../src/render/check-report.ts";
import { renderDerivation } from "../src/render/index.ts";
import { isTconvError } from "../src/spec/error.ts";
import { parseProblem, type ProblemOptions } from "../src/spec/parse-problem.ts";

type Command = "eval" | "check" | "explain";
/** A problem at a limit, run the way one command runs it. */
interface Row { readonly family: string; readonly command: Command; readonly name: string; readonly problem: ProblemOptions }

type Nested = number | Nested[];
const line = (n: number, decimal: boolean): number[] => Array.from({ length: n }, (_, i) => (i % 7) - 3 + (decimal ? 0.5 : 0));
const cube = (dims: readonly number[], decimal: boolean): Nested =>
  dims.length === 1 ? line(dims[0]!, decimal) : Array.from({ length: dims[0]! }, () => cube(dims.slice(1), decimal));
const sq = (n: number, decimal: boolean) => cube([n, n], decimal);
const p = (input: Nested, kernel: Nested, rest: Partial<ProblemOptions> = {}): ProblemOptions => ({ input: input as never, kernel: kernel as never, ...rest });

const X2 = [[1, 2], [3, 4]], W2 = [[1, 0], [0, -1]];

const rows: Row[] = [
  // 2-D
  { family: "2-D", command: "eval", name: "float, 100², kernel 70² (4.9·10⁷ terms)", problem: p(sq(100, true), sq(70, true)) },
  { family: "2-D", command: "eval", name: "exact, 100², kernel 50² (2.5·10⁷ terms, the exact limit)", problem: p(sq(100, false), sq(50, false)) },
  { family: "2-D", command: "eval", name: "exact, 100², kernel 70² (4.9·10⁷ terms): refused by the exact limit", problem: p(sq(100, false), sq(70, false)) },
  { family: "2-D", command: "check", name: "float, 50², kernel 44² (4.8·10⁶ terms, check's limit), one wrong cell", problem: p(sq(50, true), sq(44, true)) },
  { family: "2-D", command: "check", name: "exact, 50², kernel 44², one wrong cell", problem: p(sq(50, false), sq(44, false)) },
  { family: "2-D", command: "check", name: "float, 100², kernel 70² (eval's limit): refused by check's limit", problem: p(sq(100, true), sq(70, true)) },
  { family: "2-D", command: "explain", name: "exact 79², kernel 4² (9.99·10⁴ terms, the walkthrough's term limit)", problem: p(sq(79, false), sq(4, false)) },
  { family: "2-D", command: "explain", name: "exact 20², kernel 15² (9.0·10⁴ terms, up to 225 per cell)", problem: p(sq(20, false), sq(15, false)) },
  // 1-D, long kernel
  { family: "1-D long kernel", command: "eval", name: "float, input 2,000, kernel 1,000 (tap table at the cell limit)", problem: p(line(2000, true), line(1000, true)) },
  { family: "1-D long kernel", command: "eval", name: "exact, input 2,000, kernel 1,000", problem: p(line(2000, false), line(1000, false)) },
  { family: "1-D long kernel", command: "eval", name: "float, input 20,000, kernel 100", problem: p(line(20_000, true), line(100, true)) },
  { family: "1-D long kernel", command: "eval", name: "float, input 50,000, kernel 1,000 (the issue's 98 s problem): refused by its tap table", problem: p(line(50_000, true), line(1000, true)) },
  { family: "1-D long kernel", command: "check", name: "float, input 2,000, kernel 1,000, one wrong cell", problem: p(line(2000, true), line(1000, true)) },
  { family: "1-D long kernel", command: "explain", name: "exact 100, kernel 1,000 (10⁵ terms, C·Cᵀ 100×100)", problem: p(line(100, false), line(1000, false)) },
  // 3-D
  { family: "3-D", command: "eval", name: "float, 40³, kernel 8³ (3.3·10⁷ terms)", problem: p(cube([40, 40, 40], true), cube([8, 8, 8], true)) },
  { family: "3-D", command: "eval", name: "exact, 30³, kernel 8³ (1.4·10⁷ terms)", problem: p(cube([30, 30, 30], false), cube([8, 8, 8], false)) },
  { family: "3-D", command: "check", name: "float, 20³, kernel 8³ (4.1·10⁶ terms), one wrong cell", problem: p(cube([20, 20, 20], true), cube([8, 8, 8], true)) },
  { family: "3-D", command: "explain", name: "exact 8³, kernel 5³ (6.4·10⁴ terms)", problem: p(cube([8, 8, 8], false), cube([5, 5, 5], false)) },
  { family: "3-D", command: "explain", name: "exact 8³, kernel 6³ (1.1·10⁵ terms): refused by the walkthrough's term limit", problem: p(cube([8, 8, 8], false), cube([6, 6, 6], false)) },
  // Grouped channels (torch layout)
  { family: "grouped", command: "eval", name: "float, [1,16,120,120], kernel [16,4,7,7], groups 4 (4.5·10⁷ terms)", problem: p(cube([1, 16, 120, 120], true), cube([16, 4, 7, 7], true), { layout: "torch", groups: 4 }) },
  { family: "grouped", command: "eval", name: "exact, [1,16,60,60], kernel [16,4,9,9], groups 4 (1.9·10⁷ terms)", problem: p(cube([1, 16, 60, 60], false), cube([16, 4, 9, 9], false), { layout: "torch", groups: 4 }) },
  { family: "grouped", command: "check", name: "float, [1,16,38,38], kernel [16,4,7,7], groups 4 (4.5·10⁶ terms), one wrong cell", problem: p(cube([1, 16, 38, 38], true), cube([16, 4, 7, 7], true), { layout: "torch", groups: 4 }) },
  { family: "grouped", command: "explain", name: "exact [1,4,20,20], kernel [4,2,5,5], groups 2 (8·10⁴ terms)", problem: p(cube([1, 4, 20, 20], false), cube([4, 2, 5, 5], false), { layout: "torch", groups: 2 }) },
  // Dilated
  { family: "dilated", command: "eval", name: "float, 100², kernel 70², dilation 3 (4.9·10⁷ terms, output 307²)", problem: p(sq(100, true), sq(70, true), { dilation: 3 }) },
  { family: "dilated", command: "check", name: "float, 50², kernel 44², dilation 3 (4.8·10⁶ terms), one wrong cell", problem: p(sq(50, true), sq(44, true), { dilation: 3 }) },
  { family: "dilated", command: "explain", name: "exact 79², kernel 4², dilation 5 (2.96·10⁴ cells drawn, under the walkthrough's cell limit)", problem: p(sq(79, false), sq(4, false), { dilation: 5 }) },
  // A huge stride: few terms, a huge output
  { family: "huge stride", command: "eval", name: "2², kernel 2², stride 10⁹ (the issue's 79 s, 6.9 GB problem): refused by --max-cells", problem: p(X2, W2, { stride: 1_000_000_000 }) },
  { family: "huge stride", command: "eval", name: "float, 2², kernel 2², stride 3,000 (output 3002², 9·10⁶ cells)", problem: p([[1.5, 2], [3, 4]], W2, { stride: 3000 }) },
  { family: "huge stride", command: "eval", name: "exact, 2², kernel 2², stride 3,000", problem: p(X2, W2, { stride: 3000 }) },
  { family: "huge stride", command: "check", name: "2², kernel 2², stride 10⁹: refused by --max-cells", problem: p(X2, W2, { stride: 1_000_000_000 }) },
  { family: "huge stride", command: "check", name: "exact, 2², kernel 2², stride 300 (output 302²), one wrong cell", problem: p(X2, W2, { stride: 300 }) },
  { family: "huge stride", command: "explain", name: "exact 2², kernel 2², stride 80 (2.7·10⁴ cells drawn)", problem: p(X2, W2, { stride: 80 }) },
  { family: "huge stride", command: "explain", name: "exact 2², kernel 2², stride 150 (9.2·10⁴ cells drawn, 22 500 phases: under the walkthrough's cell limit)", problem: p(X2, W2, { stride: 150 }) },
  { family: "huge stride", command: "explain", name: "1 cell, kernel 1, stride 1,000 (10⁶ phases, once a stack overflow): refused by the walkthrough's cell limit", problem: p([[1]], [[1]], { stride: 1000 }) },
];

/** The correct output with its first cell off by one, as an array literal (the claim a student pastes). */
function wrongClaim(problem: ProblemOptions): string {
  const out = nestedOutput(evaluate(problem));
  let first: NestedOutput = out;
  while (Array.isArray(first[0])) first = first[0] as NestedOutput;
  first[0] = Number(first[0]) + 1;
  return JSON.stringify(out);
}

const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

async function run(row: Row): Promise<string> {
  if (row.command === "eval") {
    const r = evaluate(row.problem);
    return `${r.mode}, output [${r.shape.join(",")}]`;
  }
  if (row.command === "explain") {
    const html = renderDerivation(explain(parseProblem(row.problem)), { format: "html", locale: "en" });
    return `${(html.length / 1e6).toFixed(1)} MB of HTML`;
  }
  throw new Error("check rows are run by runCheck");
}

const results: Array<{ family: string; command: Command; name: string; outcome: string; seconds: number; cpuSeconds: number; rssGB: number }> = [];
const load = loadavg()[0]!;
console.log(`load average ${load.toFixed(1)} on ${cpus().length} CPUs\n`);
console.log("| family | command | problem | outcome | wall s | CPU s |\n|---|---|---|---|---:|---:|");
for (const row of rows) {
  // The claim of a check row is built before the clock starts (it needs the right answer).
  let claim: string | undefined;
  if (row.command === "check") {
    try { claim = wrongClaim(row.problem); } catch (e) { if (!isTconvError(e)) throw e; claim = "[[1]]"; }
  }
  const wall = performance.now(), cpu = cpuSeconds();
  let outcome: string;
  try {
    if (claim !== undefined) {
      // Library field names (the rows carry none of their own).
      const { names: _cliNames, ...options } = row.problem;
      const { problem, result } = check({ ...options, claim });
      const text = renderCheckText(problem, result);
      outcome = `${result.correct ? "correct" : `${result.wrong.length} wrong cell`}, ${(text.length / 1e3).toFixed(0)} kB report`;
    } else {
      outcome = await run(row);
    }
  } catch (e) {
    if (!isTconvError(e)) throw e;
    outcome = `refused (${e.path}): ${e.message.slice(0, 50)}…`;
  }
  const seconds = (performance.now() - wall) / 1000, cpuUsed = cpuSeconds() - cpu;
  const rssGB = process.memoryUsage().rss / 1e9;
  results.push({ family: row.family, command: row.command, name: row.name, outcome, seconds, cpuSeconds: cpuUsed, rssGB });
  console.log(`| ${row.family} | ${row.command} | ${row.name} | ${outcome} | ${seconds.toFixed(2)} | ${cpuUsed.toFixed(2)} |`);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "results", "limits.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), loadAverage: load, results }, null, 2) + "\n");
