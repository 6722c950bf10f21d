/**
 * `npm run fuzz [-- --minutes N] [-- --target words]`: fuzzes every target in turn, each round
 * in its own process with a watchdog, until the time is up. A failure (with its shrunk
 * counterexample and seed), a hang (with the input it hung on) or a crash (a V8 out-of-memory
 * abort) is printed; the exit code is 1 if anything was found.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { targets } from "./targets.ts";
import { STARTED } from "./worker-protocol.ts";

/** How long a worker may take to load before it starts fuzzing. */
const STARTUP_SECONDS = 900;

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const minutes = Number(option("--minutes") ?? "10");
const round = Number(option("--round-seconds") ?? "60");
const words = option("--target")?.split(",") ?? [];
if (!(minutes > 0) || !(round > 0)) {
  console.error("usage: npm run fuzz -- [--minutes 10] [--round-seconds 30] [--target literal,claim]");
  process.exit(2);
}
const chosen = targets.filter((t) => words.length === 0 || words.some((w) => t.name.includes(w)));
const worker = join(dirname(fileURLToPath(import.meta.url)), "worker.ts");
const scratch = mkdtempSync(join(tmpdir(), "tconv-fuzz-run-"));
const deadline = Date.now() + minutes * 60_000;
const totals = new Map<string, number>();
const findings: string[] = [];

function runRound(name: string, seed: number, seconds: number): Promise<void> {
  const last = join(scratch, `last-input-${seed}.json`);
  return new Promise((done) => {
    // A round may use up to 2 GB of heap; a target that needs more is a finding, not a crash of the run.
    const child = spawn(process.execPath, ["--max-old-space-size=2048", "--stack-size=984", "--import", "tsx", worker, name, String(seed), String(seconds), last], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += String(d).replace(`${STARTED}\n`, ""); });
    // Loading the targets (the whole CLI) takes ~10 s of CPU, minutes on a loaded machine: the
    // watchdog for a hang is armed only when the worker says it has started fuzzing.
    let watchdog = setTimeout(() => { child.kill("SIGKILL"); }, STARTUP_SECONDS * 1000);
    child.stderr.on("data", (d) => {
      if (String(d).includes(STARTED)) { clearTimeout(watchdog); watchdog = setTimeout(() => { child.kill("SIGKILL"); }, (seconds + 120) * 1000); }
    });
    child.on("close", (code, signal) => {
      clearTimeout(watchdog);
      const line = out.trim().split("\n").pop() ?? "";
      let report: { runs: number; failure?: { counterexample: string; error: string; seed: number; path: string } } | undefined;
      try { report = JSON.parse(line); } catch { report = undefined; }
      if (report) {
        totals.set(name, (totals.get(name) ?? 0) + report.runs);
        if (report.failure) findings.push(`${name}: ${report.failure.error}\n  counterexample: ${report.failure.counterexample}\n  seed ${report.failure.seed}, path ${report.failure.path}`);
      } else {
        let input = "(unknown)";
        try { input = readFileSync(last, "utf8").slice(0, 2000); } catch { /* none written */ }
        const started = input !== "(unknown)";
        const why = signal === "SIGKILL"
          ? (started ? `hung (killed ${seconds + 120} s after it started)` : `did not start within ${STARTUP_SECONDS} s (a loaded machine?)`)
          : `crashed (exit ${code ?? signal})`;
        findings.push(`${name}: ${why} on input ${input}\n  ${err.trim().split("\n").slice(-3).join("\n  ")}`);
      }
      done();
    });
  });
}

let seed = Date.now() % 2_147_483_647;
while (Date.now() < deadline) {
  for (const target of chosen) {
    const left = (deadline - Date.now()) / 1000;
    if (left < 1) break;
    await runRound(target.name, seed++, Math.min(round, Math.max(1, Math.floor(left))));
    console.log(`fuzz: ${target.name}: ${totals.get(target.name) ?? 0} inputs so far, ${findings.length} finding(s) in all`);
  }
}
console.log(`\nfuzz: ${minutes} min, ${[...totals.values()].reduce((a, b) => a + b, 0)} inputs`);
for (const [name, n] of totals) console.log(`  ${name}: ${n} inputs`);
if (findings.length === 0) console.log("no findings");
else console.log(`${findings.length} finding(s):\n${findings.join("\n")}`);
process.exit(findings.length === 0 ? 0 : 1);
