import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalParams } from "../../src/spec/problem.ts";
import { computeConvInfo, directConvGeometry, directWindowAxes, gatherTable } from "../../src/geometry/index.ts";

/** One axis of a problem: sizes small enough to enumerate, padding below the reach so the output exists. */
const axisProblem = fc.record({
  op: fc.constantFrom("transposed" as const, "conv" as const),
  inSize: fc.integer({ min: 1, max: 6 }), kernel: fc.integer({ min: 1, max: 4 }),
  stride: fc.integer({ min: 1, max: 3 }), dilation: fc.integer({ min: 1, max: 3 }),
  padBegin: fc.integer({ min: 0, max: 3 }), padEnd: fc.integer({ min: 0, max: 3 }), outputPadding: fc.integer({ min: 0, max: 2 }),
}).map((a) => {
  const outputPadding = a.op === "transposed" ? Math.min(a.outputPadding, Math.max(a.stride, a.dilation) - 1) : 0;
  return computeConvInfo(canonicalParams({
    op: a.op, inputSize: [a.inSize], kernelSize: [a.kernel], stride: [a.stride], dilation: [a.dilation],
    padBegin: [a.padBegin], padEnd: [a.padEnd], outputPadding: [outputPadding],
  }));
}).filter((info) => info.outSpatial[0]! >= 1);

/** (input position, kernel tap) pairs the window of output o meets on input values. */
function windowPairs(info: ReturnType<typeof computeConvInfo>, o: number): string[] {
  const ax = directWindowAxes(info)[0]!, pairs: string[] = [];
  for (let t = 0; t < info.axes[0]!.kernel; t++) {
    const r = ax.windowAt(o, t), a = ax.inputAt(r);
    if (a >= 0 && ax.inWindowRange(r)) pairs.push(`${a}:${ax.kernelTap(t)}`);
  }
  return pairs.sort();
}

describe("the sliding-window picture (directWindowAxes)", () => {
  it("meets, for every output position, exactly the (input, tap) pairs of the gather table", () => {
    fc.assert(fc.property(axisProblem, (info) => {
      const g = gatherTable(info.op, info.axes[0]!);
      for (let o = 0; o < info.outSpatial[0]!; o++) {
        const expected: string[] = [];
        for (let j = g.start[o]!; j < g.start[o + 1]!; j++) expected.push(`${g.index[j]}:${g.tap[j]}`);
        expect(windowPairs(info, o)).toEqual(expected.sort());
      }
    }), { numRuns: 300 });
  });

  it("keeps every window of a transposed convolution inside the drawn, padded input", () => {
    fc.assert(fc.property(axisProblem.filter((i) => i.op === "transposed"), (info) => {
      const ax = directWindowAxes(info)[0]!, k = info.axes[0]!.kernel;
      for (let o = 0; o < info.outSpatial[0]!; o++) {
        for (let t = 0; t < k; t++) {
          const r = ax.windowAt(o, t);
          expect(r >= ax.lo && r < ax.hi && ax.inWindowRange(r)).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  it("draws a stride-2 input of 2 with kernel 2 as pad, x0, zero, x1, pad, the kernel rotated", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2], kernelSize: [2], stride: [2] }));
    const ax = directWindowAxes(info)[0]!;
    expect([ax.lo, ax.hi]).toEqual([-1, 4]);
    expect([-1, 0, 1, 2, 3].map((r) => ax.inputAt(r))).toEqual([-1, 0, -1, 1, -1]);
    expect([-1, 0, 1, 2, 3].map((r) => ax.isPadding(r))).toEqual([true, false, false, false, true]);
    expect([0, 1].map((t) => ax.kernelTap(t))).toEqual([1, 0]);
    expect(directConvGeometry(info)[0]!.paddedSize).toBe(ax.hi - ax.lo);
  });

  it("marks input cut off by padding beyond the reach as outside the window's range", () => {
    // k = 2, p = 2: the direct view's padding is 1 − 2 = −1, so x0 at r = 0 is cropped.
    const info = computeConvInfo(canonicalParams({ inputSize: [3], kernelSize: [2], padBegin: [2], padEnd: [0] }));
    const ax = directWindowAxes(info)[0]!;
    expect(ax.lo).toBe(0);
    expect(ax.inWindowRange(0)).toBe(false);
    expect(ax.inWindowRange(1)).toBe(true);
  });
});
