/**
 * The one index relation under every view of (transposed) convolution, per spatial axis:
 *
 *     wide = narrow · stride + tap · dilation − padBegin
 *
 * For a transposed convolution `narrow` is the input position a and `wide` the output position o
 * (o = a·s + t·d − p). For an ordinary convolution the roles swap: `narrow` is the output
 * position and `wide` the input position it reads. Every other module derives its indices from
 * these two functions, so there is exactly one place where the relation is written down.
 */
export interface AxisStep {
  readonly stride: number;
  readonly dilation: number;
  readonly padBegin: number;
}

/** The wide-side position reached from `narrow` through `tap`. */
export function widePosition(axis: AxisStep, narrow: number, tap: number): number {
  return narrow * axis.stride + tap * axis.dilation - axis.padBegin;
}

/**
 * The narrow-side position that reaches `wide` through `tap`, or -1 when none does
 * (the relation read backwards: (wide + p − t·d) must be a non-negative multiple of the stride).
 */
export function narrowPosition(axis: AxisStep, wide: number, tap: number): number {
  const shifted = wide + axis.padBegin - tap * axis.dilation;
  if (shifted < 0 || shifted % axis.stride !== 0) return -1;
  return shifted / axis.stride;
}

/**
 * The relation split by the stride: wide + p_begin = block·s + phase, with 0 ≤ phase < s.
 * Since wide + p = narrow·s + tap·d, a wide position has the phase of tap·d, which is the phase of
 * `widePosition(axis, 0, tap)`: a tap reaches only the wide positions of its own phase, and there
 * narrow = block(wide) − block(tap). This is the sub-pixel (phase) reading of the relation.
 */
export function wideSplit(axis: AxisStep, wide: number): { readonly block: number; readonly phase: number } {
  const shifted = wide + axis.padBegin, s = axis.stride;
  const phase = ((shifted % s) + s) % s;
  return { block: (shifted - phase) / s, phase };
}
