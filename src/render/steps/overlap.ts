/** View of the overlap step: the counts grid, the per-axis pattern and Distill's rule. */
import type { OverlapStep } from "../../explain/types.ts";
import { indexText, type MathKit } from "../math.ts";
import { unflatten } from "../../geometry/taps.ts";

export interface OverlapAxisView {
  readonly axis: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly counts: string;
  readonly divisible: boolean;
  readonly even: boolean;
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
      divisible: a.divisible, even: a.even,
    })),
    even: step.even,
    // The same name the other sections give this cell (with the channel index on multi-channel problems).
    focusLabel: d.names.y[d.focus] ?? `y_{${indexText(keep, d.indexBase)}}`,
    focusCount: step.counts[step.focus]!,
    meeting: step.meeting.map((i) => kit.xName(i)),
    maxLevel: step.levels[step.levels.length - 1]!,
    minLevel: step.levels[0]!,
    channelFactor: d.info.inChannelsPerGroup,
  };
}
