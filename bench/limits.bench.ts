/**
 * The problems at the edge of the default limits (`--max-terms`, `--max-cells`), evaluated once
 * each through the library door, with wall time and resident memory: every problem the default
 * limits accept should finish within 10 s on the project's machine. The 1-D long-kernel row is
 * the one that once took 98 s and 4.9 GB (input 50,000, kernel 1,000: now refused by its tap
 * table); its largest accepted neighbours are timed instead. Prints a Markdown table and writes
 * bench/results/limits.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate } from "../src/api/evaluate.ts";
import { explain } from "../src/explain/index.ts";
import { renderDerivation } from "../src/render/index.ts";
import { isTconvError } from "../src/spec/error.ts";
import { parseProblem } from "../src/spec/parse-problem.ts";

/** A problem at a limit: evaluated (eval's path), or explained and rendered to HTML (explain's). */
interface Row { readonly name: string; readonly input: unknown; readonly kernel: unknown; readonly layout?: string; readonly explain?: boolean }

const line = (n: number, decimal: boolean) => Array.from({ length: n }, (_, i) => (i % 7) - 3 + (decimal ? 0.5 : 0));
const square = (n: number, decimal: boolean) => Array.from({ length: n }, () => line(n, decimal));

const rows: Row[] = [
  { name: "1-D float, input 2,000, kernel 1,000 (tap table at the cell limit)", input: line(2000, true), kernel: line(1000, true) },
  { name: "1-D exact, input 2,000, kernel 1,000", input: line(2000, false), kernel: line(1000, false) },
  { name: "1-D float, input 20,000, kernel 100", input: line(20_000, true), kernel: line(100, true) },
  { name: "1-D float, input 50,000, kernel 1,000 (the issue's problem: refused)", input: line(50_000, true), kernel: line(1000, true) },
  { name: "2-D float, 100², kernel 70² (4.9·10⁷ terms)", input: square(100, true), kernel: square(70, true) },
  { name: "2-D exact, 100², kernel 50² (2.5·10⁷ terms, the exact limit)", input: square(100, false), kernel: square(50, false) },
  { name: "2-D exact, 100², kernel 70² (4.9·10⁷ terms: refused by the exact limit)", input: square(100, false), kernel: square(70, false) },
  { name: "explain --format html, 2-D exact 79², kernel 4² (9.99·10⁴ terms, the walkthrough limit)", input: square(79, false), kernel: square(4, false), explain: true },
  { name: "explain --format html, 2-D exact 20², kernel 15² (9.0·10⁴ terms, every cell up to 225 terms)", input: square(20, false), kernel: square(15, false), explain: true },
  { name: "explain --format html, 1-D exact 100, kernel 1,000 (10⁵ terms, C·Cᵀ 100×100)", input: line(100, false), kernel: line(1000, false), explain: true },
  { name: "explain --format html, 3-D exact 8³, kernel 6³ (1.1·10⁵ terms: refused by the walkthrough limit)", input: Array.from({ length: 8 }, () => square(8, false)), kernel: Array.from({ length: 6 }, () => square(6, false)), explain: true },
];

const results: Array<{ name: string; seconds: number; rssGB: number; outcome: string }> = [];
console.log("| problem | outcome | seconds | peak RSS (GB) |\n|---|---|---:|---:|");
for (const row of rows) {
  const started = performance.now();
  let outcome: string;
  try {
    if (row.explain) {
      const html = renderDerivation(explain(parseProblem({ input: row.input as never, kernel: row.kernel as never })), { format: "html", locale: "en" });
      outcome = `walkthrough, ${(html.length / 1e6).toFixed(1)} MB of HTML`;
    } else {
      const r = evaluate({ input: row.input as never, kernel: row.kernel as never });
      outcome = `${r.mode}, output [${r.shape.join(",")}]`;
    }
  } catch (e) {
    if (!isTconvError(e)) throw e;
    outcome = `refused: ${e.message.slice(0, 60)}…`;
  }
  const seconds = (performance.now() - started) / 1000;
  const rssGB = process.memoryUsage().rss / 1e9;
  results.push({ name: row.name, seconds, rssGB, outcome });
  console.log(`| ${row.name} | ${outcome} | ${seconds.toFixed(2)} | ${rssGB.toFixed(2)} |`);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "results", "limits.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + "\n");
