/** fast-check generators of small, valid problems (any rank 1–3, channels, groups) for the checker. */
import fc from "fast-check";
import { Rational } from "../../src/algebra/rational.ts";
import { exact, type ScalarTensor } from "../../src/algebra/scalar.ts";
import { computeConvInfo } from "../../src/geometry/conv-info.ts";
import type { CheckProblem } from "../../src/check/problem.ts";
import type { CanonicalParams } from "../../src/spec/problem.ts";

const axis = fc.record({
  i: fc.integer({ min: 1, max: 4 }),
  k: fc.integer({ min: 1, max: 3 }),
  s: fc.integer({ min: 1, max: 3 }),
  d: fc.integer({ min: 1, max: 2 }),
  pb: fc.integer({ min: 0, max: 2 }),
  pe: fc.integer({ min: 0, max: 2 }),
  op: fc.integer({ min: 0, max: 2 }),
});

const tensor = (shape: number[]) =>
  fc.array(fc.integer({ min: -4, max: 4 }), { minLength: shape.reduce((a, b) => a * b, 1), maxLength: shape.reduce((a, b) => a * b, 1) })
    .map((v): ScalarTensor => ({ shape, data: v.map((n) => exact(Rational.int(n))) }));

/**
 * A valid problem: output padding below max(stride, dilation), every output size at least 1.
 * `channels` adds batch, channels and groups (torch layout); otherwise plain single-channel.
 */
export function arbitraryProblem(opts: { maxRank?: number; channels?: boolean; op?: "transposed" | "conv" } = {}): fc.Arbitrary<CheckProblem> {
  const chans = opts.channels
    ? fc.record({ n: fc.integer({ min: 1, max: 2 }), g: fc.integer({ min: 1, max: 2 }), cig: fc.integer({ min: 1, max: 2 }), cog: fc.integer({ min: 1, max: 2 }) })
    : fc.constant({ n: 1, g: 1, cig: 1, cog: 1 });
  return fc.tuple(fc.array(axis, { minLength: 1, maxLength: opts.maxRank ?? 2 }), chans, fc.constantFrom(opts.op ?? "transposed"))
    .map(([axes, c, op]) => {
      const fixed = axes.map((a) => ({ ...a, op: op === "transposed" ? a.op % Math.max(a.s, a.d) : 0 }));
      const params: CanonicalParams = {
        op,
        inputSize: fixed.map((a) => a.i), kernelSize: fixed.map((a) => a.k),
        stride: fixed.map((a) => a.s), dilation: fixed.map((a) => a.d),
        padBegin: fixed.map((a) => a.pb), padEnd: fixed.map((a) => a.pe), outputPadding: fixed.map((a) => a.op),
        batch: c.n, inChannels: c.g * c.cig, outChannels: c.g * c.cog, groups: c.g,
      };
      return params;
    })
    .filter((p) => computeConvInfo(p).axes.every((a) => a.outSize >= 1 && a.outSize <= 12))
    .chain((params) => {
      const info = computeConvInfo(params);
      return fc.tuple(tensor([...info.inputShape]), tensor([...info.weightShape]), fc.option(tensor([info.outChannels]), { nil: undefined }))
        .map(([x, w, bias]): CheckProblem => ({ params, info, x, w, ...(bias ? { bias } : {}), layout: opts.channels ? "torch" : "plain" }));
    });
}
