/**
 * View of the phases step: the phase map of the output, each phase's cells, sub-kernel and grid
 * (as TeX), the interleaved result, and the all-ones output with the facts the template's
 * sentences are chosen by.
 */
import { elide } from "../../explain/elision.ts";
import type { PhaseEntry, PhasesStep } from "../../explain/types.ts";
import { rowMajorStrides } from "../../geometry/taps.ts";
import { scalarCell, valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";

/** A phase shown in full. */
export interface PhaseFullView {
  /** The residues as text, `0, 1`. */
  readonly tuple: string;
  /** Per axis, which output positions form the grid (TeX), e.g. `j_{0} \in \{1, 3, 5\}`. */
  readonly positions: readonly string[];
  readonly cells: number;
  readonly tapCount: number;
  /** The taps' names, TeX, comma-separated ("" when the phase has none). */
  readonly taps: string;
  /** `K^{(φ)} = names = values` (TeX); "" when the phase has no tap. */
  readonly kernel: string;
  /** `Y^{(φ)} = X \ast K^{(φ)} = grid` (TeX); "" when no output cell has this phase. */
  readonly grid: string;
  readonly sum: string;
  readonly focus: boolean;
  /** Small enough to write the sub-kernel and the grid on one display line. */
  readonly together: boolean;
}

/** A phase listed in one line. */
export interface PhaseLineView {
  readonly tuple: string;
  readonly positions: readonly string[];
  readonly cells: number;
  readonly tapCount: number;
  readonly taps: string;
  readonly sum: string;
}

/** A run of phases left out of the compact list (a stride of 100 has 10 000 phases). */
export interface PhaseGapView {
  readonly gap: number;
}

/** Phase lines listed before the compact list elides its middle; the JSON keeps every phase. */
export const REST_LIMIT = 16;

export interface PhasesView {
  readonly count: number;
  readonly rank: number;
  /** The stride per axis when they differ, else the one stride (text). */
  readonly stride: string;
  readonly sameStride: boolean;
  readonly perAxis: readonly number[];
  /** The phase of every output cell, as a grid (TeX). */
  readonly phaseMap: string;
  /** The general cell of a phase grid and the interleaving formula (TeX). */
  readonly formula: string;
  readonly place: string;
  readonly full: readonly PhaseFullView[];
  /** The phases not shown in full, one line each; past {@link REST_LIMIT} the middle is one gap line. */
  readonly rest: readonly (PhaseLineView | PhaseGapView)[];
  /** How many phases `rest` stands for (shown lines plus gaps). */
  readonly restCount: number;
  readonly result: readonly MapView[];
  readonly ones: string;
  /** Taps per phase and sub-kernel sums, in phase order (TeX lists). */
  readonly counts: string;
  readonly sums: string;
  readonly minCount: number;
  readonly maxCount: number;
  readonly countsEven: boolean;
  readonly sumsEqual: boolean;
  readonly insideEven: boolean | null;
  /** Phases with output cells of which none receives every tap (the input is too small to show their sum). */
  readonly hidden: number;
  readonly noInside: boolean;
  /** More than one channel: the sub-kernels are the slice W_{0,0}, the grids output channel 0. */
  readonly channels: boolean;
  /** More than one input channel per group: a cell sums the taps once per channel. */
  readonly perChannel: boolean;
  /** The kernel slice holds symbols: unequal sums are unequal as expressions. */
  readonly symbolic: boolean;
  readonly bias: boolean;
  /** The focus cell and its phase. */
  readonly focusLabel: string;
  readonly focusTuple: string;
  readonly indexBase: number;
}

/** A list in phase order, its middle elided past 16 entries. */
function shortList(items: readonly string[], sep: string): string {
  return elide(items.length, 16, 8, 2).map((i) => (i === null ? "\\dots" : items[i]!)).join(sep);
}

const tupleOf = (p: PhaseEntry) => p.phase.join(", ");

export function phasesView(step: PhasesStep, kit: MathKit): PhasesView {
  const { d } = kit;
  const info = d.info;
  const base = d.indexBase;
  const rank = info.rank;
  const oName = (ax: number) => (rank === 1 ? "j" : `j_{${ax + base}}`);
  const list = (values: readonly number[]) => {
    const shown = elide(values.length, 12, 5, 2);
    return shown.map((i) => (i === null ? "\\dots" : String(values[i]! + base))).join(", ");
  };
  const mName = (ax: number) => (rank === 1 ? "m" : `m_{${ax + base}}`);
  const positions = (p: PhaseEntry, withBlocks: boolean) => p.positions.map((ps, ax) => (ps.length === 0
    ? `${oName(ax)} \\in \\varnothing`
    : `${oName(ax)} \\in \\{${list(ps)}\\}${withBlocks ? `\\ (${mName(ax)} \\in \\{${list(p.blocks[ax]!.map((m) => m - base))}\\})` : ""}`));
  const tapNames = (p: PhaseEntry) => p.taps.map((t) => kit.wName(t.tap)).join(", ");
  const sup = (p: PhaseEntry) => `^{(${p.phase.join(",")})}`;
  const channels = info.inChannels > 1 || info.outChannels > 1 || info.batch > 1;

  const subKernel = (p: PhaseEntry, cell: (t: number) => string) => {
    const str = rowMajorStrides(p.subKernelShape);
    const at = new Map<number, number>();
    for (const t of p.taps) at.set(t.lag.reduce((f, l, ax) => f + l * str[ax]!, 0), t.tap);
    return kit.grid(p.subKernelShape, (f) => (at.has(f) ? cell(at.get(f)!) : "0"));
  };

  const fullView = (p: PhaseEntry, index: number): PhaseFullView => {
    const names = p.taps.length > 0 ? subKernel(p, (t) => kit.wName(t)) : "";
    const values = p.taps.length > 0 ? subKernel(p, (t) => scalarCell(d.w.data[t]!)) : "";
    const conv = info.inChannelsPerGroup > 1
      ? `\\textstyle\\sum_{c} X_{c} \\ast K${sup(p)}_{c}`
      : `X \\ast K${sup(p)}`;
    const empty = p.outputs.length === 0;
    return {
      tuple: tupleOf(p),
      positions: positions(p, true),
      cells: p.outputs.length,
      tapCount: p.taps.length,
      taps: tapNames(p),
      kernel: p.taps.length === 0 ? "" : `K${sup(p)} = ${names}${names === values ? "" : ` = ${values}`}`,
      grid: empty ? "" : `Y${sup(p)} = ${p.taps.length === 0 ? (d.bias ? "b" : "0") : `${conv}${d.bias ? " + b" : ""}`} = ${kit.grid(p.gridShape, (f) => valueTex(p.values[f]!))}`,
      sum: valueTex(p.sum),
      focus: index === step.focusPhase,
      together: rank <= 2 && p.taps.length > 0 && !empty
        && (p.gridShape[rank - 1] ?? 0) <= 6 && (p.subKernelShape[rank - 1] ?? 0) <= 3,
    };
  };
  const fullSet = new Set(step.full);
  const full = step.phases.flatMap((p, i) => (fullSet.has(i) ? [fullView(p, i)] : []));
  const restIndices = step.phases.flatMap((_, i) => (fullSet.has(i) ? [] : [i]));
  const shownRest = elide(restIndices.length, REST_LIMIT, 12, 2);
  const rest = shownRest.map((k, n): PhaseLineView | PhaseGapView => {
    if (k === null) return { gap: shownRest[n + 1]! - shownRest[n - 1]! - 1 };
    const p = step.phases[restIndices[k]!]!;
    return {
      tuple: tupleOf(p), positions: positions(p, false), cells: p.outputs.length, tapCount: p.taps.length,
      taps: tapNames(p), sum: valueTex(p.sum),
    };
  });

  const focus = d.focus % info.outCount;
  const sameStride = step.strides.every((s) => s === step.strides[0]);
  const counts = step.phases.map((p) => p.taps.length);
  const hidden = step.phases.filter((p) => p.outputs.length > 0 && !p.hasInside).length;
  return {
    count: step.phases.length,
    rank,
    stride: sameStride ? String(step.strides[0]) : step.strides.join(", "),
    sameStride,
    perAxis: step.strides,
    phaseMap: kit.grid(info.outSpatial, (f) => {
      const t = step.phases[step.phaseOf[f]!]!.phase;
      const text = rank === 1 ? String(t[0]) : `(${t.join(",")})`;
      return f === focus ? `\\boxed{${text}}` : text;
    }),
    formula: `Y^{(\\varphi)}_{m} = \\sum_{q} K^{(\\varphi)}_{q}\\, x_{m-q}`,
    place: `y_{m s + \\varphi - p} = Y^{(\\varphi)}_{m}`,
    full,
    rest,
    restCount: restIndices.length,
    result: outputMaps(kit).maps,
    ones: kit.grid(info.outSpatial, (f) => valueTex(step.ones[f]!)),
    counts: shortList(counts.map(String), ", "),
    sums: shortList(step.phases.map((p) => valueTex(p.sum)), ",\\ "),
    minCount: Math.min(...counts),
    maxCount: Math.max(...counts),
    countsEven: step.countsEven,
    sumsEqual: step.sumsEqual,
    insideEven: step.insideEven,
    hidden,
    noInside: step.inside.length === 0,
    channels,
    perChannel: info.inChannelsPerGroup > 1,
    symbolic: d.w.data.slice(0, info.kernelCount).some((w) => w.kind === "symbol" || w.kind === "expression"),
    bias: d.bias !== undefined,
    focusLabel: d.names.y[d.focus]!,
    focusTuple: tupleOf(step.phases[step.focusPhase]!),
    indexBase: base,
  };
}
