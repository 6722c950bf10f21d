/**
 * Start-up: the installed `tconv` (the package's bin, dist/cli.js, as `npm run build` / `prepack`
 * makes it) evaluates the worked example in a fresh process, against a bare `node -e 0`. Target:
 * within 4× of node's own start. Runs alternate between the two commands so machine noise hits
 * both alike; medians of 15 runs each, ratio taken within this one run.
 *
 * The tconv runs also go through a module-resolution hook that fails the run if mathjs, katex or
 * eta is loaded, so the figure cannot be met by accident while a heavy library sits on the path.
 *
 * `tsx bench/startup.bench.ts [--no-build] [--runs N]`
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const TARGET = 4;

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
const bin = join(root, pkg.bin["tconv"]!);

if (!args.includes("--no-build")) {
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8" });
  // tsc still emits when another module has a type error; the run below shows whether the bin works.
  if (build.status !== 0) console.error(`startup bench: npm run build exited ${build.status}; timing the emitted dist/ anyway`);
}
if (!existsSync(bin)) {
  console.error(`startup bench: ${bin} is missing; run npm run build`);
  process.exit(1);
}

const heavyGuard = "data:text/javascript,"
  + "export async function resolve(s,c,n){const r=await n(s,c);"
  + "if(/node_modules\\/(mathjs|katex|eta)\\//.test(r.url))throw new Error('heavy module on the start-up path: '+r.url);return r;}";
const guardImport = `data:text/javascript,import {register} from 'node:module'; register(${JSON.stringify(heavyGuard)});`;

const example = ["eval", "--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--json"];
const expected = '{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}\n';

// One guarded run first: correctness and the no-heavy-libraries rule.
const check = spawnSync(process.execPath, ["--import", guardImport, bin, ...example], { cwd: root, encoding: "utf8" });
if (check.status !== 0 || check.stdout !== expected) {
  console.error(`startup bench: the installed tconv failed the worked example (exit ${check.status}):\n${check.stdout}${check.stderr}`);
  process.exit(1);
}

function time(argv: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`startup bench: ${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Warm the file cache for both before measuring.
time(["-e", "0"]);
time([bin, ...example]);
const nodeTimes: number[] = [], tconvTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  nodeTimes.push(time(["-e", "0"]));
  tconvTimes.push(time([bin, ...example]));
}
const nodeMs = median(nodeTimes), tconvMs = median(tconvTimes);
const ratio = tconvMs / nodeMs;

console.log(`| command (fresh process, median of ${runs}) | ms | ratio to node -e 0 |`);
console.log("|---|---:|---:|");
console.log(`| \`node -e 0\` | ${nodeMs.toFixed(1)} | 1.00 |`);
console.log(`| \`tconv eval\` worked example (dist/cli.js) | ${tconvMs.toFixed(1)} | ${ratio.toFixed(2)} |`);
console.log(`\ntarget ≤ ${TARGET}×: ${ratio <= TARGET ? "met" : "NOT met"}; mathjs, katex and eta not loaded on this path`);

mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "startup.json"), JSON.stringify({
  runs, nodeMedianMs: nodeMs, tconvMedianMs: tconvMs, ratio, target: TARGET, met: ratio <= TARGET,
  nodeTimesMs: nodeTimes, tconvTimesMs: tconvTimes, node: process.version,
}, null, 2) + "\n");
process.exit(ratio <= TARGET ? 0 : 1);
