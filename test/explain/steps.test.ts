import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import type { CellsStep, CheckStep, DirectStep, OverlapStep, RoundtripStep, ScatterStep, SizeStep, Step } from "../../src/explain/types.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";
import { Rational } from "../../src/algebra/rational.ts";

const derive = (o: ProblemOptions, opts: Parameters<typeof explain>[1] = {}) => explain(parseProblem({ allowSymbols: true, ...o }), opts);
const step = <K extends Step["kind"]>(steps: readonly Step[], kind: K) => steps.find((s) => s.kind === kind) as Extract<Step, { kind: K }>;
const seed = derive({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
const num = (v: unknown) => (v instanceof Rational ? v.toNumber() : v);

describe("the seed problem [[1,2],[3,4]] with kernel [[1,0],[0,-1]], stride 1", () => {
  it("lists the nine sections in the default order", () => {
    expect(seed.steps.map((s) => s.kind)).toEqual(["problem", "size", "scatter", "cells", "matrix", "gradient", "direct", "roundtrip", "overlap", "check"]);
  });

  it("gives every cell its value: [[1,2,0],[3,3,-2],[0,-3,-4]]", () => {
    const cells = step(seed.steps, "cells") as CellsStep;
    expect(cells.cells.map((c) => num(c.value))).toEqual([1, 2, 0, 3, 3, -2, 0, -3, -4]);
  });

  it("writes y_{1,1} as x00·w11 + x01·w10 + x10·w01 + x11·w00 (input flat, weight flat)", () => {
    const cells = step(seed.steps, "cells") as CellsStep;
    expect(cells.cells[4]!.terms).toEqual([[0, 3], [1, 2], [2, 1], [3, 0]]);
    expect(cells.maxTerms).toBe(4);
  });

  it("explains the centre cell in full by default (the one with the most terms)", () => {
    expect(seed.focus).toBe(4);
  });

  it("puts the size formula's numbers per axis: i=2, k=2, s=1, p=0, d=1, op=0 → 3, the convolution of 3 giving 2", () => {
    const size = step(seed.steps, "size") as SizeStep;
    expect(size.axes[0]).toEqual({
      input: 2, kernel: 2, stride: 1, dilation: 1, padBegin: 0, padEnd: 0, outputPadding: 0, output: 3,
      convInput: 3, convOutput: 2, remainder: 0, growth: { stride: 0, reach: 1, leader: "reach" },
    });
  });

  it("scatters x01's copy of the kernel onto output cells 1, 2, 4, 5", () => {
    const scatter = step(seed.steps, "scatter") as ScatterStep;
    expect(scatter.copies[1]!.placements).toEqual([[1, 0], [2, 1], [4, 2], [5, 3]]);
  });

  it("pads the direct convolution by k−1 = 1 on each side, inserts no zeros and flips the kernel", () => {
    const direct = step(seed.steps, "direct") as DirectStep;
    expect(direct.axes.map((a) => [a.zerosBetween, a.padBegin, a.padEnd, a.paddedSize])).toEqual([[0, 1, 1, 4], [0, 1, 1, 4]]);
    expect(direct.flipped).toBe(true);
    expect(direct.padded.source).toEqual([-1, -1, -1, -1, -1, 0, 1, -1, -1, 2, 3, -1, -1, -1, -1, -1]);
  });

  it("shows that the round trip keeps the shape but not the values (CᵀC ≠ I)", () => {
    const r = step(seed.steps, "roundtrip") as RoundtripStep;
    expect(r.there.map(num)).toEqual([-2, 4, 6, 7]);
    expect(r.recovered).toBe(false);
    expect(r.identity).toBe(false);
  });

  it("counts overlaps [[1,2,1],[2,4,2],[1,2,1]], even inside", () => {
    const o = step(seed.steps, "overlap") as OverlapStep;
    expect(o.counts).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
    expect(o.even).toBe(true);
    expect(o.meeting).toEqual([0, 1, 2, 3]);
  });

  it("agrees with the tensor core to the last digit", () => {
    const c = step(seed.steps, "check") as CheckStep;
    expect(c.maxDifference).toBe(0);
    expect(c.agrees).toBe(true);
  });
});

describe("other problems", () => {
  it("stride 2 with padding 1 and output padding 1 inserts one zero and pads d(k−1)−p = 1 before, 2 after", () => {
    const d = derive({ input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" });
    const direct = step(d.steps, "direct") as DirectStep;
    expect(direct.axes[0]).toMatchObject({ zerosBetween: 1, dilatedSize: 5, padBegin: 1, padEnd: 2, paddedSize: 8, outSize: 6 });
    const o = step(d.steps, "overlap") as OverlapStep;
    expect(o.axes[0]!.divisible).toBe(false);
    expect(o.even).toBe(false);
  });

  it("seed 001's convolution of [[1..9]] with [[1,0],[0,-1]] gives −4 in every cell", () => {
    const d = derive({ op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" });
    expect(d.steps.map((s) => s.kind)).toEqual(["problem", "size", "direct", "cells", "matrix", "roundtrip", "check"]);
    expect(d.output.map(num)).toEqual([-4, -4, -4, -4]);
    const direct = step(d.steps, "direct") as DirectStep;
    expect(direct.flipped).toBe(false);
    expect(direct.windows.map((w) => w.origin)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });

  it("keeps symbolic inputs symbolic and checks them with numbers put in", () => {
    const d = derive({ input: "[[a,b],[c,d]]", kernel: "[[1,0],[0,-1]]" });
    expect(d.mode).toBe("symbolic");
    expect(String(d.output[4])).toBe("-a + d");
    const c = step(d.steps, "check") as CheckStep;
    expect(c.substitution.length).toBe(4);
    expect(c.agrees).toBe(true);
  });

  it("gives the grouped two-channel problem one block per group and adds the bias", () => {
    const d = derive({ layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]" });
    expect(d.output.map(num)).toEqual([2, 3, 1, 4, 4, -1, 1, -2, -3, -1, 4, 5, 4, 12, 7, 6, 7, -1]);
    expect(step(d.steps, "check").agrees).toBe(true);
  });

  it("honours --cell for the focus", () => {
    expect(derive({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }, { cell: [0, 2] }).focus).toBe(2);
  });

  it("follows --sections in the order given", () => {
    const d = derive({ input: "[1,2]", kernel: "[1,1]" }, { sections: ["check", "size"] });
    expect(d.steps.map((s) => s.kind)).toEqual(["check", "size"]);
  });
});

describe("how the padding was chosen", () => {
  it("--output-size 6 with stride 2, padding 1 records output padding 1 from the range 5..6", () => {
    const d = derive({ input: "[1,2,3]", kernel: "[1,1,1]", stride: "2", padding: "1", outputSize: "6" });
    const size = step(d.steps, "size") as SizeStep;
    expect(size.choices[0]).toMatchObject({ kind: "output-size", requested: 6, range: [5, 6], outputPadding: 1 });
    expect(size.axes[0]).toMatchObject({ output: 6, convInput: 6, convOutput: 3, remainder: 1 });
  });
});

describe("the scatter step keeps the bias out of the copies (issue 9, item 6)", () => {
  const grouped = derive({
    layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]",
  });
  it("with bias [1,-1], the sums before the bias are the output minus b_c, channel by channel", () => {
    const s = step(grouped.steps, "scatter") as ScatterStep;
    const bias = [1, -1];
    expect(s.unbiased?.map(num)).toEqual(grouped.output.map((v, f) => (num(v) as number) - bias[Math.floor(f / 9)]!));
  });
  it("without a bias there is nothing separate to record", () => {
    expect((step(seed.steps, "scatter") as ScatterStep).unbiased).toBeUndefined();
  });
});

describe("output padding at or above the stride, which a larger dilation allows", () => {
  it("derives every section, and the size step records that the convolution does not take the output back to the input", () => {
    const problem = parseProblem({ input: "[1,2,3]", kernel: "[1,-1]", dilation: 3, stride: 2, outputPadding: 2 });
    const d = explain(problem);
    const size = d.steps.find((s): s is SizeStep => s.kind === "size")!;
    expect(size.axes[0]!.output).toBe(10);
    expect(size.axes[0]!.convOutput).toBe(4);
    expect(size.axes[0]!.input).toBe(3);
  });

  it("keeps the plain relationship when output padding stays below the stride", () => {
    const size = explain(parseProblem({ input: "[1,2,3]", kernel: "[1,-1]", dilation: 3, stride: 2, outputPadding: 1 })).steps.find((s): s is SizeStep => s.kind === "size")!;
    expect(size.axes[0]!.convOutput).toBe(size.axes[0]!.input);
  });
});
