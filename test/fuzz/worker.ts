/**
 * One fuzzing round of one target (spawned by `run.ts`): runs random inputs until the time is up,
 * writing each input to a file first, so a hang that the parent has to kill is still reported
 * with the input that caused it. Prints one JSON line: the runs and the failure, if any.
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { targets } from "./targets.ts";
import { STARTED } from "./worker-protocol.ts";

const [name, seedText, secondsText, lastFile] = process.argv.slice(2);
const target = targets.find((t) => t.name === name);
if (!target || !lastFile) {
  console.error(`fuzz worker: unknown target ${name}`);
  process.exit(2);
}
const seed = Number(seedText), seconds = Number(secondsText);
process.stderr.write(`${STARTED}\n`);
let runs = 0;
const result = await fc.check(fc.asyncProperty(target.input, async (input) => {
  runs++;
  writeFileSync(lastFile, JSON.stringify({ run: runs, input }));
  await target.run(input);
}), { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false, endOnFailure: false });
const failure = result.failed
  ? { counterexample: JSON.stringify(result.counterexample).slice(0, 2000), error: String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance).slice(0, 500), seed: result.seed, path: result.counterexamplePath }
  : undefined;
console.log(JSON.stringify({ target: name, runs, rss: process.memoryUsage().rss, ...(failure ? { failure } : {}) }));
process.exit(0);
