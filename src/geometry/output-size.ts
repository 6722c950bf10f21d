/**
 * Output sizes per axis. Both formulas are the relation `wide = narrow·s + t·d − p` solved for
 * the extent of the side being produced.
 */

/** Transposed: o = (i − 1)·s − p_begin − p_end + d·(k − 1) + output_padding + 1. */
export function transposedOutputSize(
  input: number, kernel: number, stride: number, dilation: number,
  padBegin: number, padEnd: number, outputPadding: number,
): number {
  return (input - 1) * stride - padBegin - padEnd + dilation * (kernel - 1) + outputPadding + 1;
}

/** Transposed output before padding crops it: every position a·s + t·d (the "full" output). */
export function transposedFullSize(input: number, kernel: number, stride: number, dilation: number): number {
  return (input - 1) * stride + dilation * (kernel - 1) + 1;
}

/** Ordinary convolution: o = ⌊(i + p_begin + p_end − d·(k − 1) − 1) / s⌋ + 1. */
export function convOutputSize(
  input: number, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number,
): number {
  const span = input + padBegin + padEnd - dilation * (kernel - 1) - 1;
  return Math.floor(span / stride) + 1;
}

/**
 * The smallest and largest transposed output sizes reachable by output padding
 * (PyTorch `output_size`): [min, min + max(stride, dilation) − 1].
 */
export function transposedOutputRange(
  input: number, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number,
): [number, number] {
  const min = transposedOutputSize(input, kernel, stride, dilation, padBegin, padEnd, 0);
  return [min, min + Math.max(stride, dilation) - 1];
}
