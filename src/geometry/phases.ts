/**
 * The sub-pixel (phase) tables of a transposed convolution, read off the one index relation
 * split by the stride (`wideSplit` in relation.ts): output position o has phase
 * (o + p_begin) mod s on each axis, and kernel tap t reaches only the outputs of the phase of
 * t·d. So the output falls into ∏ s phase grids, and phase φ's grid is an ordinary stride-1
 * convolution of the input with the sub-kernel of φ's taps: tap t sits at position
 * lag(t) = block(t·d) in the sub-kernel, and output block m reads input m − lag(t). Interleaving
 * the grids (pixel shuffle, depth-to-space) rebuilds the output.
 */
import type { AxisInfo, ConvInfo } from "./conv-info.ts";
import { wideSplit, widePosition } from "./relation.ts";
import { rowMajorStrides, toTable, type AxisTable } from "./taps.ts";

/** One phase on one axis. */
export interface AxisPhase {
  /** The residue φ: this phase's outputs have (o + p_begin) mod s = φ. */
  readonly phase: number;
  /** Kernel taps of the phase, ascending: the t whose t·d has phase φ. */
  readonly taps: readonly number[];
  /** Each tap's position in the sub-kernel: t·d = lag·s + φ. */
  readonly lags: readonly number[];
  /** Sub-kernel length on this axis: the largest lag + 1 (0 when the phase has no tap). */
  readonly subKernelSize: number;
  /** The phase's output positions, ascending (the phase grid's rows on this axis). */
  readonly outputs: readonly number[];
  /** Their blocks m (o + p_begin = m·s + φ): consecutive, one per output. */
  readonly blocks: readonly number[];
  /**
   * Rows = the phase's outputs; pairs (input position m − lag, tap) for the taps whose input
   * exists, in ascending input position: the same pairs as the gather table's row of that output.
   */
  readonly table: AxisTable;
}

/**
 * The phases of one axis (transposed convolution), φ = 0 … s − 1. Every pair is checked against
 * the relation itself (`widePosition(a, t) = o`).
 *
 * @example
 * axisPhases({ inSize: 4, kernel: 3, stride: 2, dilation: 1, padBegin: 0, padEnd: 0, outputPadding: 0, outSize: 9, fullSize: 9 })
 *   .map((p) => p.taps) // [[0, 2], [1]]
 */
export function axisPhases(axis: AxisInfo): AxisPhase[] {
  const taps: number[][] = [], lags: number[][] = [], outs: number[][] = [], blocks: number[][] = [];
  for (let phase = 0; phase < axis.stride; phase++) { taps.push([]); lags.push([]); outs.push([]); blocks.push([]); }
  for (let t = 0; t < axis.kernel; t++) {
    const { phase, block } = wideSplit(axis, widePosition(axis, 0, t));
    taps[phase]!.push(t); lags[phase]!.push(block);
  }
  for (let o = 0; o < axis.outSize; o++) {
    const { phase, block } = wideSplit(axis, o);
    outs[phase]!.push(o); blocks[phase]!.push(block);
  }
  return taps.map((ts, phase) => {
    const ls = lags[phase]!;
    const rows = outs[phase]!.map((o, j) => {
      const m = blocks[phase]![j]!;
      const row: [number, number][] = [];
      for (let i = ts.length - 1; i >= 0; i--) {
        const a = m - ls[i]!;
        if (a < 0 || a >= axis.inSize) continue;
        if (widePosition(axis, a, ts[i]!) !== o) throw new Error("axisPhases: the phase split disagrees with the index relation");
        row.push([a, ts[i]!]);
      }
      return row;
    });
    return Object.freeze({
      phase, taps: ts, lags: ls, subKernelSize: ls.length === 0 ? 0 : Math.max(...ls) + 1,
      outputs: outs[phase]!, blocks: blocks[phase]!, table: toTable(rows),
    });
  });
}

/** One N-D phase: a choice of one phase per axis. */
export interface Phase {
  /** φ per axis. */
  readonly phase: readonly number[];
  readonly axes: readonly AxisPhase[];
  /** The phase grid's shape: its outputs per axis (a 0 means no output cell has this phase). */
  readonly gridShape: readonly number[];
  readonly gridCount: number;
  /** The sub-kernel's shape: `subKernelSize` per axis. */
  readonly subKernelShape: readonly number[];
  /** Taps of the sub-kernel: the product of the per-axis tap counts. */
  readonly tapCount: number;
}

const cache = new WeakMap<ConvInfo, readonly Phase[]>();

/**
 * Every phase of a transposed convolution, row-major over the phase tuples (∏ s of them).
 *
 * @example
 * phaseTables(parseProblem({ input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" }).info).map((p) => p.tapCount) // [2, 1]
 */
export function phaseTables(info: ConvInfo): readonly Phase[] {
  if (info.op !== "transposed") throw new Error("phaseTables: only a transposed convolution has phases");
  let out = cache.get(info);
  if (out) return out;
  const perAxis = info.axes.map(axisPhases);
  let combos: AxisPhase[][] = [[]];
  for (const list of perAxis) combos = combos.flatMap((prefix) => list.map((p) => [...prefix, p]));
  out = Object.freeze(combos.map((axes) => {
    const gridShape = axes.map((a) => a.outputs.length);
    return Object.freeze({
      phase: axes.map((a) => a.phase),
      axes,
      gridShape,
      gridCount: gridShape.reduce((p, n) => p * n, 1),
      subKernelShape: axes.map((a) => a.subKernelSize),
      tapCount: axes.reduce((p, a) => p * a.taps.length, 1),
    });
  }));
  cache.set(info, out);
  return out;
}

/** The output spatial flat of cell `gridFlat` (row-major over the grid) of a phase grid: the pixel shuffle. */
export function phaseOutputFlat(info: ConvInfo, phase: Phase, gridFlat: number): number {
  const outStr = rowMajorStrides(info.outSpatial);
  let rest = gridFlat, flat = 0;
  for (let ax = info.rank - 1; ax >= 0; ax--) {
    const n = phase.gridShape[ax]!, j = rest % n;
    rest = (rest - j) / n;
    flat += phase.axes[ax]!.outputs[j]! * outStr[ax]!;
  }
  return flat;
}

/**
 * The taps of a phase's sub-kernel, row-major: each tap's multi-index in the kernel and its
 * position (lag) in the sub-kernel.
 */
export function phaseTaps(phase: Phase): { readonly tap: readonly number[]; readonly lag: readonly number[] }[] {
  let out: { tap: number[]; lag: number[] }[] = [{ tap: [], lag: [] }];
  for (const a of phase.axes) {
    out = out.flatMap((p) => a.taps.map((t, i) => ({ tap: [...p.tap, t], lag: [...p.lag, a.lags[i]!] })));
  }
  return out;
}
