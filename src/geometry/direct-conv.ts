import type { ConvInfo } from "./conv-info.ts";
import { narrowPosition, widePosition, type AxisStep } from "./relation.ts";

/** One axis of the direct convolution that equals a transposed convolution. */
export interface DirectConvAxis {
  /** Zeros inserted between neighbouring input values: s − 1. */
  readonly zerosBetween: number;
  /** Input size after zero insertion: (i − 1)·s + 1. */
  readonly dilatedSize: number;
  /** Padding before: d·(k − 1) − p_begin (negative means that many cells are cropped). */
  readonly padBegin: number;
  /** Padding after: d·(k − 1) − p_end + output_padding. */
  readonly padEnd: number;
  /** Size after zero insertion and padding. */
  readonly paddedSize: number;
  /** The kernel's dilation is kept; the stride of the direct convolution is always 1. */
  readonly dilation: number;
  readonly kernel: number;
  /** Output size of the direct convolution; equal to the transposed output size. */
  readonly outSize: number;
}

/**
 * The direct-convolution view of a transposed convolution: insert s − 1 zeros between input
 * values, pad d(k − 1) − p on each side (plus output padding at the end), flip the kernel and
 * slide it with stride 1. Read off the relation o = a·s + t·d − p with t' = k − 1 − t.
 *
 * @example
 * const [g] = directConvGeometry(parseProblem({ input: "[1,2]", kernel: "[1,1]", stride: "2" }).info);
 * [g.dilatedSize, g.padBegin, g.padEnd, g.paddedSize, g.outSize] // → [3, 1, 1, 5, 4]
 */
export function directConvGeometry(info: ConvInfo): DirectConvAxis[] {
  if (info.op !== "transposed") throw new Error("directConvGeometry: only transposed problems have this view");
  return info.axes.map((a) => {
    const reach = a.dilation * (a.kernel - 1);
    const dilatedSize = (a.inSize - 1) * a.stride + 1;
    const padBegin = reach - a.padBegin;
    const padEnd = reach - a.padEnd + a.outputPadding;
    const paddedSize = dilatedSize + padBegin + padEnd;
    return {
      zerosBetween: a.stride - 1,
      dilatedSize,
      padBegin,
      padEnd,
      paddedSize,
      dilation: a.dilation,
      kernel: a.kernel,
      outSize: paddedSize - reach,
    };
  });
}

/**
 * One axis of the sliding-window picture, in the coordinates of the drawn input: for a transposed
 * convolution the zero-inserted input (input value a sits at a·s, padding at r < 0 and
 * r ≥ (i − 1)·s + 1), for an ordinary convolution the input itself (padding at r < 0, r ≥ i).
 * The window of output position o reads drawn tap t at `windowAt(o, t)`; the drawn kernel is
 * rotated by 180° for a transposed convolution, so drawn tap t is kernel tap `kernelTap(t)`.
 */
export interface DirectWindowAxis {
  /** The drawn positions are [lo, hi): every cell of the padded input, and any cropped input. */
  readonly lo: number;
  readonly hi: number;
  /** Where the window of output position `o` reads drawn tap `t`. */
  windowAt(o: number, t: number): number;
  /** The kernel tap drawn at position `t` of the drawn kernel: k − 1 − t (transposed) or t. */
  kernelTap(t: number): number;
  /** The input position held at r, or -1 for a zero (inserted or padding). */
  inputAt(r: number): number;
  /** Whether r is part of what the window slides over (false: cropped by negative padding). */
  inWindowRange(r: number): boolean;
  /** Whether r lies outside the (zero-inserted) input, i.e. is padding. */
  isPadding(r: number): boolean;
}

/**
 * The sliding-window picture of a problem, per axis, read off the index relation: for a
 * transposed convolution the direct convolution (`directConvGeometry`: stride 1, the kernel's
 * dilation, padding d(k − 1) − p_begin, kernel rotated), for an ordinary convolution the
 * problem's own window (its stride, dilation and padding). The SVG diagram and the playground's
 * stepper both take their window positions from here.
 *
 * @example
 * // Drawn: a padding zero, x0, an inserted zero, x1, a padding zero; the kernel rotated.
 * const [ax] = directWindowAxes(parseProblem({ input: "[1,2]", kernel: "[1,1]", stride: "2" }).info);
 * [ax.lo, ax.hi] // → [-1, 4]
 * ax.windowAt(1, 0) // → 0
 * ax.kernelTap(0) // → 1
 */
export function directWindowAxes(info: ConvInfo): DirectWindowAxis[] {
  if (info.op === "conv") {
    return info.axes.map((axis) => ({
      lo: -axis.padBegin,
      hi: axis.inSize + axis.padEnd,
      windowAt: (o, t) => widePosition(axis, o, t),
      kernelTap: (t) => t,
      inputAt: (r) => (r >= 0 && r < axis.inSize ? r : -1),
      inWindowRange: () => true,
      isPadding: (r) => r < 0 || r >= axis.inSize,
    }));
  }
  const geo = directConvGeometry(info);
  return info.axes.map((axis, ax) => {
    const g = geo[ax]!;
    // The inserted-zero grid places input a at a·s: the relation with dilation 1 and no padding.
    const insertion: AxisStep = { stride: axis.stride, dilation: 1, padBegin: 0 };
    // The direct convolution: stride 1, the kernel's dilation, padding g.padBegin.
    const slide: AxisStep = { stride: 1, dilation: g.dilation, padBegin: g.padBegin };
    return {
      lo: Math.min(0, -g.padBegin),
      hi: Math.max(g.dilatedSize, g.dilatedSize + g.padEnd),
      windowAt: (o, t) => widePosition(slide, o, t),
      kernelTap: (t) => axis.kernel - 1 - t,
      inputAt: (r) => {
        if (r < 0 || r >= g.dilatedSize) return -1;
        const a = narrowPosition(insertion, r, 0);
        return a >= 0 && a < axis.inSize ? a : -1;
      },
      inWindowRange: (r) => r >= -g.padBegin && r < g.dilatedSize + g.padEnd,
      isPadding: (r) => r < 0 || r >= g.dilatedSize,
    };
  });
}
