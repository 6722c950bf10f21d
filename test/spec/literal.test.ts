import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rational } from "../../src/algebra/rational.ts";
import type { Scalar } from "../../src/algebra/scalar.ts";
import { parseShape, parseTensorLiteral, tensorFromValues } from "../../src/spec/literal.ts";
import { TconvError } from "../../src/spec/error.ts";

const show = (s: Scalar) => (s.kind === "exact" ? `q:${s.value}` : s.kind === "float" ? `f:${s.value}` : s.kind === "symbol" ? `s:${s.name}|${s.tex}` : `e:${s.poly}`);
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
    expect(() => parse("[x_{\\foo}]")).toThrow(/is not a symbol/);
    expect(() => parse("[2\\href]")).toThrow(/not a Greek letter/);
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

describe("entries written as expressions with symbols", () => {
  const entry = (t: string) => parse(`[${t}]`).data[0]!;
  const poly = (t: string) => {
    const s = entry(t);
    if (s.kind !== "expression") throw new Error(`${t} gave a ${s.kind}`);
    return s.poly;
  };
  const refusal = (t: string, allowSymbols = true): TconvError => {
    try {
      parseTensorLiteral(`[1, ${t}]`, { field: "--input", allowSymbols });
    } catch (e) {
      if (e instanceof TconvError) return e;
      throw e;
    }
    throw new Error(`${t} was accepted`);
  };

  it("expands 2a + b/3 into an exact polynomial and keeps the text the user wrote", () => {
    const t = parse("[2a + b/3, c]");
    expect(t.data.map(show)).toEqual(["e:2*a + 1/3*b", "s:c|c"]);
    expect(t.data[0]).toMatchObject({ kind: "expression", text: "2a + b/3" });
  });

  it("expands products and powers: 2a*b, (a+1)^2, a(b - 1)", () => {
    expect(poly("2a*b").toString()).toBe("2*a*b");
    expect(poly("(a+1)^2").toString()).toBe("a*a + 2*a + 1");
    expect(poly("(a - 1)(b + 1)").toString()).toBe("a*b + a - b - 1");
    expect(poly("2(a + b)").toString()).toBe("2*a + 2*b");
    expect(poly("2^-3 x_{1,2} - \\alpha").toString()).toBe("1/8*x_{1,2} - \\alpha");
  });

  it("reads decimals and e-notation inside such entries exactly", () => {
    expect(poly("0.1a + 2.5e3 b - 1e-5c").toString()).toBe("1/10*a + 2500*b - 1/100000*c");
  });

  it("builds the TeX of the symbols inside from the validated pieces, as for plain symbols", () => {
    expect(poly("w1 + x_{1,2} + \\beta_0 + ab").symbols().map((f) => f.tex)).toEqual(["w_{1}", "x_{1,2}", "\\beta_{0}", "\\mathit{ab}"]);
  });

  it("keeps the kinds of a single symbol and of arithmetic on numbers; an expression that cancels is a number", () => {
    expect([entry("a"), entry("1/3+1"), entry("a - a"), entry("2a - a")].map(show)).toEqual(["s:a|a", "q:4/3", "q:0", "e:a"]);
  });

  it("refuses division by a symbol and negative powers of symbols, naming the field and the entry", () => {
    const div = refusal("a/b");
    expect(div.path).toBe("--input");
    expect(div.message).toBe('entry [1] "a/b": division by an expression with symbols is not a polynomial; divide by numbers only');
    const pow = refusal("a^-1");
    expect(pow.path).toBe("--input");
    expect(pow.message).toMatch(/^entry \[1\] "a\^-1": a negative power of a symbol is not a polynomial/);
    expect(refusal("a^b").message).toMatch(/an exponent must be a number/);
    expect(refusal("a^(1/2)").message).toMatch(/exponents must be integers/);
    expect(refusal("a/0").message).toMatch(/division by zero/);
  });

  it("refuses functions, unknown characters and TeX that is not a symbol", () => {
    expect(refusal("sin(a)").message).toMatch(/sin\(…\) reads as a function call; only numbers, symbols and \+ - \* \/ \^ are allowed \(write sin\*\(…\)/);
    expect(refusal("a(b + 1)").message).toMatch(/write a\*\(…\) for a product/);
    expect(refusal("a % b").code).toBe("bad-entry");
    expect(refusal("2a + \\href").message).toMatch(/not a Greek letter/);
    expect(refusal("a + Infinity").code).toBe("not-finite");
    expect(refusal("2 3a").message).toMatch(/write multiplication with \*/);
    expect(refusal("a0.5").message).toMatch(/a number right after a symbol is ambiguous/);
    expect(refusal("x_{1,2} 2").message).toMatch(/a number right after a symbol is ambiguous/);
  });

  it("bounds what an entry can expand to: terms, degree, coefficient bits and symbol length", () => {
    expect(refusal("(a+b+c+d+e+f)^9").code).toBe("entry-too-large");
    expect(refusal("a^65").code).toBe("entry-too-large");
    expect(refusal("2^9000 a").code).toBe("entry-too-large");
    expect(refusal("1e99999 a").code).toBe("entry-too-large");
    expect(refusal(`2${"a".repeat(65)}`).code).toBe("symbol-too-long");
  });

  it("refuses 2a where symbols are not allowed exactly as it refuses a", () => {
    expect(refusal("a", false).message).toBe('entry [1] "a": this command takes numbers only (symbols are for explain and matrix)');
    expect(refusal("2a", false).message).toBe('entry [1] "2a": this command takes numbers only (symbols are for explain and matrix)');
    expect(refusal("2a", false).code).toBe("symbol-not-allowed");
    // A TeX command is no symbol anywhere, so a numbers-only command does not suggest explain for it.
    expect(refusal("2\\href{x}", false).message).toMatch(/expected an integer, a fraction like 3\/4, a decimal or arithmetic on numbers$/);
  });

  it("agrees with mathjs evaluating the same text at random rational values", async () => {
    const { all, create } = await import("mathjs");
    const math = create(all!, { number: "Fraction" });
    const names = ["a", "b", "c"] as const;
    const leaf = fc.oneof(fc.constantFrom(...names), fc.integer({ min: 0, max: 9 }).map(String),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom(...names)).map(([n, s]) => `${n}${s}`));
    const { expr } = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof({ depthSize: "small", withCrossShrink: true },
        leaf,
        fc.tuple(tie("expr"), fc.constantFrom(" + ", " - ", "*", ""), tie("expr")).map(([l, op, r]) => `(${l})${op}(${r})`),
        fc.tuple(tie("expr"), fc.integer({ min: 1, max: 7 })).map(([e, d]) => `(${e})/${d}`),
        fc.tuple(tie("expr"), fc.integer({ min: 0, max: 3 })).map(([e, k]) => `(${e})^${k}`),
        tie("expr").map((e) => `-(${e})`)),
    }));
    const rational = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 12 }));
    fc.assert(fc.property(expr, fc.tuple(rational, rational, rational), (text, values) => {
      let s: Scalar;
      try {
        s = parse(`[${text}]`).data[0]!;
      } catch (e) {
        // Only the size bounds may refuse a generated expression, or the numbers-only path `(1)(2)`.
        if (/[a-z]/.test(text)) expect((e as TconvError).code).toBe("entry-too-large");
        else expect((e as TconvError).message).toMatch(/write multiplication with \*/);
        return;
      }
      const at = new Map<string, Scalar>(names.map((n, i) => [n, { kind: "exact", value: Rational.of(values[i]![0], values[i]![1]) } as Scalar]));
      const ours = s.kind === "expression" ? s.poly.substitute(at).constantValue() : s.kind === "symbol" ? (at.get(s.name) as { value: Rational }).value : s.value;
      const scope = Object.fromEntries(names.map((n, i) => [n, math.fraction(values[i]![0], values[i]![1])]));
      const theirs = math.evaluate(text, scope) as { s: bigint; n: bigint; d: bigint };
      expect((ours as Rational).equals(Rational.of(theirs.s * theirs.n, theirs.d))).toBe(true);
    }), { numRuns: 200 });
  });
});
