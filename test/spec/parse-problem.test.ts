import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScalarTensor } from "../../src/algebra/scalar.ts";
import { evaluate, nestedOutput } from "../../src/api/evaluate.ts";
import { TconvError } from "../../src/spec/error.ts";
import { permute } from "../../src/spec/layout.ts";
import { DEFAULT_MAX_TERMS, parseProblem, parseShapeProblem, termCount } from "../../src/spec/parse-problem.ts";

const show = (t: ScalarTensor) => ({ shape: t.shape, data: t.data.map((s) => (s.kind === "exact" ? s.value.toString() : s.kind)) });

describe("parseProblem: one canonical problem from every layout", () => {
  it("a plain problem is single-image, single-channel", () => {
    const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
    expect(p.info.inputShape).toEqual([1, 1, 2, 2]);
    expect(p.info.weightShape).toEqual([1, 1, 2, 2]);
    expect(p.outputShape).toEqual([3, 3]);
    expect(p.batched).toBe(false);
    expect(p.params).toMatchObject({ op: "transposed", stride: [1, 1], padBegin: [0, 0], padEnd: [0, 0], outputPadding: [0, 0], groups: 1 });
  });

  it("torch transposed: weight [C_in, C_out/g, *k], C_out = g · W.shape[1]", () => {
    const x = [[[[1]], [[2]], [[3]], [[4]]]]; // [1, 4, 1, 1]
    const w = Array.from({ length: 4 }, () => [[[1]], [[1]], [[1]]]); // [4, 3, 1, 1]
    const p = parseProblem({ layout: "torch", input: x, kernel: w, groups: 2 });
    expect(p.info.outChannels).toBe(6);
    expect(p.outputShape).toEqual([1, 6, 1, 1]);
  });

  it("torch conv: weight [C_out, C_in/g, *k]", () => {
    const x = [[[[1, 2]], [[3, 4]]]]; // [1, 2, 1, 2]
    const w = [[[[1, 1]]], [[[1, -1]]], [[[2, 0]]], [[[0, 2]]]]; // [4, 1, 1, 2]
    const p = parseProblem({ layout: "torch", op: "conv", input: x, kernel: w, groups: 2 });
    expect(p.info.outChannels).toBe(4);
    expect(nestedOutput(evaluate(p))).toEqual([[[[3]], [[-1]], [[6]], [[8]]]]);
  });

  it("tf transposed kernels [*k, C_out, C_in] land in canonical [C_in, C_out, *k]", () => {
    // k = 1×2, C_out = 1, C_in = 2: tf[0][j][0][c] → canonical[c][0][0][j].
    const p = parseProblem({ layout: "tf", input: [[[1, 2]]], kernel: [[[[1, 2]], [[3, 4]]]] });
    expect(show(p.w)).toEqual({ shape: [2, 1, 1, 2], data: ["1", "3", "2", "4"] });
    expect(show(p.x)).toEqual({ shape: [1, 2, 1, 1], data: ["1", "2"] });
  });

  it("bias: a number, a bare list or an array, one per output channel", () => {
    expect(show(parseProblem({ input: "[1]", kernel: "[1]", bias: 5 }).bias!)).toEqual({ shape: [1], data: ["5"] });
    const torch = { layout: "torch", input: [[[1]]], kernel: [[[1], [1]]] };
    expect(show(parseProblem({ ...torch, bias: "1/2, 3" }).bias!)).toEqual({ shape: [2], data: ["1/2", "3"] });
    expect(() => parseProblem({ ...torch, bias: [1] })).toThrow(/one value per output channel: 2 values/);
  });

  it("library errors name the property, CLI errors the option", () => {
    try {
      parseProblem({ input: "[1]", kernel: "[1]", stride: 0 });
      expect.unreachable();
    } catch (e) {
      expect((e as TconvError).path).toBe("stride");
    }
  });

  it("counts terms and refuses above the limit, saying how to raise it", () => {
    const p = parseShapeProblem({ layout: "torch", inputShape: [2, 3, 4, 4], kernelShape: [3, 5, 3, 3] });
    expect(termCount(p.info)).toBe(2 * 3 * 16 * 5 * 9);
    expect(DEFAULT_MAX_TERMS).toBe(50_000_000);
    const big = "[" + Array(100).fill("[" + Array(100).fill("1").join(",") + "]").join(",") + "]";
    expect(() => parseProblem({ input: big, kernel: big, maxTerms: 1e6 })).toThrow(/1\.00e\+8 multiply-add terms, above the limit of 1\.00e\+6; raise it with maxTerms 100000000/);
  });

  it("shape problems may take the kernel's values and keep them canonical", () => {
    const p = parseShapeProblem({ inputShape: "3,3", kernel: "[[a,b],[c,d]]", allowSymbols: true, op: "conv" });
    expect(p.outputShape).toEqual([2, 2]);
    expect(p.w?.shape).toEqual([1, 1, 2, 2]);
  });
});

