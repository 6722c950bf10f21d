/** View of the overlap step: the counts grid, the per-axis pattern and Distill's rule. */
import type { OverlapStep } from "../../explain/types.ts";
import { indexText, valueTex, type MathKit } from "../math.ts";
import { unflatten } from "../../geometry/taps.ts";

export interface OverlapAxisView {
  readonly axis: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly counts: string;
  readonly divisible: boolean;
  readonly even: boolean;
  readonly pattern: "constant" | "even-inside" | "uneven";
}

export interface OverlapView {
  readonly grid: string;
  readonly levels: string;
  readonly axes: readonly OverlapAxisView[];
  readonly even: boolean;
  readonly focusLabel: string;
  readonly focusCount: number;
  readonly meeting: readonly string[];
  readonly maxLevel: number;
  readonly minLevel: number;
  readonly channelFactor: number;
  readonly maxCount: number;
  /** The all-ones output (channel 0). */
  readonly ones: string;
  /** The distinct inside values of the all-ones output (at most 4 listed). */
  readonly onesValues: readonly string[];
  readonly onesEven: boolean;
  readonly checkerboard: boolean;
  readonly compensates: boolean;
  readonly dilated: boolean;
}

export function overlapView(step: OverlapStep, kit: MathKit): OverlapView {
  const { d } = kit;
  const keep = unflatten(step.focus, step.shape);
  return {
    grid: kit.grid(step.shape, (f) => (f === step.focus ? `\\boxed{${step.counts[f]}}` : String(step.counts[f]))
      , keep),
    levels: step.levels.join(", "),
    axes: step.axes.map((a, axis) => ({
      axis, kernel: a.kernel, stride: a.stride, dilation: a.dilation,
      counts: kit.grid([a.counts.length], (f) => String(a.counts[f])),
      divisible: a.divisible, even: a.even, pattern: a.pattern,
    })),
    even: step.even,
    // The same name the other sections give this cell (with the channel index on multi-channel problems).
    focusLabel: d.names.y[d.focus] ?? `y_{${indexText(keep, d.indexBase)}}`,
    focusCount: step.counts[step.focus]!,
    meeting: step.meeting.map((i) => kit.xName(i)),
    maxLevel: step.levels[step.levels.length - 1]!,
    minLevel: step.levels[0]!,
    channelFactor: d.info.inChannelsPerGroup,
    maxCount: step.maxCount,
    ones: kit.grid(step.shape, (f) => valueTex(step.ones[f]!), keep),
    onesValues: [...new Set(step.onesInside.map((f) => valueTex(step.ones[f]!)))].slice(0, 4),
    onesEven: step.onesEven, checkerboard: step.checkerboard, compensates: step.compensates,
    dilated: step.axes.some((a) => a.dilation > 1),
  };
}
