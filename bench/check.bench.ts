/**
 * `tconv check` on a 64×64 output (input 32×32, kernel 4×4, stride 2, padding 1) with every
 * diagnosis: in-process (parse the claim text, check, build the JSON) and through the built CLI
 * (`node dist/cli.js check … --json`, fresh process). Target: under 1 s, median.
 *
 * Claims: the right answer; the kernel flipped (every cell wrong, one whole-problem cause); 5% of
 * cells slipped by one term; and every cell wrong by an unexplainable amount (the worst case: each
 * cell tries every term and neighbouring term before falling back to an arithmetic slip).
 *
 * `tsx bench/check.bench.ts [--no-build] [--runs N]`
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkClaim, mistakeContext } from "../src/check/check.ts";
import { parseClaim } from "../src/check/claim/index.ts";
import { checkJson } from "../src/render/check-report.ts";
import { parseProblem } from "../src/spec/parse-problem.ts";
import type { Rational } from "../src/algebra/rational.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const TARGET_MS = 1000;

// Deterministic small integers (a linear congruential sequence), so every run checks the same claims.
let seed = 12345;
const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
const matrix = (n: number, lo: number, hi: number) =>
  Array.from({ length: n }, () => Array.from({ length: n }, () => lo + (next() % (hi - lo + 1))));
const input = matrix(32, -4, 4), kernel = matrix(4, -3, 3);
const problemArgs = ["--input", JSON.stringify(input), "--kernel", JSON.stringify(kernel), "--stride", "2", "--padding", "1"];
const problem = parseProblem({ input: JSON.stringify(input), kernel: JSON.stringify(kernel), stride: "2", padding: "1" });
if (problem.info.outSpatial.join("x") !== "64x64") throw new Error(`check bench: expected a 64x64 output, got ${problem.info.outSpatial.join("x")}`);

const ctx = mistakeContext(problem);
const truth = ctx.truth.map((v) => (v as Rational).toNumber());
const rows = (flat: number[]) => JSON.stringify(Array.from({ length: 64 }, (_, r) => flat.slice(r * 64, r * 64 + 64)));
const flippedKernel = kernel.map((row) => [...row].reverse()).reverse();
const flipped = parseProblem({ input: JSON.stringify(input), kernel: JSON.stringify(flippedKernel), stride: "2", padding: "1" });
const flippedValues = mistakeContext(flipped).truth.map((v) => (v as Rational).toNumber());
const slipped = truth.map((v, i) => {
  if (i % 20 !== 7) return v;
  const t = ctx.terms.termsOf(i)[0];
  return t ? v - (ctx.xValues[t.x] as Rational).mul(ctx.wValues[t.w] as Rational).toNumber() : v + 1;
});
const garbage = truth.map((v) => v + 1000 + (next() % 7));

const claims: [string, string][] = [
  ["correct", rows(truth)],
  ["kernel flipped (all cells wrong)", rows(flippedValues)],
  ["5% of cells one term off", rows(slipped)],
  ["every cell wrong, nothing explains it", rows(garbage)],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function inProcess(text: string): { ms: number; correct: boolean; wrong: number; diagnoses: string } {
  const t0 = performance.now();
  const claim = parseClaim(text, { field: "--claim" });
  const result = checkClaim({ problem, claim });
  const json = checkJson(problem, result);
  const ms = performance.now() - t0;
  return { ms, correct: json.correct, wrong: json.wrong.length, diagnoses: json.diagnosis.map((d) => d["mistake"]).join(", ") };
}

if (!args.includes("--no-build")) {
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) console.error(`check bench: npm run build exited ${build.status}; timing the emitted dist/ anyway`);
}
const bin = join(root, "dist", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "tconv-check-bench-"));

function spawned(file: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, "check", ...problemArgs, "--claim", `@${file}`, "--json"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`check bench: the CLI exited ${r.status} ${r.signal ?? ""} ${r.error?.message ?? ""}: ${r.stderr}`);
  return ms;
}
const nodeStart = () => {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ["-e", "0"]);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

inProcess(claims[1]![1]); // warm the JIT once
const table: { claim: string; wrong: number; diagnoses: string; inProcessMs: number; cliMs: number | undefined }[] = [];
const nodeTimes: number[] = [];
for (const [name, text] of claims) {
  const file = `${name.replace(/\W+/g, "-")}.json`;
  writeFileSync(join(dir, file), text);
  const times: number[] = [], cli: number[] = [];
  let last = inProcess(text);
  for (let i = 0; i < runs; i++) {
    last = inProcess(text);
    times.push(last.ms);
    if (existsSync(bin)) { cli.push(spawned(file)); nodeTimes.push(nodeStart()); }
  }
  table.push({ claim: name, wrong: last.wrong, diagnoses: last.diagnoses || "—", inProcessMs: median(times), cliMs: cli.length ? median(cli) : undefined });
}
const nodeMs = nodeTimes.length ? median(nodeTimes) : undefined;

console.log(`64×64 output (32×32 input, 4×4 kernel, stride 2, padding 1); medians of ${runs} runs`);
console.log("");
console.log("| claim | wrong cells | diagnoses | in-process ms | CLI ms (fresh `node dist/cli.js`) | CLI / `node -e 0` |");
console.log("|---|---:|---|---:|---:|---:|");
for (const r of table) {
  const cli = r.cliMs === undefined ? "n/a" : r.cliMs.toFixed(0);
  const ratio = r.cliMs === undefined || nodeMs === undefined ? "n/a" : (r.cliMs / nodeMs).toFixed(1);
  console.log(`| ${r.claim} | ${r.wrong} | ${r.diagnoses} | ${r.inProcessMs.toFixed(1)} | ${cli} | ${ratio} |`);
}
const worst = Math.max(...table.map((r) => Math.max(r.inProcessMs, r.cliMs ?? 0)));
console.log(`\n\`node -e 0\`: ${nodeMs === undefined ? "n/a" : nodeMs.toFixed(0)} ms. Target < ${TARGET_MS} ms for every claim, in-process and CLI: ${worst < TARGET_MS ? "met" : "NOT met"} (worst ${worst.toFixed(0)} ms)`);

mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "check.json"), `${JSON.stringify({ runs, nodeMs, targetMs: TARGET_MS, rows: table }, null, 2)}\n`);
