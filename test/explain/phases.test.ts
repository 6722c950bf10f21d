import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { defaultSections } from "../../src/explain/table.ts";
import type { PhasesStep } from "../../src/explain/types.ts";
import { overlapCounts } from "../../src/geometry/overlap.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";
import { TconvError } from "../../src/spec/error.ts";
import { intProblemArb } from "../tensor/problems.ts";

const phasesOf = (o: ProblemOptions) => explain(parseProblem({ allowSymbols: true, ...o }), { sections: ["phases"] }).steps[0] as PhasesStep;
const str = (xs: readonly unknown[]) => xs.map(String);
const ONE_D = { input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" };
const STRIDE2 = { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" };

describe("the phases step (sub-pixel view) as data", () => {
  it("1-D kernel [1,2,1], stride 2: phase 0 has taps w0, w2 (sub-kernel [1,1]) on cells 0,2,4,6,8 with grid [1,3,5,7,4]; phase 1 has w1 (sub-kernel [2]) on cells 1,3,5,7 with grid [2,4,6,8]", () => {
    const s = phasesOf(ONE_D);
    expect(s.phases.map((p) => p.phase)).toEqual([[0], [1]]);
    expect(s.phases.map((p) => p.taps.map((t) => [t.tap, t.lag[0]]))).toEqual([[[0, 0], [2, 1]], [[1, 0]]]);
    expect(s.phases.map((p) => p.outputs)).toEqual([[0, 2, 4, 6, 8], [1, 3, 5, 7]]);
    expect(s.phases.map((p) => str(p.values))).toEqual([["1", "3", "5", "7", "4"], ["2", "4", "6", "8"]]);
    expect(s.phaseOf).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it("1-D [1,2,1], stride 2: tap counts 2 and 1 (uneven) but sums 2 and 2, so the all-ones output [1,2,2,2,2,2,2,2,1] is even inside: the kernel compensates", () => {
    const s = phasesOf(ONE_D);
    expect(s.countsEven).toBe(false);
    expect(str(s.phases.map((p) => p.sum))).toEqual(["2", "2"]);
    expect(s.sumsEqual).toBe(true);
    expect(str(s.ones)).toEqual(["1", "2", "2", "2", "2", "2", "2", "2", "1"]);
    expect(s.inside).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.insideEven).toBe(true);
  });

  it("3×3 kernel, stride 2, padding 1: four phases with 4, 2, 2, 1 taps and sums 1, −1, 2, 1, so an all-ones input comes out uneven inside (the checkerboard)", () => {
    const s = phasesOf(STRIDE2);
    expect(s.phases.map((p) => p.phase)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(s.phases.map((p) => p.taps.length)).toEqual([4, 2, 2, 1]);
    expect(s.phases.map((p) => p.subKernelShape)).toEqual([[2, 2], [2, 1], [1, 2], [1, 1]]);
    expect(str(s.phases.map((p) => p.sum))).toEqual(["1", "-1", "2", "1"]);
    expect([s.countsEven, s.sumsEqual, s.insideEven]).toEqual([false, false, false]);
    expect(s.phases[0]!.positions).toEqual([[1, 3, 5], [1, 3, 5]]);
    expect(s.phases[0]!.blocks).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(str(s.phases[0]!.values)).toEqual(["2", "3", "-3", "5", "6", "-3", "7", "8", "9"]);
    expect(s.full).toEqual([0, 1, 2, 3]);
  });

  it("kernel [1,1], stride 2: even counts and equal sums; kernel [1,0]: even counts but unequal sums (uneven from the weights alone)", () => {
    const even = phasesOf({ input: "[1,2,3]", kernel: "[1,1]", stride: "2" });
    expect([even.countsEven, even.sumsEqual, even.insideEven]).toEqual([true, true, true]);
    const weights = phasesOf({ input: "[1,2,3]", kernel: "[1,0]", stride: "2" });
    expect([weights.countsEven, weights.sumsEqual, weights.insideEven]).toEqual([true, false, false]);
  });

  it("dilation 2 with stride 2 leaves phase 1 without taps: its grid is zeros", () => {
    const s = phasesOf({ input: "[1,2,3]", kernel: "[1,2]", stride: "2", dilation: "2" });
    expect(s.phases[1]!.taps).toEqual([]);
    expect(str(s.phases[1]!.values)).toEqual(["0", "0", "0"]);
    expect(s.countsEven).toBe(false);
  });

  it("a one-cell input with kernel [1,0,1,0], stride 2: no cell receives every tap of its phase", () => {
    const s = phasesOf({ input: "[5]", kernel: "[1,0,1,0]", stride: "2" });
    expect(s.inside).toEqual([]);
    expect(s.insideEven).toBeNull();
  });

  it("3-D stride 2 has eight phases, two of them shown in full (the focus cell's first)", () => {
    const s = phasesOf({ input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]", stride: "2" });
    expect(s.phases).toHaveLength(8);
    expect(s.full).toHaveLength(2);
    expect(s.full).toContain(s.focusPhase);
  });

  it("with channels, a bias and groups, the grids are output channel 0 of batch 0, bias included", () => {
    const d = explain(parseProblem({ layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]", stride: "2" }), { sections: ["phases"] });
    const s = d.steps[0] as PhasesStep;
    for (const p of s.phases) p.outputs.forEach((o, j) => expect(String(p.values[j])).toBe(String(d.output[o])));
  });
});

describe("where the phases section applies", () => {
  it("is in the default sections of a transposed problem with stride 2, right after overlap, and not with stride 1 or for --op conv", () => {
    const kinds = defaultSections(parseProblem(ONE_D).info);
    expect(kinds.slice(kinds.indexOf("overlap"), kinds.indexOf("overlap") + 3)).toEqual(["overlap", "phases", "check"]);
    expect(defaultSections(parseProblem({ input: "[1,2]", kernel: "[1,1]" }).info)).not.toContain("phases");
    expect(defaultSections(parseProblem({ op: "conv", input: "[1,2,3]", kernel: "[1,1]", stride: "2" }).info)).not.toContain("phases");
  });

  it("is in the defaults when only one axis has stride > 1", () => {
    expect(defaultSections(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,1],[1,1]]", stride: "1,2" }).info)).toContain("phases");
  });

  it("explain() refuses phases on a stride-1 problem with a TconvError naming sections", () => {
    expect(() => explain(parseProblem({ input: "[1,2]", kernel: "[1,1]" }), { sections: ["phases"] })).toThrow(TconvError);
    expect(() => explain(parseProblem({ input: "[1,2]", kernel: "[1,1]" }), { sections: ["phases"] })).toThrow(/needs a stride above 1/);
  });
});

describe("the facts the phases prose states agree with the algebra (random problems)", () => {
  const strided = intProblemArb("transposed").filter(({ info }) => info.axes.some((a) => a.stride > 1) && info.outCount * info.outChannels * info.batch <= 400);
  const toLiteral = (shape: readonly number[], values: readonly number[]): unknown => {
    if (shape.length === 0) return values[0];
    const n = values.length / shape[0]!;
    return Array.from({ length: shape[0]! }, (_, i) => toLiteral(shape.slice(1), values.slice(i * n, (i + 1) * n)));
  };

  it("inside cells of the all-ones output equal their phase's sum and have as many terms as the phase has taps; with every phase shown inside, 'even inside' is 'equal sums'; the grids interleave to the output", () => {
    fc.assert(fc.property(strided, ({ params, info, x, w, bias }) => {
      const problem = parseProblem({
        layout: "torch", input: JSON.stringify(toLiteral(info.inputShape, x)), kernel: JSON.stringify(toLiteral(info.weightShape, w)),
        ...(bias ? { bias: JSON.stringify(bias) } : {}),
        stride: params.stride.join(","), dilation: params.dilation.join(","), padding: [...params.padBegin, ...params.padEnd].join(","),
        outputPadding: params.outputPadding.join(","), groups: params.groups,
      });
      const d = explain(problem, { sections: ["phases"] });
      const s = d.steps[0] as PhasesStep;
      const counts = overlapCounts(d.info);
      for (const o of s.inside) {
        const p = s.phases[s.phaseOf[o]!]!;
        expect(String(s.ones[o])).toBe(String(p.sum));
        expect(counts[o]).toBe(p.taps.length);
      }
      for (const p of s.phases) p.outputs.forEach((o, j) => expect(String(p.values[j])).toBe(String(d.output[o])));
      expect(s.countsEven).toBe(s.phases.every((p) => p.taps.length === s.phases[0]!.taps.length));
      if (s.phases.every((p) => p.hasInside)) expect(s.insideEven).toBe(s.sumsEqual);
    }), { numRuns: 80 });
  });
});
