import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjointCheck, defaultSymbols, deriveCells, directConvView, evaluate, gatherView, matrixView, overlap,
  phaseGrids, phasesView, pixelShuffle, scatterView, tensorsEqual, type AlgebraTensor,
} from "../../src/algebra/index.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { exact, type ScalarTensor } from "../../src/algebra/scalar.ts";
import { computeConvInfo, type ConvInfo } from "../../src/geometry/index.ts";
import { computeTensor } from "../../src/tensor/index.ts";
import { intProblemArb, paramsArb } from "../tensor/problems.ts";
import { Polynomial } from "../../src/algebra/polynomial.ts";

const tensor = (shape: readonly number[], values: readonly number[]): ScalarTensor =>
  ({ shape, data: values.map((v) => exact(Rational.int(v))) });
const strings = (t: AlgebraTensor) => t.data.map(String);

describe("the five views agree", () => {
  it("transposed: scatter = gather = matrix = direct convolution = phases = reference evaluator = tensor core, exactly on integers (1-D/2-D/3-D, every parameter)", () => {
    fc.assert(fc.property(intProblemArb("transposed"), ({ info, x, w, bias }) => {
      const xs = tensor(info.inputShape, x), ws = tensor(info.weightShape, w);
      const bs = bias && tensor([info.outChannels], bias);
      const s = scatterView(info, xs, ws, bs);
      expect(s.mode).toBe("exact");
      expect(strings(gatherView(info, xs, ws, bs))).toEqual(strings(s));
      expect(strings(matrixView(info, xs, ws, bs))).toEqual(strings(s));
      expect(strings(directConvView(info, xs, ws, bs))).toEqual(strings(s));
      expect(strings(phasesView(info, xs, ws, bs))).toEqual(strings(s));
      expect(Array.from(evaluate(info, xs, ws, bs).values as ArrayLike<unknown>, String)).toEqual(strings(s));
      const core = computeTensor(info, Float64Array.from(x), Float64Array.from(w), bias && Float64Array.from(bias));
      expect(Array.from(core, (v) => String(v + 0))).toEqual(strings(s));
      const cells = deriveCells(info, xs, ws, bs);
      expect(cells.allValues().map(String)).toEqual(strings(s));
    }), { numRuns: 150 });
  });

  it("ordinary convolution: scatter = gather = matrix = reference evaluator = tensor core", () => {
    fc.assert(fc.property(intProblemArb("conv"), ({ info, x, w, bias }) => {
      const xs = tensor(info.inputShape, x), ws = tensor(info.weightShape, w);
      const bs = bias && tensor([info.outChannels], bias);
      const s = scatterView(info, xs, ws, bs);
      expect(strings(gatherView(info, xs, ws, bs))).toEqual(strings(s));
      expect(strings(matrixView(info, xs, ws, bs))).toEqual(strings(s));
      expect(Array.from(evaluate(info, xs, ws, bs).values as ArrayLike<unknown>, String)).toEqual(strings(s));
      const core = computeTensor(info, Float64Array.from(x), Float64Array.from(w), bias && Float64Array.from(bias));
      expect(Array.from(core, (v) => String(v + 0))).toEqual(strings(s));
    }), { numRuns: 100 });
  });

  it("symbolically too: the five views give equal polynomials on default symbols (small problems)", () => {
    const small = paramsArb("transposed", [1, 2]).filter((p) => computeConvInfo(p).outCount * computeConvInfo(p).inChannels <= 200);
    fc.assert(fc.property(small, (params) => {
      const info = computeConvInfo(params);
      const { x, w, bias } = defaultSymbols(info);
      const s = scatterView(info, x, w, bias);
      expect(s.mode).toBe("symbolic");
      for (const v of [gatherView, matrixView, directConvView, phasesView]) expect(tensorsEqual(v(info, x, w, bias), s)).toBe(true);
      // The gather polynomials are the cells' own.
      const cells = deriveCells(info, x, w, bias);
      for (let f = 0; f < cells.count; f++) expect((s.data[f] as Polynomial).equals(cells.polynomial(f))).toBe(true);
    }), { numRuns: 40 });
  });
});

