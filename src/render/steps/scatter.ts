/** View of the scatter step: one grid per input value (its kernel copy, placed), then the sum. */
import { LIMITS, elide, omitted, withGaps } from "../../explain/elision.ts";
import type { ScatterStep } from "../../explain/types.ts";
import { indexText, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";
import { unflatten } from "../../geometry/taps.ts";

export interface CopyView {
  /** `x_{0,1}` coloured. */
  readonly name: string;
  /** The value (or user symbol), coloured. */
  readonly value: string;
  /** Output channel label when there are several (`c = 1`), else "". */
  readonly channel: string;
  /** The output grid with this copy placed (other cells 0). */
  readonly grid: string;
  readonly cropped: number;
  readonly focusMeets: boolean;
}

export interface ScatterView {
  readonly copies: readonly CopyView[];
  readonly omitted: number;
  readonly total: number;
  /** `G_0 + G_1 + … = Y` when every copy is shown and the maps are single; else undefined. */
  readonly sumEquation: string | undefined;
  readonly result: readonly MapView[];
  readonly channels: boolean;
  readonly croppedAny: boolean;
  readonly overlaps: boolean;
}

export function scatterView(step: ScatterStep, kit: MathKit): ScatterView {
  const { d } = kit;
  const info = d.info;
  const perOut = info.outCount;
  const focusInputs = new Set<number>();
  step.copies.forEach((c, i) => { if (c.placements.some(([o]) => o === d.focus)) focusInputs.add(i); });
  const shown = step.copies.length <= LIMITS.copies
    ? elide(step.copies.length, LIMITS.copies, 0, 0)
    : withGaps([...new Set([0, ...[...focusInputs].slice(0, LIMITS.copies - 2), step.copies.length - 1])].sort((a, b) => a - b));
  const copies: CopyView[] = [];
  for (const i of shown) {
    if (i === null) continue;
    const c = step.copies[i]!;
    const firstOut = c.placements[0]?.[0];
    const mapBase = firstOut === undefined ? 0 : firstOut - (firstOut % perOut);
    const placed = new Map<number, [number, number]>();
    for (const [o, k] of c.placements) if (o - (o % perOut) === mapBase) placed.set(o % perOut, [c.input, k]);
    const channel = Math.floor(mapBase / perOut) % info.outChannels;
    const keep = unflatten(d.focus % perOut, info.outSpatial);
    copies.push({
      name: kit.xName(c.input),
      value: kit.xValue(c.input),
      channel: info.outChannels > 1 ? indexText([channel], d.indexBase) : "",
      grid: kit.grid(info.outSpatial, (f) => {
        const term = placed.get(f);
        return term ? kit.termProduct(term) : "0";
      }, keep),
      cropped: c.cropped,
      focusMeets: focusInputs.has(i),
    });
  }
  const total = step.copies.length;
  const single = info.batch * info.outChannels === 1;
  const result = outputMaps(kit).maps;
  const sumEquation = single && total <= 4 && copies.length === total
    ? `${copies.map((c) => c.grid).join(" + ")} = ${result[0]!.tex}`
    : undefined;
  return {
    copies, omitted: omitted(shown, total), total, sumEquation, result, overlaps: step.overlaps,
    channels: info.outChannels > 1 || info.inChannels > 1, croppedAny: step.copies.some((c) => c.cropped > 0),
  };
}
