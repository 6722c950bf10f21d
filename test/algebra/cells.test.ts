import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeConvInfo, forEachCellTerm, tapTables } from "../../src/geometry/index.ts";
import { paramsArb } from "../tensor/problems.ts";
import { deriveCells } from "../../src/algebra/cells.ts";
import { defaultSymbols, outputLabels } from "../../src/algebra/symbols.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { float, symbol, type Scalar } from "../../src/algebra/scalar.ts";
import { exactTensor, infoOf } from "./helpers.ts";
import { substitutedTex, symbolicTex } from "../../src/render/tex/cells.ts";
import { polynomialTex } from "../../src/render/tex/polynomial.ts";

const seed = infoOf({ inputSize: [2, 2], kernelSize: [2, 2] });
const seedX = exactTensor([1, 1, 2, 2], [1, 2, 3, 4]);
const seedW = exactTensor([1, 1, 2, 2], [1, 0, 0, -1]);

describe("cell sums", () => {
  it("seed cell y_{1,1} = x_{0,0}w_{1,1} + x_{0,1}w_{1,0} + x_{1,0}w_{0,1} + x_{1,1}w_{0,0}, with numbers 3", () => {
    const cells = deriveCells(seed, seedX, seedW), c = cells.cell(4);
    expect(c.label).toBe("y_{1,1}");
    expect(symbolicTex(cells, 4)).toBe("x_{0,0}w_{1,1} + x_{0,1}w_{1,0} + x_{1,0}w_{0,1} + x_{1,1}w_{0,0}");
    expect(substitutedTex(cells, 4)).toBe("1\\cdot(-1) + 2\\cdot 0 + 3\\cdot 0 + 4\\cdot 1");
    expect(c.value).toEqual(Rational.int(3));
    expect(polynomialTex(c.polynomial)).toBe("3");
  });

  it("terms list input and kernel multi-indices in ascending input position", () => {
    const c = deriveCells(seed, seedX, seedW).cell(4);
    expect(c.terms.map((t) => [t.input.slice(2), t.kernel.slice(2)])).toEqual([
      [[0, 0], [1, 1]], [[0, 1], [1, 0]], [[1, 0], [0, 1]], [[1, 1], [0, 0]],
    ]);
    expect(c.index).toEqual([0, 0, 1, 1]);
  });

  it("index base 1 numbers the seed cell y_{2,2} = x_{1,1}w_{2,2} + …", () => {
    const cells = deriveCells(seed, undefined, undefined, undefined, { indexBase: 1 });
    expect(cells.label(4)).toBe("y_{2,2}");
    expect(symbolicTex(cells, 4)).toBe("x_{1,1}w_{2,2} + x_{1,2}w_{2,1} + x_{2,1}w_{1,2} + x_{2,2}w_{1,1}");
    expect(cells.value(4)).toBeUndefined();
  });

  it("default symbols stay symbolic and the polynomial is the sum itself", () => {
    const cells = deriveCells(seed);
    expect(cells.mode).toBe("symbolic");
    expect(polynomialTex(cells.polynomial(0))).toBe("x_{0,0}w_{0,0}");
    expect(polynomialTex(cells.polynomial(4))).toBe(symbolicTex(cells, 4));
  });

  it("channel and batch indices appear only when those axes exceed 1: x_{n,c,i,j}, w_{c_in,c_out,a,b}", () => {
    const info = infoOf({ inputSize: [2, 2], kernelSize: [2, 2], batch: 2, inChannels: 2, outChannels: 3 });
    const s = defaultSymbols(info);
    const name = (t: Scalar | undefined) => (t && t.kind === "symbol" ? t.name : "");
    expect(name(s.x.data[s.x.data.length - 1])).toBe("x_{1,1,1,1}");
    expect(name(s.w.data[s.w.data.length - 1])).toBe("w_{1,2,1,1}");
    expect(name(s.bias.data[2])).toBe("b_{2}");
    expect(outputLabels(info)[info.outCount]).toBe("y_{0,1,0,0}");
    const seedNames = defaultSymbols(seed);
    expect(name(seedNames.w.data[0])).toBe("w_{0,0}");
    expect(name(seedNames.bias.data[0])).toBe("b");
  });

  it("channels are the outermost term order: both input channels' terms, channel 0 first", () => {
    const info = infoOf({ inputSize: [2], kernelSize: [2], inChannels: 2 });
    const cells = deriveCells(info);
    expect(symbolicTex(cells, 1)).toBe("x_{0,0}w_{0,1} + x_{0,1}w_{0,0} + x_{1,0}w_{1,1} + x_{1,1}w_{1,0}");
  });

  it("a bias is the last summand, symbolically and with values", () => {
    const cells = deriveCells(seed, seedX, seedW, exactTensor([1], ["1/2"]));
    expect(symbolicTex(cells, 0)).toBe("x_{0,0}w_{0,0} + b");
    expect(substitutedTex(cells, 0)).toBe("1\\cdot 1 + \\frac{1}{2}");
    expect(cells.value(0)).toEqual(Rational.of(3, 2));
  });

  it("user symbols mixed with numbers collect into a readable polynomial", () => {
    // 1-D: x = [a, b, a], kernel [1, 2]; y_1 = a·2 + b·1, y_2 = b·2 + a·1
    const info = infoOf({ inputSize: [3], kernelSize: [2] });
    const x = { shape: [1, 1, 3], data: [symbol("a", "a"), symbol("b", "b"), symbol("a", "a")] };
    const cells = deriveCells(info, x, exactTensor([1, 1, 2], [1, 2]));
    expect(substitutedTex(cells, 1)).toBe("a\\cdot 2 + b\\cdot 1");
    expect(polynomialTex(cells.polynomial(1))).toBe("2a + b");
    const sameSymbol = deriveCells(infoOf({ inputSize: [2], kernelSize: [1] , stride: [1]}),
      { shape: [1, 1, 2], data: [symbol("a", "a"), symbol("a", "a")] }, exactTensor([1, 1, 1], [0]));
    expect(polynomialTex(sameSymbol.polynomial(0))).toBe("0");
  });

  it("substituting numbers into the symbolic sums equals evaluating with numbers (every cell, stride 2, padding)", () => {
    const info = infoOf({ inputSize: [3, 2], kernelSize: [3, 2], stride: [2, 1], padBegin: [1, 0], padEnd: [0, 1], outputPadding: [1, 0] });
    const sym = defaultSymbols(info);
    const xs = exactTensor(info.inputShape, [1, -2, 3, 0, 5, "1/3"]);
    const ws = exactTensor(info.weightShape, [2, -1, 0, 4, "-1/2", 3]);
    const values = new Map<string, Scalar>();
    sym.x.data.forEach((s, i) => { if (s.kind === "symbol") values.set(s.name, xs.data[i]!); });
    sym.w.data.forEach((s, i) => { if (s.kind === "symbol") values.set(s.name, ws.data[i]!); });
    const symbolic = deriveCells(info), numeric = deriveCells(info, xs, ws);
    for (let f = 0; f < symbolic.count; f++) {
      expect(symbolic.polynomial(f).substitute(values).constantValue()).toEqual(numeric.value(f));
    }
  });

  it("floats give float values", () => {
    const info = infoOf({ inputSize: [2], kernelSize: [1] });
    const cells = deriveCells(info, { shape: [1, 1, 2], data: [float(0.5), float(-1.25)] }, exactTensor([1, 1, 1], [2]));
    expect(cells.mode).toBe("float");
    expect(cells.allValues()).toEqual([1, -2.5]);
    expect(substitutedTex(cells, 1)).toBe("(-1.25)\\cdot 2");
  });

  it("a cell no term reaches prints 0 (stride 3, kernel 1)", () => {
    const info = infoOf({ inputSize: [2], kernelSize: [1], stride: [3] });
    const cells = deriveCells(info, exactTensor([1, 1, 2], [5, 6]), exactTensor([1, 1, 1], [2]));
    expect(symbolicTex(cells, 1)).toBe("0");
    expect(cells.value(1)).toEqual(Rational.ZERO);
    expect(cells.allValues().map(String)).toEqual(["10", "0", "0", "12"]);
    expect(cells.cell(1).terms).toEqual([]);
  });

  it("ordinary convolution cells read a window: seed 001's 3x3 with a 2x2 kernel", () => {
    const info = infoOf({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] });
    const cells = deriveCells(info, exactTensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]), exactTensor([1, 1, 2, 2], [1, 0, 0, -1]));
    expect(symbolicTex(cells, 0)).toBe("x_{0,0}w_{0,0} + x_{0,1}w_{0,1} + x_{1,0}w_{1,0} + x_{1,1}w_{1,1}");
    expect(cells.allValues().map(String)).toEqual(["-4", "-4", "-4", "-4"]);
  });

  it("a cell index outside the output is a RangeError", () => {
    expect(() => deriveCells(seed).cell(9)).toThrow(RangeError);
  });

  it("the bulk term walk lists exactly forEachCellTerm's terms in its order (random 1-D/2-D/3-D, both ops)", () => {
    fc.assert(fc.property(fc.constantFrom("transposed" as const, "conv" as const).chain((op) => paramsArb(op)), (params) => {
      const info = computeConvInfo(params);
      const cells = deriveCells(info);
      const tables = tapTables(info);
      for (let o = 0; o < info.outCount; o++) {
        const expected: number[] = [];
        forEachCellTerm(info, tables, o, (i, k) => { expected.push(i, k); });
        const got: number[] = [];
        for (let j = cells.spatial.start[o]!; j < cells.spatial.start[o + 1]!; j++) got.push(cells.spatial.input[j]!, cells.spatial.kernel[j]!);
        expect(got).toEqual(expected);
      }
    }), { numRuns: 100 });
  });

  it("substituting numbers into the symbolic cells equals deriving with the numbers (random problems with bias, channels, groups)", () => {
    const problem = paramsArb("transposed", [1, 2]).filter((p) => computeConvInfo(p).outCount <= 64).chain((params) => {
      const info = computeConvInfo(params);
      const n = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
      const ints = (k: number) => fc.array(fc.integer({ min: -4, max: 4 }), { minLength: k, maxLength: k });
      return fc.record({ x: ints(n(info.inputShape)), w: ints(n(info.weightShape)), b: ints(info.outChannels) })
        .map((d) => ({ info, ...d }));
    });
    fc.assert(fc.property(problem, ({ info, x, w, b }) => {
      const sym = defaultSymbols(info);
      const xs = exactTensor(info.inputShape, x), ws = exactTensor(info.weightShape, w), bs = exactTensor([info.outChannels], b);
      const values = new Map<string, Scalar>();
      for (const [names, nums] of [[sym.x, xs], [sym.w, ws], [sym.bias, bs]] as const) {
        names.data.forEach((s, i) => { if (s.kind === "symbol") values.set(s.name, nums.data[i]!); });
      }
      const symbolic = deriveCells(info, sym.x, sym.w, sym.bias), numeric = deriveCells(info, xs, ws, bs);
      for (let f = 0; f < symbolic.count; f++) {
        expect(symbolic.polynomial(f).substitute(values).constantValue()).toEqual(numeric.value(f));
      }
    }), { numRuns: 60 });
  });
});
