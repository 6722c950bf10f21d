/**
 * The ways people get an output size wrong, one row each: the size the misuse gives on one axis,
 * and — when the misuse is a parameter change rather than a wrong formula — the change, so the
 * checker can also recompute the values it would give. A wrong claimed size is explained by the
 * rows whose size equals it.
 */
import type { AxisInfo } from "../../geometry/conv-info.ts";
import { convOutputSize, transposedFullSize, transposedOutputSize } from "../../geometry/output-size.ts";
import type { CanonicalParams, Op } from "../../spec/problem.ts";
import { perAxis } from "../mistakes/recompute.ts";

export type ShapeMisuseId =
  | "padding-counted-twice" | "padding-not-cropped" | "padding-added" | "output-padding-ignored"
  | "copies-not-overlapped" | "stride-zeros-wrong" | "stride-ignored" | "stride-on-kernel"
  | "dilation-ignored" | "input-not-minus-one" | "kernel-not-minus-one" | "plus-one-forgotten"
  | "conv-size-formula" | "transposed-size-formula";

export interface ShapeMisuse {
  readonly id: ShapeMisuseId;
  readonly op: Op;
  /** The size on this axis under the misuse, or undefined where the misuse cannot happen. */
  size(a: AxisInfo): number | undefined;
  /** The parameter change that is this misuse, on the given spatial axes. */
  change?(p: CanonicalParams, axes: readonly number[]): Partial<CanonicalParams>;
}

const T = (a: AxisInfo, o: Partial<Record<"i" | "k" | "s" | "d" | "pb" | "pe" | "op", number>>) =>
  transposedOutputSize(o.i ?? a.inSize, o.k ?? a.kernel, o.s ?? a.stride, o.d ?? a.dilation,
    o.pb ?? a.padBegin, o.pe ?? a.padEnd, o.op ?? a.outputPadding);
const padded = (a: AxisInfo) => a.padBegin + a.padEnd > 0;

/** In the order they are offered as "most likely" when several give the same size. */
export const shapeMisuses: readonly ShapeMisuse[] = [
  {
    id: "padding-counted-twice", op: "transposed",
    size: (a) => (padded(a) ? T(a, { pb: 2 * a.padBegin, pe: 2 * a.padEnd }) : undefined),
    change: (p, axes) => ({ padBegin: perAxis(p.padBegin, (v) => 2 * v, axes), padEnd: perAxis(p.padEnd, (v) => 2 * v, axes) }),
  },
  {
    id: "padding-not-cropped", op: "transposed",
    size: (a) => (padded(a) ? T(a, { pb: 0, pe: 0 }) : undefined),
    change: (p, axes) => ({ padBegin: perAxis(p.padBegin, () => 0, axes), padEnd: perAxis(p.padEnd, () => 0, axes) }),
  },
  {
    id: "padding-added", op: "transposed",
    size: (a) => (padded(a) ? transposedFullSize(a.inSize, a.kernel, a.stride, a.dilation) + a.padBegin + a.padEnd + a.outputPadding : undefined),
  },
  {
    id: "output-padding-ignored", op: "transposed",
    size: (a) => (a.outputPadding > 0 ? T(a, { op: 0 }) : undefined),
    change: (p, axes) => ({ outputPadding: perAxis(p.outputPadding, () => 0, axes) }),
  },
  {
    id: "copies-not-overlapped", op: "transposed",
    size: (a) => {
      const extent = a.dilation * (a.kernel - 1) + 1;
      return extent > a.stride && a.inSize > 1 ? T(a, { s: extent }) : undefined;
    },
    change: (p, axes) => ({ stride: perAxis(p.stride, (_, i) => p.dilation[i]! * (p.kernelSize[i]! - 1) + 1, axes) }),
  },
  {
    id: "stride-zeros-wrong", op: "transposed",
    size: (a) => (a.inSize > 1 ? T(a, { s: a.stride + 1 }) : undefined),
    change: (p, axes) => ({ stride: perAxis(p.stride, (s) => s + 1, axes) }),
  },
  {
    id: "stride-ignored", op: "transposed",
    size: (a) => (a.stride > 1 && a.inSize > 1 ? T(a, { s: 1 }) : undefined),
    change: (p, axes) => ({ stride: perAxis(p.stride, () => 1, axes) }),
  },
  {
    id: "stride-on-kernel", op: "transposed",
    size: (a) => (a.stride > 1 && a.kernel > 1 ? T(a, { d: a.dilation * a.stride }) : undefined),
    change: (p, axes) => ({ dilation: perAxis(p.dilation, (d, i) => d * p.stride[i]!, axes) }),
  },
  {
    id: "dilation-ignored", op: "transposed",
    size: (a) => (a.dilation > 1 && a.kernel > 1 ? T(a, { d: 1 }) : undefined),
    change: (p, axes) => ({ dilation: perAxis(p.dilation, () => 1, axes) }),
  },
  { id: "input-not-minus-one", op: "transposed", size: (a) => T(a, {}) + a.stride },
  { id: "kernel-not-minus-one", op: "transposed", size: (a) => T(a, {}) + a.dilation },
  { id: "plus-one-forgotten", op: "transposed", size: (a) => T(a, {}) - 1 },
  {
    id: "conv-size-formula", op: "transposed",
    size: (a) => convOutputSize(a.inSize, a.kernel, a.stride, a.dilation, a.padBegin, a.padEnd),
  },
  // Ordinary convolution.
  {
    id: "padding-not-cropped", op: "conv",
    size: (a) => (padded(a) ? convOutputSize(a.inSize, a.kernel, a.stride, a.dilation, 0, 0) : undefined),
    change: (p, axes) => ({ padBegin: perAxis(p.padBegin, () => 0, axes), padEnd: perAxis(p.padEnd, () => 0, axes) }),
  },
  {
    id: "padding-counted-twice", op: "conv",
    size: (a) => (padded(a) ? convOutputSize(a.inSize, a.kernel, a.stride, a.dilation, 2 * a.padBegin, 2 * a.padEnd) : undefined),
    change: (p, axes) => ({ padBegin: perAxis(p.padBegin, (v) => 2 * v, axes), padEnd: perAxis(p.padEnd, (v) => 2 * v, axes) }),
  },
  {
    id: "stride-ignored", op: "conv",
    size: (a) => (a.stride > 1 ? convOutputSize(a.inSize, a.kernel, 1, a.dilation, a.padBegin, a.padEnd) : undefined),
    change: (p, axes) => ({ stride: perAxis(p.stride, () => 1, axes) }),
  },
  {
    id: "dilation-ignored", op: "conv",
    size: (a) => (a.dilation > 1 ? convOutputSize(a.inSize, a.kernel, a.stride, 1, a.padBegin, a.padEnd) : undefined),
    change: (p, axes) => ({ dilation: perAxis(p.dilation, () => 1, axes) }),
  },
  {
    id: "plus-one-forgotten", op: "conv",
    size: (a) => convOutputSize(a.inSize, a.kernel, a.stride, a.dilation, a.padBegin, a.padEnd) - 1,
  },
  {
    id: "transposed-size-formula", op: "conv",
    size: (a) => transposedOutputSize(a.inSize, a.kernel, a.stride, a.dilation, a.padBegin, a.padEnd, 0),
  },
];
