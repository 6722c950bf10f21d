/**
 * Step 6, the direct-convolution view. For a transposed convolution: s − 1 zeros inserted between
 * input values, d(k − 1) − p of padding each side (plus output padding at the end), the kernel
 * rotated 180°, and a window sliding with stride 1. For an ordinary convolution the same picture
 * without zeros or flip: the padded input and a window moving by the stride.
 */
import { directConvInput } from "../../algebra/views.ts";
import { Rational } from "../../algebra/rational.ts";
import { exact } from "../../algebra/scalar.ts";
import { directConvGeometry, type DirectConvAxis } from "../../geometry/direct-conv.ts";
import { unflatten } from "../../geometry/taps.ts";
import type { ConvInfo } from "../../geometry/conv-info.ts";
import type { ExplainContext } from "../context.ts";
import type { DirectStep, WindowEntry } from "../types.ts";

/**
 * Which input cell each padded position holds (spatial flat, or −1 for a zero). Transposed: read
 * off the algebra layer's own zero-inserted input, built from a tensor of position numbers, so the
 * step and the view it describes cannot disagree.
 */
function transposedSource(info: ConvInfo): number[] {
  const positions = { shape: [1, 1, ...info.inSpatial], data: Array.from({ length: info.inCount }, (_, i) => exact(Rational.int(i + 1))) };
  const one = { ...info, batch: 1, inChannels: 1, inputShape: [1, 1, ...info.inSpatial] } as ConvInfo;
  return directConvInput(one, positions).data.map((s) => (s.kind === "exact" ? Number(s.value.num) - 1 : -1));
}

function convAxes(info: ConvInfo): DirectConvAxis[] {
  return info.axes.map((a) => ({
    zerosBetween: 0, dilatedSize: a.inSize, padBegin: a.padBegin, padEnd: a.padEnd,
    paddedSize: a.inSize + a.padBegin + a.padEnd, dilation: a.dilation, kernel: a.kernel, outSize: a.outSize,
  }));
}

function convSource(info: ConvInfo, axes: readonly DirectConvAxis[]): number[] {
  const shape = axes.map((a) => a.paddedSize);
  const count = shape.reduce((p, n) => p * n, 1);
  const out = new Array<number>(count);
  for (let q = 0; q < count; q++) {
    const idx = unflatten(q, shape);
    let flat = 0;
    for (let ax = 0; ax < info.rank && flat >= 0; ax++) {
      const u = idx[ax]! - axes[ax]!.padBegin;
      flat = u < 0 || u >= info.inSpatial[ax]! ? -1 : flat * info.inSpatial[ax]! + u;
    }
    out[q] = flat;
  }
  return out;
}

/**
 * Builds the direct step.
 *
 * @example
 * // the 2×2 input with k − 1 = 1 zero around it
 * buildDirect(seedCtx).padded.shape // → [4, 4]
 */
export function buildDirect(ctx: ExplainContext): DirectStep {
  const { info } = ctx;
  const transposed = info.op === "transposed";
  const axes = transposed ? directConvGeometry(info) : convAxes(info);
  const stride = transposed ? axes.map(() => 1) : info.axes.map((a) => a.stride);
  const source = transposed ? transposedSource(info) : convSource(info, axes);
  const windows: WindowEntry[] = [];
  for (let o = 0; o < info.outCount; o++) {
    const idx = unflatten(o, info.outSpatial);
    windows.push({ output: o, origin: idx.map((v, ax) => v * stride[ax]!) });
  }
  return {
    kind: "direct", op: info.op, axes, stride, flipped: transposed,
    padded: { shape: axes.map((a) => a.paddedSize), source }, windows,
  };
}
