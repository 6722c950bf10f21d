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

/** How big a random problem may get; the defaults turn every knob over a small range. */
export interface ParamsLimits {
  readonly input: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly pad: number;
  readonly outputPadding: number;
  readonly batch: number;
  readonly groups: number;
  /** Channels per group, in and out. */
  readonly channels: number;
  /** Largest output size per axis (keeps searches over cells cheap). */
  readonly output: number;
}

const defaultLimits: ParamsLimits = {
  input: 5, kernel: 4, stride: 3, dilation: 3, pad: 3, outputPadding: 2, batch: 2, groups: 3, channels: 3, output: Infinity,
};

/** Parameters of a random problem with every knob turned; output size at least 1 on every axis. */
export function paramsArb(op: Op, ranks: readonly number[] = [1, 2, 3], limits: Partial<ParamsLimits> = {}): fc.Arbitrary<CanonicalParams> {
  const l = { ...defaultLimits, ...limits };
  const axisArb = fc.record({
    inSize: fc.integer({ min: 1, max: l.input }),
    kernel: fc.integer({ min: 1, max: l.kernel }),
    stride: fc.integer({ min: 1, max: l.stride }),
    dilation: fc.integer({ min: 1, max: l.dilation }),
    padBegin: fc.integer({ min: 0, max: l.pad }),
    padEnd: fc.integer({ min: 0, max: l.pad }),
    outputPadding: fc.integer({ min: 0, max: l.outputPadding }),
  });
  const maxRank = Math.max(...ranks);
  return fc
    .record({
      rank: fc.constantFrom(...ranks),
      axes: fc.array(axisArb, { minLength: maxRank, maxLength: maxRank }),
      batch: fc.integer({ min: 1, max: l.batch }),
      groups: fc.integer({ min: 1, max: l.groups }),
      cig: fc.integer({ min: 1, max: l.channels }),
      cog: fc.integer({ min: 1, max: l.channels }),
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
    .filter((p) => computeConvInfo(p).outSpatial.every((o) => o >= 1 && o <= l.output));
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

/**
 * The first cell where two arrays differ ("cell i: a vs b", or a length mismatch), or "" when
 * they hold the same numbers. Much faster than `toEqual` on arrays of 10⁵ cells.
 */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string {
  if (a.length !== b.length) return `lengths ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i]! + 0, b[i]! + 0)) return `cell ${i}: ${a[i]} vs ${b[i]}`;
  return "";
}
