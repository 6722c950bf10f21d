import type { ConvInfo } from "./conv-info.ts";

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