/** Nested arrays from flat data and a shape, for building random tensors. */
function nest(flat: readonly number[], shape: readonly number[]): unknown {
  if (shape.length === 1) return [...flat];
  const step = flat.length / shape[0]!;
  return Array.from({ length: shape[0]! }, (_, i) => nest(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

describe("the same problem written in torch and tf layouts gives the same numbers", () => {
  it("for random 1-D/2-D problems with channels, groups, batch, stride and padding", () => {
    const problem = fc.record({
      rank: fc.integer({ min: 1, max: 2 }), batch: fc.integer({ min: 1, max: 2 }), groups: fc.integer({ min: 1, max: 2 }),
      cig: fc.integer({ min: 1, max: 2 }), cog: fc.integer({ min: 1, max: 2 }), size: fc.integer({ min: 1, max: 3 }),
      k: fc.integer({ min: 1, max: 3 }), stride: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 1000 }),
      op: fc.constantFrom("transposed", "conv"),
    });
    fc.assert(fc.property(problem, (q) => {
      const r = q.rank, cin = q.cig * q.groups, cout = q.cog * q.groups;
      const sp = Array<number>(r).fill(q.op === "conv" ? q.size + q.k - 1 : q.size), ks = Array<number>(r).fill(q.k);
      const vals = (n: number, salt: number) => Array.from({ length: n }, (_, i) => ((i * 7 + q.seed + salt) % 11) - 5);
      const xShape = [q.batch, cin, ...sp];
      const wShape = q.op === "transposed" ? [cin, q.cog, ...ks] : [cout, q.cig, ...ks];
      const xs = vals(xShape.reduce((a, b) => a * b), 1), ws = vals(wShape.reduce((a, b) => a * b), 3);
      const spatial = Array.from({ length: r }, (_, i) => i + 2);
      const xTf = permute(xs, xShape, [0, ...spatial, 1]);
      const wTf = permute(ws, wShape, [...spatial, 1, 0]);
      const common = { op: q.op, groups: q.groups, stride: q.stride };
      const torch = evaluate({ ...common, layout: "torch", input: nest(xs, xShape) as number[], kernel: nest(ws, wShape) as number[] });
      const tf = evaluate({ ...common, layout: "tf", input: nest(xTf.data, xTf.shape) as number[], kernel: nest(wTf.data, wTf.shape) as number[] });
      const torchValues = torch.mode === "exact" ? torch.values.map((v) => v.toNumber()) : Array.from(torch.values);
      const tfValues = tf.mode === "exact" ? tf.values.map((v) => v.toNumber()) : Array.from(tf.values);
      const back = permute(torchValues, torch.shape, [0, ...spatial, 1]);
      expect(tf.shape).toEqual(back.shape);
      expect(tfValues).toEqual(back.data);
    }), { numRuns: 60 });
  });
});
