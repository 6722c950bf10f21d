/**
 * Runs every `bench/*.bench.ts` one after another in its own process (benchmarks must not share
 * a CPU), passing their output through. `npm run bench -- tensor` runs only the benchmarks whose
 * name contains one of the given words.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(here).filter((f) => f.endsWith(".bench.ts")).sort();
const chosen = wanted.length === 0 ? all : all.filter((f) => wanted.some((w) => f.slice(0, -".bench.ts".length).includes(w)));

if (chosen.length === 0) {
  console.error(`no benchmark matches ${wanted.join(", ")}; there are: ${all.map((f) => f.slice(0, -".bench.ts".length)).join(", ")}`);
  process.exit(2);
}

let failed = 0;
for (const file of chosen) {
  console.log(`\n## ${file}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.error(`bench: ${file} exited with ${r.status ?? r.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
