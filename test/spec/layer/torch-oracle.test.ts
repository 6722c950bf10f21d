import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, nestedOutput } from "../../../src/api/evaluate.ts";
import { shape } from "../../../src/api/shape.ts";
import { closeTo, runScripts } from "../../python.ts";

/** A random PyTorch layer string: module, rank, positional or keyword arguments, ints or tuples. */
const layerArb = fc.record({
  transposed: fc.boolean(),
  rank: fc.integer({ min: 1, max: 3 }),
  groups: fc.integer({ min: 1, max: 2 }),
  cig: fc.integer({ min: 1, max: 2 }),
  cog: fc.integer({ min: 1, max: 2 }),
  axes: fc.array(fc.record({
    k: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }),
    p: fc.integer({ min: 0, max: 2 }), op: fc.integer({ min: 0, max: 2 }), i: fc.integer({ min: 1, max: 4 }),
  }), { minLength: 3, maxLength: 3 }),
  tuples: fc.boolean(),
  positional: fc.integer({ min: 3, max: 9 }),
  bias: fc.boolean(),
  batched: fc.boolean(),
}).map((l) => {
  const axes = l.axes.slice(0, l.rank).map((a) => ({ ...a, op: a.op % Math.max(a.s, a.d) }));
  const per = (key: "k" | "s" | "d" | "p" | "op") => {
    const v = axes.map((a) => a[key]);
    return l.tuples || v.some((x) => x !== v[0]) ? `(${v.join(", ")}${v.length === 1 ? "," : ""})` : String(v[0]);
  };
  const cin = l.cig * l.groups, cout = l.cog * l.groups;
  const args: [string, string][] = l.transposed
    ? [["in_channels", String(cin)], ["out_channels", String(cout)], ["kernel_size", per("k")], ["stride", per("s")], ["padding", per("p")],
      ["output_padding", per("op")], ["groups", String(l.groups)], ["bias", l.bias ? "True" : "False"], ["dilation", per("d")]]
    : [["in_channels", String(cin)], ["out_channels", String(cout)], ["kernel_size", per("k")], ["stride", per("s")], ["padding", per("p")],
      ["dilation", per("d")], ["groups", String(l.groups)], ["bias", l.bias ? "True" : "False"]];
  const n = Math.min(l.positional, args.length);
  const text = `nn.${l.transposed ? "ConvTranspose" : "Conv"}${l.rank}d(${args.map(([k, v], i) => (i < n ? v : `${k}=${v}`)).join(", ")})`;
  const input = [...(l.batched ? [1] : []), cin, ...axes.map((a) => a.i)];
  return { text, input, bias: l.bias };
}).filter(({ text, input }) => {
  try { return shape({ torch: text, inputShape: input }).shape.every((o) => o >= 1); } catch { return false; }
});

describe("random PyTorch layer strings against PyTorch itself", () => {
  it("gives the module's output shape and numbers (weights and bias copied in)", () => {
    const layers = fc.sample(layerArb, { numRuns: 30, seed: 2026 });
    const size = (sh: readonly number[]) => sh.reduce((a, b) => a * b, 1);
    const nest = (flat: number[], sh: readonly number[]): unknown => sh.length <= 1 ? flat
      : Array.from({ length: sh[0]! }, (_, j) => nest(flat.slice(j * flat.length / sh[0]!, (j + 1) * flat.length / sh[0]!), sh.slice(1)));
    const cases = layers.map((l, k) => {
      const s = shape({ torch: l.text, inputShape: l.input }).problem;
      const ints = (m: number, seed: number) => Array.from({ length: m }, (_, i) => ((i * 5 + seed * 3) % 7) - 3);
      return { ...l, kernelShape: s.userShapes.kernel, x: ints(size(l.input), k), w: ints(size(s.userShapes.kernel), k + 1), b: l.bias ? ints(s.info.outChannels, k + 2) : undefined };
    });
    const results = runScripts(cases.map((c) => [
      "import json, torch", "from torch import nn",
      `m = ${c.text}.double()`,
      "with torch.no_grad():",
      `    m.weight.copy_(torch.tensor(${JSON.stringify(c.w)}, dtype=torch.float64).reshape(${JSON.stringify(c.kernelShape)}))`,
      c.b ? `    m.bias.copy_(torch.tensor(${JSON.stringify(c.b)}, dtype=torch.float64))` : "",
      `    y = m(torch.tensor(${JSON.stringify(c.x)}, dtype=torch.float64).reshape(${JSON.stringify(c.input)}))`,
      "print(json.dumps({'shape': list(y.shape), 'output': y.tolist()}))",
    ].join("\n")));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    cases.forEach((c, i) => {
      const res = results[i]!;
      if (!("stdout" in res)) throw new Error(`${c.text} on ${JSON.stringify(c.input)}: ${res.error}`);
      const theirs = JSON.parse(res.stdout) as { shape: number[]; output: unknown };
      const ours = evaluate({ torch: c.text, input: nest(c.x, c.input) as never, kernel: nest(c.w, c.kernelShape) as never, ...(c.b ? { bias: `[${c.b.join(",")}]` } : {}) });
      expect(ours.shape, c.text).toEqual(theirs.shape);
      expect(closeTo(nestedOutput(ours), theirs.output), `${c.text}: ${JSON.stringify(nestedOutput(ours))} vs ${JSON.stringify(theirs.output)}`).toBe(true);
    });
  }, 120_000);
});
