/**
 * Padding arithmetic: how much padding gives a wanted output size, and how the frameworks split
 * a total between the two ends of an axis. Both totals are the output-size formulas of
 * output-size.ts solved for the padding, so they follow the same index relation.
 */
import { transposedFullSize } from "./output-size.ts";

/**
 * Splits a total padding between the begin and the end of an axis, as the ONNX operator spec
 * does: with `oddAtEnd` (ONNX `SAME_UPPER`, TF `SAME`) an odd unit goes at the end, otherwise
 * (`SAME_LOWER`, and ConvTranspose's `output_shape` without auto_pad) at the start.
 *
 * @example
 * splitPadding(3, true)  // → [1, 2]
 * splitPadding(3, false) // → [2, 1]
 */
export function splitPadding(total: number, oddAtEnd: boolean): [begin: number, end: number] {
  const half = Math.floor(total / 2);
  const begin = oddAtEnd ? half : total - half;
  return [begin, total - begin];
}

/**
 * The total padding (begin + end) that makes a transposed convolution's output `output` cells
 * long: the full output plus output padding, minus what is wanted. Negative when more is wanted
 * than the kernel copies reach (ONNX then adds the difference as output padding at the end).
 *
 * @example
 * transposedTotalPadding(3, 3, 2, 1, 0, 6) // → 1   (full output 7, one cell cropped)
 * transposedTotalPadding(2, 2, 2, 1, 0, 5) // → -1
 */
export function transposedTotalPadding(
  input: number, kernel: number, stride: number, dilation: number, outputPadding: number, output: number,
): number {
  return transposedFullSize(input, kernel, stride, dilation) + outputPadding - output;
}

/**
 * The total padding an ordinary convolution needs for `output` window positions: the span of
 * that many windows, (output − 1)·s + d·(k − 1) + 1 (the transposed full size, read the other
 * way), minus the input; never negative.
 *
 * @example
 * convTotalPadding(5, 3, 2, 1, 3) // → 2
 * convTotalPadding(6, 1, 2, 1, 3) // → 0
 */
export function convTotalPadding(input: number, kernel: number, stride: number, dilation: number, output: number): number {
  return Math.max(0, transposedFullSize(output, kernel, stride, dilation) - input);
}

/**
 * The output size `same` padding aims at (ONNX auto_pad `SAME_*`, TF `SAME`): input · stride for
 * a transposed convolution, ⌈input / stride⌉ for an ordinary one.
 *
 * @example
 * sameOutputSize("transposed", 3, 2) // → 6
 * sameOutputSize("conv", 5, 2)       // → 3
 */
export function sameOutputSize(op: "transposed" | "conv", input: number, stride: number): number {
  return op === "transposed" ? input * stride : Math.ceil(input / stride);
}