describe("adjoint identity and overlap", () => {
  const withVectors = (op: "transposed" | "conv") => paramsArb(op).chain((params) => {
    const info = computeConvInfo(params);
    const rows = op === "transposed" ? info.inChannels * info.inCount : info.outChannels * info.outCount;
    const cols = op === "transposed" ? info.outChannels * info.outCount : info.inChannels * info.inCount;
    const ints = (n: number) => fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n });
    return fc.record({ w: ints(info.weightShape.reduce((a, b) => a * b, 1)), u: ints(cols), v: ints(rows) })
      .map((d) => ({ info, ...d }));
  });

  for (const op of ["transposed", "conv"] as const) {
    it(`<C u, v> = <u, C^T v> exactly on integers (${op})`, () => {
      fc.assert(fc.property(withVectors(op), ({ info, w, u, v }) => {
        const r = adjointCheck(info, tensor(info.weightShape, w), tensor([u.length], u), tensor([v.length], v));
        expect(r.equal).toBe(true);
        expect(String(r.lhs)).toBe(String(r.rhs));
      }), { numRuns: 100 });
    });
  }

  it("<C u, v> = <u, C^T v> with a symbolic kernel", () => {
    const info = computeConvInfo({ op: "transposed", inputSize: [3, 2], kernelSize: [2, 2], stride: [2, 1], dilation: [1, 2], padBegin: [1, 0], padEnd: [0, 1], outputPadding: [1, 0], batch: 1, inChannels: 2, outChannels: 2, groups: 1 });
    const { w } = defaultSymbols(info);
    const u = tensor([info.outChannels * info.outCount], Array.from({ length: info.outChannels * info.outCount }, (_, i) => (i % 5) - 2));
    const v = tensor([info.inChannels * info.inCount], Array.from({ length: info.inChannels * info.inCount }, (_, i) => (i % 3) - 1));
    const r = adjointCheck(info, w, u, v);
    expect(r.equal).toBe(true);
    expect(r.lhs).toBeInstanceOf(Polynomial);
  });

  it("overlap counts equal the transposed convolution of ones with ones", () => {
    fc.assert(fc.property(paramsArb("transposed"), (params) => {
      const p = { ...params, batch: 1, inChannels: 1, outChannels: 1, groups: 1 };
      const info: ConvInfo = computeConvInfo(p);
      const ones = (shape: readonly number[]) => tensor(shape, new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(1));
      const y = scatterView(info, ones(info.inputShape), ones(info.weightShape));
      expect(Array.from(overlap(info).counts, String)).toEqual(strings(y));
    }), { numRuns: 150 });
  });
});

describe("the phases view (sub-pixel convolution)", () => {
  const strided = intProblemArb("transposed").filter(({ info }) => info.axes.some((a) => a.stride > 1));

  it("with some stride > 1: the phase grids, interleaved by the pixel shuffle, are the output of every other view and of the exact evaluator (1-D/2-D/3-D, every parameter)", () => {
    fc.assert(fc.property(strided, ({ info, x, w, bias }) => {
      const xs = tensor(info.inputShape, x), ws = tensor(info.weightShape, w);
      const bs = bias && tensor([info.outChannels], bias);
      const grids = phaseGrids(info, xs, ws, bs);
      expect(grids).toHaveLength(info.axes.reduce((p, a) => p * a.stride, 1));
      const shuffled = pixelShuffle(info, grids).map(String);
      expect(shuffled).toEqual(strings(scatterView(info, xs, ws, bs)));
      expect(shuffled).toEqual(strings(gatherView(info, xs, ws, bs)));
      expect(shuffled).toEqual(strings(directConvView(info, xs, ws, bs)));
      expect(shuffled).toEqual(Array.from(evaluate(info, xs, ws, bs).values as ArrayLike<unknown>, String));
    }), { numRuns: 150 });
  });

  it("each phase grid is the stride-1 convolution of the input with its sub-kernel: Y(φ)[m] = Σ_j K(φ)[j]·x[m − j], written out per cell (one channel, 1-D)", () => {
    const oneD = intProblemArb("transposed", [1]).filter(({ info }) => info.inChannels === 1 && info.outChannels === 1 && info.batch === 1);
    fc.assert(fc.property(oneD, ({ info, x, w }) => {
      const grids = phaseGrids(info, tensor(info.inputShape, x), tensor(info.weightShape, w));
      const a = info.axes[0]!;
      for (let phase = 0; phase < a.stride; phase++) {
        // The sub-kernel: tap t at position j where t·d = j·s + φ.
        const sub = new Map<number, number>();
        for (let t = 0; t < a.kernel; t++) if ((t * a.dilation) % a.stride === phase) sub.set(Math.floor((t * a.dilation) / a.stride), w[t]!);
        // The phase's outputs o = m·s + φ − p, in order.
        const ms: number[] = [];
        for (let o = 0; o < a.outSize; o++) if ((o + a.padBegin) % a.stride === phase) ms.push((o + a.padBegin - phase) / a.stride);
        const expected = ms.map((m) => {
          let acc = 0;
          for (const [j, k] of sub) if (m - j >= 0 && m - j < a.inSize) acc += k * x[m - j]!;
          return String(acc + 0);
        });
        expect(grids[phase]!.map(String)).toEqual(expected);
      }
    }), { numRuns: 150 });
  });
});
