import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisPhases, computeConvInfo, overlapCounts, phaseOutputFlat, phaseTables, phaseTaps, tapTables, unflatten } from "../../src/geometry/index.ts";
import { paramsArb } from "../tensor/problems.ts";
import { infoOf } from "../algebra/helpers.ts";

const pairs = (t: { start: Int32Array; index: Int32Array; tap: Int32Array }, row: number) =>
  Array.from({ length: t.start[row + 1]! - t.start[row]! }, (_, j) => [t.index[t.start[row]! + j]!, t.tap[t.start[row]! + j]!]);

describe("phase tables (the sub-pixel split of the index relation)", () => {
  it("kernel 3, stride 2, padding 1: phase 0 holds taps 0 and 2 at sub-kernel positions 0 and 1 and outputs 1, 3, 5; phase 1 holds tap 1 and outputs 0, 2, 4", () => {
    const info = infoOf({ inputSize: [3], kernelSize: [3], stride: [2], padBegin: [1], padEnd: [1], outputPadding: [1] });
    const [p0, p1] = axisPhases(info.axes[0]!);
    expect([p0!.taps, p0!.lags, p0!.outputs, p0!.blocks]).toEqual([[0, 2], [0, 1], [1, 3, 5], [1, 2, 3]]);
    expect([p1!.taps, p1!.lags, p1!.outputs, p1!.blocks]).toEqual([[1], [0], [0, 2, 4], [0, 1, 2]]);
  });

  it("dilation 2 with stride 2 puts every tap in phase 0 and leaves phase 1 without taps", () => {
    const info = infoOf({ inputSize: [3], kernelSize: [2], stride: [2], dilation: [2] });
    const [p0, p1] = axisPhases(info.axes[0]!);
    expect([p0!.taps, p0!.lags, p0!.subKernelSize]).toEqual([[0, 1], [0, 1], 2]);
    expect([p1!.taps, p1!.subKernelSize]).toEqual([[], 0]);
  });

  it("on random problems: the phases split the kernel taps and the output positions, and each phase row holds exactly the gather table's pairs of that output", () => {
    fc.assert(fc.property(paramsArb("transposed"), (params) => {
      const info = computeConvInfo(params);
      const gather = tapTables(info).gather;
      info.axes.forEach((axis, ax) => {
        const phases = axisPhases(axis);
        expect(phases).toHaveLength(axis.stride);
        expect(phases.flatMap((p) => p.taps).sort((a, b) => a - b)).toEqual(Array.from({ length: axis.kernel }, (_, t) => t));
        expect(phases.flatMap((p) => p.outputs).sort((a, b) => a - b)).toEqual(Array.from({ length: axis.outSize }, (_, o) => o));
        for (const p of phases) p.outputs.forEach((o, j) => expect(pairs(p.table, j)).toEqual(pairs(gather[ax]!, o)));
      });
    }), { numRuns: 200 });
  });

  it("on random problems: the pixel shuffle sends the phase grids onto every output cell once, and a cell whose every tap finds an input has as many terms as its phase has taps (the overlap is the tap count per phase)", () => {
    fc.assert(fc.property(paramsArb("transposed"), (params) => {
      const info = computeConvInfo(params);
      const counts = overlapCounts(info);
      const seen = new Array<number>(info.outCount).fill(0);
      for (const phase of phaseTables(info)) {
        expect(phaseTaps(phase)).toHaveLength(phase.tapCount);
        for (let j = 0; j < phase.gridCount; j++) {
          const o = phaseOutputFlat(info, phase, j);
          seen[o]!++;
          expect(counts[o]!).toBeLessThanOrEqual(phase.tapCount);
          const rowLengths = unflatten(j, phase.gridShape).map((r, ax) => pairs(phase.axes[ax]!.table, r).length);
          if (rowLengths.every((n, ax) => n === phase.axes[ax]!.taps.length)) expect(counts[o]!).toBe(phase.tapCount);
        }
      }
      expect(seen.every((n) => n === 1)).toBe(true);
    }), { numRuns: 200 });
  });
});
