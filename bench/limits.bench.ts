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
import { isTconvError } from "../src/spec/error.ts";

interface Row { readonly name: string; readonly input: unknown; readonly kernel: unknown; readonly layout?: string }

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
];

const results: Array<{ name: string; seconds: number; rssGB: number; outcome: string }> = [];
console.log("| problem | outcome | seconds | peak RSS (GB) |\n|---|---|---:|---:|");
for (const row of rows) {
  const started = performance.now();
  let outcome: string;
  try {
    const r = evaluate({ input: row.input as never, kernel: row.kernel as never });
    outcome = `${r.mode}, output [${r.shape.join(",")}]`;
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
