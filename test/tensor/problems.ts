import fc from "fast-check";
import { computeConvInfo, type ConvInfo } from "../../src/geometry/index.ts";
import { canonicalParams, type CanonicalParams, type Op } from "../../src/spec/problem.ts";

/** A random problem with its integer data, channels-first as the core takes it. */
export interface IntProblem {
  readonly params: CanonicalParams;
  readonly info: ConvInfo;
  readonly x: number[];
  readonly w: number[];
  readonly bias: number[] | undefined;
}

const axisArb = fc.record({
  inSize: fc.integer({ min: 1, max: 5 }),
  kernel: fc.integer({ min: 1, max: 4 }),
  stride: fc.integer({ min: 1, max: 3 }),
  dilation: fc.integer({ min: 1, max: 3 }),
  padBegin: fc.integer({ min: 0, max: 3 }),
  padEnd: fc.integer({ min: 0, max: 3 }),
  outputPadding: fc.integer({ min: 0, max: 2 }),
});

/** Parameters of a random problem with every knob turned; output size at least 1 on every axis. */
export function paramsArb(op: Op, ranks: readonly number[] = [1, 2, 3]): fc.Arbitrary<CanonicalParams> {
  return fc
    .record({
      rank: fc.constantFrom(...ranks),
      axes: fc.array(axisArb, { minLength: 3, maxLength: 3 }),
      batch: fc.integer({ min: 1, max: 2 }),
      groups: fc.integer({ min: 1, max: 3 }),
      cig: fc.integer({ min: 1, max: 3 }),
      cog: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ rank, axes, batch, groups, cig, cog }) => {
      const ax = axes.slice(0, rank).map((a) => ({
        ...a,
        // Output padding must stay below max(stride, dilation), as PyTorch and ONNX require.
        outputPadding: op === "transposed" ? a.outputPadding % Math.max(a.stride, a.dilation) : 0,
      }));
      return canonicalParams({
        op,
        inputSize: ax.map((a) => a.inSize),
        kernelSize: ax.map((a) => a.kernel),
        stride: ax.map((a) => a.stride),
        dilation: ax.map((a) => a.dilation),
        padBegin: ax.map((a) => a.padBegin),
        padEnd: ax.map((a) => a.padEnd),
        outputPadding: ax.map((a) => a.outputPadding),
        batch,
        groups,
        inChannels: groups * cig,
        outChannels: groups * cog,
      });
    })
    .filter((p) => computeConvInfo(p).outSpatial.every((o) => o >= 1));
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A random problem with small integer data (so float64 sums are exact). */
export function intProblemArb(op: Op, ranks?: readonly number[]): fc.Arbitrary<IntProblem> {
  return paramsArb(op, ranks).chain((params) => {
    const info = computeConvInfo(params);
    const ints = (n: number) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n });
    return fc.record({
      x: ints(size(info.inputShape)),
      w: ints(size(info.weightShape)),
      bias: fc.option(ints(info.outChannels), { nil: undefined }),
    }).map(({ x, w, bias }) => ({ params, info, x, w, bias }));
  });
}
