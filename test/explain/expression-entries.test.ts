import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-expression-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

const PROBLEM = ["--input", "[2a + b/3, c]", "--kernel", "[1, 2^-3]"];

describe("a walkthrough of entries written as expressions with symbols", () => {
  it("expands y_1 = (2a + b/3)·(1/8) + c·1 exactly in the JSON cells", async () => {
    const r = await run(["explain", ...PROBLEM, "--sections", "cells", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { mode: string; output: string[]; x: { data: unknown[] }; steps: { kind: string; cells: { flat: number; value: string }[] }[] };
    expect(doc.mode).toBe("symbolic");
    expect(doc.x.data[0]).toEqual({ kind: "expression", poly: "2*a + 1/3*b", text: "2a + b/3" });
    expect(doc.output).toEqual(["2*a + 1/3*b", "1/4*a + 1/24*b + c", "1/8*c"]);
    expect(doc.steps[0]!.cells[1]!.value).toBe("1/4*a + 1/24*b + c");
  });

  it("writes the expression as a parenthesised factor, then the expanded sum", async () => {
    const r = await run(["explain", ...PROBLEM, "--sections", "cells"]);
    expect(r.code).toBe(0);
    // a and b name formula letters, so they are shown with a hat inside the expression too.
    expect(r.out).toContain("(2\\hat{a} + \\frac{1}{3}\\,\\hat{b})}\\cdot\\frac{1}{8} + \\textcolor{#B84E00}{c}\\cdot 1 = \\frac{1}{4}\\,\\hat{a} + \\frac{1}{24}\\,\\hat{b} + c");
  });

  it("substitutes numbers for the symbols inside expressions in the check section", async () => {
    const r = await run(["explain", "--input", "[2u + v/3, u v]", "--kernel", "[1, 2^-3]", "--sections", "check", "--format", "json"]);
    expect(r.code).toBe(0);
    const check = (JSON.parse(r.out) as { steps: { kind: string; agrees: boolean; substitution: [string, number][] }[] }).steps.find((s) => s.kind === "check")!;
    expect(check.substitution.map(([name]) => name)).toEqual(["u", "v"]);
    expect(check.agrees).toBe(true);
  });

  it("gives the matrix entries as expanded polynomials", async () => {
    const r = await run(["matrix", "--kernel", "[2a + b/3, -c]", "--input-shape", "2", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { entries: unknown[] }).entries[0]).toEqual([0, 0, "2*a + 1/3*b"]);
  });

  it("eval and check refuse 2a with the message they give for a", async () => {
    for (const cmd of [["eval"], ["check", "--claim", "[1,2,3]"]]) {
      const sym = await run([...cmd, "--input", "[a, 1]", "--kernel", "[1, 2]"]);
      const expr = await run([...cmd, "--input", "[2a, 1]", "--kernel", "[1, 2]"]);
      expect([sym.code, expr.code]).toEqual([2, 2]);
      expect(expr.err).toBe(sym.err.replace('"a"', '"2a"'));
      expect(expr.err).toMatch(/^error: --input: entry \[0\] "2a": this command takes numbers only/);
    }
  });

  it("refuses a/b naming --input and the entry, with nothing written", async () => {
    const r = await run(["explain", "--input", "[c, a/b]", "--kernel", "[1, 2]"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe('error: --input: entry [1] "a/b": division by an expression with symbols is not a polynomial; divide by numbers only\n');
  });
});
