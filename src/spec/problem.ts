/**
 * The canonical problem every convention is translated into: channels-first, every parameter
 * given per spatial axis, padding split into begins and ends. Nothing below `spec/` ever sees a
 * framework-specific option again.
 */
export type Op = "transposed" | "conv";

/** A problem's parameters after translation: per spatial axis, channels-first, pads as begins and ends. */
export interface CanonicalParams {
  /** `transposed` (the default) or `conv`, ordinary cross-correlation as deep-learning libraries define it. */
  readonly op: Op;
  /** Spatial size of the operation's input, per axis. */
  readonly inputSize: readonly number[];
  /** Spatial size of the kernel, per axis. */
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padBegin: readonly number[];
  readonly padEnd: readonly number[];
  /** Extra cells at the end of each axis (transposed only; always 0 for `conv`). */
  readonly outputPadding: readonly number[];
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
}

/**
 * Fills the defaults for a single-image, single-channel problem given by spatial sizes only.
 *
 * @example
 * canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }).stride // → [1, 1]
 */
export function canonicalParams(
  p: Partial<CanonicalParams> & Pick<CanonicalParams, "inputSize" | "kernelSize">,
): CanonicalParams {
  const r = p.inputSize.length;
  const fill = (v: readonly number[] | undefined, value: number) => v ?? Array<number>(r).fill(value);
  return {
    op: p.op ?? "transposed",
    inputSize: p.inputSize,
    kernelSize: p.kernelSize,
    stride: fill(p.stride, 1),
    dilation: fill(p.dilation, 1),
    padBegin: fill(p.padBegin, 0),
    padEnd: fill(p.padEnd, 0),
    outputPadding: fill(p.outputPadding, 0),
    batch: p.batch ?? 1,
    inChannels: p.inChannels ?? 1,
    outChannels: p.outChannels ?? 1,
    groups: p.groups ?? 1,
  };
}
