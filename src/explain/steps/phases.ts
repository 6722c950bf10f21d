/**
 * Step 10, phases: the sub-pixel view of a transposed convolution with some stride > 1. The
 * output splits into ∏ s phase grids (geometry's phase tables); each is an ordinary stride-1
 * convolution of the input with a sub-kernel, and interleaving them rebuilds Y. The tap counts
 * per phase are the uneven overlap; the sub-kernel sums say whether a constant input comes out
 * as a checkerboard or the kernel compensates.
 */
import { phaseGrids, phasesView } from "../../algebra/views.ts";
import { Rational } from "../../algebra/rational.ts";
import { ringFor, type AlgebraValue } from "../../algebra/ring.ts";
import { exact, type ScalarTensor } from "../../algebra/scalar.ts";
import { computeConvInfo, type ConvInfo } from "../../geometry/conv-info.ts";
import { phaseOutputFlat, phaseTables, phaseTaps } from "../../geometry/phases.ts";
import { rowMajorStrides, unflatten } from "../../geometry/taps.ts";
import type { ExplainContext } from "../context.ts";
import type { PhaseEntry, PhasesStep } from "../types.ts";

/** Phases shown in full when there are more than this many (the rest are listed compactly). */
const FULL_LIMIT = 4;

/**
 * Whether the phases section applies: a transposed convolution with a stride above 1 on some axis.
 *
 * @example
 * phasesApply(parseProblem({ input: "[1,2]", kernel: "[1,1]", stride: "2" }).info) // → true
 */
export function phasesApply(info: ConvInfo): boolean {
  return info.op === "transposed" && info.axes.some((a) => a.stride > 1);
}

/**
 * Builds the phases step.
 *
 * @example
 * // kernel [1,2,1], stride 2: taps 0 and 2 reach the even outputs, tap 1 the odd ones
 * buildPhases(oneDCtx).phases.map((p) => p.taps.length) // → [2, 1]
 */
export function buildPhases(ctx: ExplainContext): PhasesStep {
  const { info, problem } = ctx;
  if (!phasesApply(info)) throw new Error("buildPhases: the phases view needs a transposed convolution with some stride > 1");
  const tables = phaseTables(info);
  const grids = phaseGrids(info, problem.x, problem.w, problem.bias);
  const kc = info.kernelCount;
  // The kernel slice c_in = 0, c_out = 0: the sub-kernels shown and the all-ones example use it.
  const slice: ScalarTensor = { shape: [1, 1, ...info.kernelSpatial], data: problem.w.data.slice(0, kc) };
  const ring = ringFor(slice);
  const kStr = rowMajorStrides(info.kernelSpatial);

  // The all-ones input through one channel of the layer, computed by the phases view itself.
  const single = computeConvInfo({ ...problem.params, batch: 1, inChannels: 1, outChannels: 1, groups: 1 });
  const onesX: ScalarTensor = { shape: single.inputShape, data: new Array(single.inCount).fill(exact(Rational.ONE)) };
  const ones = phasesView(single, onesX, slice).data as AlgebraValue[];

  const phaseOf = new Array<number>(info.outCount).fill(-1);
  const insideCell = new Array<boolean>(info.outCount).fill(false);
  const phases: PhaseEntry[] = tables.map((phase, p) => {
    const taps = phaseTaps(phase).map(({ tap, lag }) => ({ tap: tap.reduce((f, t, ax) => f + t * kStr[ax]!, 0), index: tap, lag }));
    const outputs: number[] = [];
    let hasInside = false;
    for (let j = 0; j < phase.gridCount; j++) {
      const o = phaseOutputFlat(info, phase, j);
      outputs.push(o);
      phaseOf[o] = p;
      // Inside: on every axis, every tap of the phase finds an input.
      const inside = unflatten(j, phase.gridShape).every((r, ax) => {
        const t = phase.axes[ax]!.table;
        return t.start[r + 1]! - t.start[r]! === phase.axes[ax]!.taps.length;
      });
      insideCell[o] = inside;
      hasInside ||= inside;
    }
    const sum = taps.reduce((acc, t) => ring.add(acc, ring.lift(slice.data[t.tap]!)), ring.zero());
    return {
      phase: phase.phase, taps, subKernelShape: phase.subKernelShape,
      gridShape: phase.gridShape, outputs,
      positions: phase.axes.map((a) => a.outputs), blocks: phase.axes.map((a) => a.blocks),
      values: grids[p]!.slice(0, phase.gridCount), sum, hasInside,
    };
  });
  if (phaseOf.some((p) => p < 0)) throw new Error("buildPhases: an output cell belongs to no phase");

  const inside = insideCell.flatMap((v, o) => (v ? [o] : []));
  const insideValues = inside.map((o) => ones[o]!);
  const focusPhase = phaseOf[ctx.focus % info.outCount]!;
  return {
    kind: "phases",
    strides: info.axes.map((a) => a.stride),
    phases,
    phaseOf,
    full: fullPhases(phases, focusPhase),
    focusPhase,
    ones,
    inside,
    countsEven: phases.every((p) => p.taps.length === phases[0]!.taps.length),
    sumsEqual: phases.every((p) => ring.equals(p.sum, phases[0]!.sum)),
    insideEven: insideValues.length === 0 ? null : insideValues.every((v) => ring.equals(v, insideValues[0]!)),
  };
}

/** All phases when few; else the focus cell's phase and one with a different tap count (or the next with cells). */
function fullPhases(phases: readonly PhaseEntry[], focus: number): number[] {
  if (phases.length <= FULL_LIMIT) return phases.map((_, p) => p);
  const count = phases[focus]!.taps.length;
  const other = phases.findIndex((p, i) => i !== focus && p.outputs.length > 0 && p.taps.length !== count);
  const next = other >= 0 ? other : phases.findIndex((p, i) => i !== focus && p.outputs.length > 0);
  return (next >= 0 ? [focus, next] : [focus]).sort((a, b) => a - b);
}
