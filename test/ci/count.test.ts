/**
 * `.ci/run` ends with the test runner's real counts: a suite that failed to load, or whose tests
 * were all skipped because a tool was missing, is a failure, never "0 passed, 0 failed".
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function count(report: object): { stdout: string; status: number | null } {
  const file = join(mkdtempSync(join(tmpdir(), "tconv-ci-")), "report.json");
  writeFileSync(file, JSON.stringify(report));
  const r = spawnSync(process.execPath, [".ci/count.cjs", file], { encoding: "utf8" });
  return { stdout: r.stdout, status: r.status };
}

const test = (status: string) => ({ status, title: "t" });

describe(".ci/count.cjs", () => {
  it("counts a suite whose tests were all skipped as failed", () => {
    const r = count({
      numPassedTests: 0, numFailedTests: 0,
      testResults: [{ name: join(process.cwd(), "test/browser/showcase.test.ts"), status: "passed", assertionResults: [test("skipped"), test("skipped")] }],
    });
    expect(r.stdout).toBe("ci: every test of test/browser/showcase.test.ts was skipped: counted as failed\n0 passed, 1 failed\n");
    expect(r.status).toBe(1);
  });
  it("counts a suite that failed to load as failed, and a partly skipped suite as fine", () => {
    const r = count({
      numPassedTests: 3, numFailedTests: 0,
      testResults: [
        { name: "a", status: "failed", assertionResults: [] },
        { name: "b", status: "passed", assertionResults: [test("passed"), test("skipped"), test("passed"), test("passed")] },
      ],
    });
    expect(r.stdout).toBe("3 passed, 1 failed\n");
    expect(r.status).toBe(0);
  });
});
