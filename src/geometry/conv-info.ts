import type { CanonicalParams, Op } from "../spec/problem.ts";
import { convOutputSize, transposedFullSize, transposedOutputSize } from "./output-size.ts";

/** Everything known about one spatial axis, computed once. */
export interface AxisInfo {
  /** Spatial size of the operation's input on this axis. */
  readonly inSize: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBegin: number;
  readonly padEnd: number;
  readonly outputPadding: number;
  /** Spatial size of the operation's output on this axis. */
  readonly outSize: number;
  /**
   * Transposed: the size of the uncropped output, (i−1)s + d(k−1) + 1. Conv: the padded input
   * size i + p_begin + p_end.
   */
  readonly fullSize: number;
}

/**
 * The frozen shape record of a problem (after tfjs's `computeConv2DInfo`): every layer below
 * `spec/` takes this and never re-derives sizes from user arguments. Tensors are channels-first:
 * input [N, C_in, *in], output [N, C_out, *out]; weights [C_in, C_out/g, *k] for `transposed`
 * and [C_out, C_in/g, *k] for `conv` (as PyTorch and ONNX store them).
 */
export interface ConvInfo {
  readonly op: Op;
  readonly rank: number;
  readonly axes: readonly AxisInfo[];
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly inChannelsPerGroup: number;
  readonly outChannelsPerGroup: number;
  readonly inSpatial: readonly number[];
  readonly outSpatial: readonly number[];
  readonly kernelSpatial: readonly number[];
  /** Products of the spatial sizes. */
  readonly inCount: number;
  readonly outCount: number;
  readonly kernelCount: number;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly weightShape: readonly number[];
}

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/**
 * Computes the shape record. The parameters must already be validated (spec/ does that, in the
 * frameworks' words); this function only checks invariants it relies on.
 */
export function computeConvInfo(p: CanonicalParams): ConvInfo {
  const rank = p.inputSize.length;
  for (const [name, v] of Object.entries({
    kernelSize: p.kernelSize, stride: p.stride, dilation: p.dilation,
    padBegin: p.padBegin, padEnd: p.padEnd, outputPadding: p.outputPadding,
  })) {
    if (v.length !== rank) throw new Error(`computeConvInfo: ${name} has ${v.length} axes, expected ${rank}`);
  }
  const axes: AxisInfo[] = [];
  for (let i = 0; i < rank; i++) {
    const inSize = p.inputSize[i]!, kernel = p.kernelSize[i]!, stride = p.stride[i]!, dilation = p.dilation[i]!;
    const padBegin = p.padBegin[i]!, padEnd = p.padEnd[i]!;
    const outputPadding = p.op === "transposed" ? p.outputPadding[i]! : 0;
    const outSize = p.op === "transposed"
      ? transposedOutputSize(inSize, kernel, stride, dilation, padBegin, padEnd, outputPadding)
      : convOutputSize(inSize, kernel, stride, dilation, padBegin, padEnd);
    const fullSize = p.op === "transposed"
      ? transposedFullSize(inSize, kernel, stride, dilation)
      : inSize + padBegin + padEnd;
    axes.push(Object.freeze({ inSize, kernel, stride, dilation, padBegin, padEnd, outputPadding, outSize, fullSize }));
  }
  const inSpatial = axes.map((a) => a.inSize);
  const outSpatial = axes.map((a) => a.outSize);
  const kernelSpatial = axes.map((a) => a.kernel);
  const g = p.groups;
  const inChannelsPerGroup = p.inChannels / g;
  const outChannelsPerGroup = p.outChannels / g;
  if (!Number.isInteger(inChannelsPerGroup) || !Number.isInteger(outChannelsPerGroup)) {
    throw new Error("computeConvInfo: channels not divisible by groups (spec/ should have refused this)");
  }
  const weightShape = p.op === "transposed"
    ? [p.inChannels, outChannelsPerGroup, ...kernelSpatial]
    : [p.outChannels, inChannelsPerGroup, ...kernelSpatial];
  return Object.freeze({
    op: p.op,
    rank,
    axes: Object.freeze(axes),
    batch: p.batch,
    inChannels: p.inChannels,
    outChannels: p.outChannels,
    groups: g,
    inChannelsPerGroup,
    outChannelsPerGroup,
    inSpatial: Object.freeze(inSpatial),
    outSpatial: Object.freeze(outSpatial),
    kernelSpatial: Object.freeze(kernelSpatial),
    inCount: product(inSpatial),
    outCount: product(outSpatial),
    kernelCount: product(kernelSpatial),
    inputShape: Object.freeze([p.batch, p.inChannels, ...inSpatial]),
    outputShape: Object.freeze([p.batch, p.outChannels, ...outSpatial]),
    weightShape: Object.freeze(weightShape),
  });
}
