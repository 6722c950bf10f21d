/**
 * `tconv explain` in a fresh process (the built bin, dist/cli.js), against a bare `node -e 0`:
 * the seed problem to self-contained HTML (target ≤ 6×) and a 64×64 input with a 3×3 kernel,
 * stride 2, to HTML with the elision policy (target ≤ 15×). Runs alternate between the commands
 * so machine noise hits all alike; medians; ratios taken within this one run. A module-resolution
 * hook fails the run if mathjs is loaded on the explain path.
 *
 * `tsx bench/explain.bench.ts [--no-build] [--runs N]`
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 11;
const bin = join(root, "dist", "cli.js");

if (!args.includes("--no-build")) {
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) console.error(`explain bench: npm run build exited ${build.status}; timing the emitted dist/ anyway`);
}
if (!existsSync(bin)) {
  console.error("explain bench: dist/cli.js is missing; run npm run build");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "tconv-explain-bench-"));
const big = join(work, "input64.json");
writeFileSync(big, JSON.stringify(Array.from({ length: 64 }, (_, i) => Array.from({ length: 64 }, (_, j) => ((i * 31 + j * 17) % 7) - 3))));

const seedArgs = [bin, "explain", "--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--format", "html", "--out", join(work, "seed.html")];
const bigArgs = [bin, "explain", "--input", `@${big}`, "--kernel", "[[1,2,1],[0,1,0],[-1,0,1]]", "--stride", "2", "--padding", "1", "--output-padding", "1", "--format", "html", "--out", join(work, "big.html")];

const guard = "data:text/javascript,"
  + "export async function resolve(s,c,n){const r=await n(s,c);"
  + "if(/node_modules\\/mathjs\\//.test(r.url))throw new Error('mathjs on the explain path: '+r.url);return r;}";
const guardImport = `data:text/javascript,import {register} from 'node:module'; register(${JSON.stringify(guard)});`;
for (const a of [seedArgs, bigArgs]) {
  const r = spawnSync(process.execPath, ["--import", guardImport, ...a], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`explain bench: ${a.slice(1, 3).join(" ")} failed (exit ${r.status}): ${r.stderr}`);
    process.exit(1);
  }
}

function time(argv: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`explain bench: ${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

time(["-e", "0"]); time(seedArgs); time(bigArgs);
const nodeT: number[] = [], seedT: number[] = [], bigT: number[] = [];
for (let i = 0; i < runs; i++) {
  nodeT.push(time(["-e", "0"]));
  seedT.push(time(seedArgs));
  bigT.push(time(bigArgs));
}
rmSync(work, { recursive: true, force: true });
const nodeMs = median(nodeT), seedMs = median(seedT), bigMs = median(bigT);
const rows = [
  { name: "`node -e 0`", ms: nodeMs, target: undefined },
  { name: "`tconv explain` seed problem → HTML", ms: seedMs, target: 6 },
  { name: "`tconv explain` 64×64, k3, s2 → HTML (elided)", ms: bigMs, target: 15 },
];
console.log(`| command (fresh process, median of ${runs}) | ms | ratio to node -e 0 | target |`);
console.log("|---|---:|---:|---:|");
for (const r of rows) {
  const ratio = r.ms / nodeMs;
  console.log(`| ${r.name} | ${r.ms.toFixed(1)} | ${ratio.toFixed(2)} | ${r.target ? `≤ ${r.target}× ${ratio <= r.target ? "met" : "NOT met"}` : ""} |`);
}
console.log("\nmathjs not loaded on the explain path");
mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "explain.json"), JSON.stringify({
  runs, nodeMs, seedHtmlMs: seedMs, bigHtmlMs: bigMs, seedRatio: seedMs / nodeMs, bigRatio: bigMs / nodeMs,
}, null, 2) + "\n");
