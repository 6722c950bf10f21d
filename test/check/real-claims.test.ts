/**
 * The real-world set: claims people actually posted (test/fixtures/real-claims/, one JSON file
 * per claim, each with its source), read and judged by `tconv check` in-process and by the
 * library's check(), with the verdict and diagnosis a careful reader gives.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "../../src/api/check.ts";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

interface Fixture {
  id: string;
  source: { url: string | null; title: string; note?: string };
  problem: Record<string, string>;
  pasted: string;
  claim?: string;
  claimShape?: string;
  expect: { verdict: "correct" | "wrong"; diagnosis: string[] | "none-complete"; form?: string };
  why: string;
}

const dir = fileURLToPath(new URL("../fixtures/real-claims/", import.meta.url));
const fixtures: Fixture[] = readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Fixture);
const kebab = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

describe("the real-world set", () => {
  it("holds at least 20 claims from public sources, each with its URL, problem, pasted text and expected judgement", () => {
    const public_ = fixtures.filter((f) => typeof f.source.url === "string" && /^https?:\/\//.test(f.source.url));
    expect(public_.length).toBeGreaterThanOrEqual(20);
    for (const f of fixtures) {
      expect(f.pasted.length, f.id).toBeGreaterThan(0);
      expect(f.why.length, f.id).toBeGreaterThan(0);
      expect(["correct", "wrong"]).toContain(f.expect.verdict);
      // A claim that is not the pasted text itself says in its source note how it was made.
      if (f.claim !== undefined) expect(f.source.note, f.id).toBeTruthy();
      if (f.source.url === null) expect(f.source.note, f.id).toMatch(/no public URL|seed/i);
    }
  });

  describe.each(fixtures.map((f) => [f.id, f] as const))("%s", (_id, f) => {
    const claim = f.claim ?? f.pasted;
    const judged = (correct: boolean, diagnosis: readonly { mistake: string; explains: number }[], wrong: number, shapeOk: boolean) => {
      expect(correct).toBe(f.expect.verdict === "correct");
      if (f.expect.diagnosis === "none-complete") {
        // No mistake tconv knows is the cause: none may claim to explain every wrong cell.
        expect(diagnosis.filter((d) => d.explains === wrong)).toEqual([]);
      } else {
        expect(diagnosis.map((d) => d.mistake)).toEqual(f.expect.diagnosis);
        if (f.expect.verdict === "wrong" && shapeOk) for (const d of diagnosis) expect(d.explains).toBe(wrong);
      }
    };

    it("library check()", () => {
      const { result } = check({ ...f.problem, claim, ...(f.claimShape ? { claimShape: f.claimShape } : {}) } as Parameters<typeof check>[0]);
      if (f.expect.form) expect(result.reading?.form).toBe(f.expect.form);
      judged(result.correct, result.diagnosis, result.wrong.length, result.shape.ok);
    });

    it("tconv check --json (in-process)", async () => {
      const io = bufferIo();
      const args = ["check", ...Object.entries(f.problem).flatMap(([k, v]) => [kebab(k), v]), "--claim", claim, "--json",
        ...(f.claimShape ? ["--claim-shape", f.claimShape] : [])];
      const code = await main(args, io);
      expect(io.stderr).toBe("");
      expect(code).toBe(f.expect.verdict === "correct" ? 0 : 1);
      const j = JSON.parse(io.stdout) as { correct: boolean; diagnosis: { mistake: string; explains: number }[]; wrong: unknown[]; shape: { ok: boolean }; claim?: { form: string } };
      if (f.expect.form) expect(j.claim?.form).toBe(f.expect.form);
      judged(j.correct, j.diagnosis, j.wrong.length, j.shape.ok);
    });
  });
});
