import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Scalar } from "../../src/algebra/scalar.ts";
import { parseShape, parseTensorLiteral, tensorFromValues } from "../../src/spec/literal.ts";
import { TconvError } from "../../src/spec/error.ts";

const show = (s: Scalar) => (s.kind === "exact" ? `q:${s.value}` : s.kind === "float" ? `f:${s.value}` : `s:${s.name}|${s.tex}`);
const parse = (t: string, allowSymbols = true) => parseTensorLiteral(t, { field: "--input", allowSymbols });

describe("parseTensorLiteral", () => {
  it("reads integers as exact numbers, row-major with their shape", () => {
    const t = parse("[[1, -2], [+3, 40]]");
    expect(t.shape).toEqual([2, 2]);
    expect(t.data.map(show)).toEqual(["q:1", "q:-2", "q:3", "q:40"]);
  });

  it("reads fractions exactly and reduces them", () => {
    expect(parse("[3/4, -6/8, 4/2, 1/-3]").data.map(show)).toEqual(["q:3/4", "q:-3/4", "q:2", "q:-1/3"]);
  });

  it("reads decimals and exponents as float64", () => {
    expect(parse("[0.25, -.5, 1e3, 2.5E-1]").data.map(show)).toEqual(["f:0.25", "f:-0.5", "f:1000", "f:0.25"]);
  });

  it("keeps integers beyond 2^53 exact", () => {
    const [s] = parse("[123456789012345678901234567890]").data;
    expect(s?.kind === "exact" && s.value.toString()).toBe("123456789012345678901234567890");
  });

  it("reads symbols with safe TeX: subscripts, trailing digits, Greek letters, long names", () => {
    expect(parse("[a, w1, x_{1,2}, x_i, \\alpha, beta_0, ab]").data.map(show)).toEqual([
      "s:a|a", "s:w1|w_{1}", "s:x_{1,2}|x_{1,2}", "s:x_i|x_{i}", "s:\\alpha|\\alpha", "s:beta_0|\\beta_{0}", "s:ab|\\mathit{ab}",
    ]);
  });

  it("refuses TeX commands that are not Greek letters", () => {
    expect(() => parse("[\\href]")).toThrow(/not a Greek letter/);
    expect(() => parse("[x_{\\foo}]")).toThrow(/expected an integer/);
    expect(() => parse("[x^2]")).toThrow(/expected an integer/);
    expect(() => parse("[a$b]")).toThrow(TconvError);
  });

  it("refuses symbols where the command needs numbers, naming the field", () => {
    try {
      parseTensorLiteral("[[1, a]]", { field: "--kernel", allowSymbols: false });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TconvError);
      expect((e as TconvError).path).toBe("--kernel");
      expect((e as TconvError).message).toBe('entry [0,1] "a": this command takes numbers only (symbols are for explain and matrix)');
    }
  });

  it("evaluates arithmetic entries with mathjs: exact without a decimal point, float with one", () => {
    expect(parse("[-3/4*2, 1/3+1, 2^-3, (1+2)/6, 0.1*3]").data.map(show)).toEqual(["q:-3/2", "q:4/3", "q:1/8", "q:1/2", "f:0.30000000000000004"]);
  });

  it("refuses implicit multiplication and expressions that are not finite", () => {
    expect(() => parse("[2 3]")).toThrow(/write multiplication with \*/);
    expect(() => parse("[2(3)]")).toThrow(/write multiplication with \*/);
    expect(() => parse("[1/(1-1)]")).toThrow(TconvError);
  });

  it("refuses ragged, empty, NaN, Infinity and malformed literals", () => {
    expect(() => parse("[[1,2],[3]]")).toThrow("ragged array: [1] has shape [1] but [0] has [2]");
    expect(() => parse("[[1],[[2]]]")).toThrow(/ragged/);
    expect(() => parse("[]")).toThrow(/empty array/);
    expect(() => parse("[[1],[]]")).toThrow(/ragged|empty/);
    expect(() => parse("[NaN]")).toThrow(/NaN and Infinity/);
    expect(() => parse("[-Infinity]")).toThrow(/NaN and Infinity/);
    expect(() => parse("[inf]")).toThrow(/NaN and Infinity/);
    expect(() => parse("[1,,2]")).toThrow(/missing entry/);
    expect(() => parse("[1,2")).toThrow(/missing \]/);
    expect(() => parse("[1] 2")).toThrow(/after the literal/);
    expect(() => parse("3")).toThrow(/bare value/);
  });

  it("reads @file relative to cwd", () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-literal-"));
    try {
      writeFileSync(join(dir, "k.json"), "[[1, 0],\n [0, -1]]\n");
      const t = parseTensorLiteral("@k.json", { field: "--kernel", allowSymbols: false, cwd: dir });
      expect(t.shape).toEqual([2, 2]);
      expect(() => parseTensorLiteral("@nope.json", { field: "--kernel", allowSymbols: false, cwd: dir })).toThrow('cannot read "nope.json": no such file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("tensorFromValues", () => {
  it("classifies numbers like written entries and parses strings as entries", () => {
    const t = tensorFromValues([[1, "3/4"], [0.5, "w_{0}"]], { field: "kernel", allowSymbols: true });
    expect(t.shape).toEqual([2, 2]);
    expect(t.data.map(show)).toEqual(["q:1", "q:3/4", "f:0.5", "s:w_{0}|w_{0}"]);
  });

  it("treats integers that are not safe as floats (they already lost digits)", () => {
    expect(tensorFromValues([2 ** 60], { field: "input", allowSymbols: false }).data.map((s) => s.kind)).toEqual(["float"]);
  });

  it("refuses NaN and ragged arrays", () => {
    expect(() => tensorFromValues([Number.NaN], { field: "input", allowSymbols: false })).toThrow(/NaN/);
    expect(() => tensorFromValues([[1], [2, 3]], { field: "input", allowSymbols: false })).toThrow(/ragged/);
  });
});

describe("parseShape", () => {
  it("reads comma-separated positive sizes, brackets optional", () => {
    expect(parseShape("2,3")).toEqual([2, 3]);
    expect(parseShape(" [4, 5] ")).toEqual([4, 5]);
    expect(() => parseShape("0")).toThrow(expect.objectContaining({ path: "inputShape" }));
  });
  it("refuses zero, negatives, decimals and nothing", () => {
    for (const bad of ["2,0", "-1", "1.5", "", "a"]) expect(() => parseShape(bad, "--kernel-shape")).toThrow(TconvError);
  });
});
