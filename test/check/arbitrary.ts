/** fast-check generators of small, valid problems (any rank 1–3, channels, groups) for the checker. */
import fc from "fast-check";
import { Rational } from "../../src/algebra/rational.ts";
import { exact, type ScalarTensor } from "../../src/algebra/scalar.ts";
import { computeConvInfo } from "../../src/geometry/conv-info.ts";
import type { CheckProblem } from "../../src/check/problem.ts";
import { paramsArb } from "../tensor/problems.ts";

const tensor = (shape: number[]) =>
  fc.array(fc.integer({ min: -4, max: 4 }), { minLength: shape.reduce((a, b) => a * b, 1), maxLength: shape.reduce((a, b) => a * b, 1) })
    .map((v): ScalarTensor => ({ shape, data: v.map((n) => exact(Rational.int(n))) }));

/**
 * A valid problem (the shared generator of test/tensor/problems.ts, kept small so every
 * diagnosis is cheap to search). `channels` adds batch, channels and groups (torch layout);
 * otherwise plain single-channel.
 */
export function arbitraryProblem(opts: { maxRank?: number; channels?: boolean; op?: "transposed" | "conv" } = {}): fc.Arbitrary<CheckProblem> {
  const ranks = Array.from({ length: opts.maxRank ?? 2 }, (_, i) => i + 1);
  const perChannel = opts.channels ? 2 : 1;
  return paramsArb(opts.op ?? "transposed", ranks, {
    input: 4, kernel: 3, stride: 3, dilation: 2, pad: 2, outputPadding: 2,
    batch: perChannel, groups: perChannel, channels: perChannel, output: 12,
  })
    .chain((params) => {
      const info = computeConvInfo(params);
      return fc.tuple(tensor([...info.inputShape]), tensor([...info.weightShape]), fc.option(tensor([info.outChannels]), { nil: undefined }))
        .map(([x, w, bias]): CheckProblem => ({ params, info, x, w, ...(bias ? { bias } : {}), layout: opts.channels ? "torch" : "plain" }));
    });
}
