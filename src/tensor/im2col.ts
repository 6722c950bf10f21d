import { copyRows } from "./row-kernels.ts";
import type { TapPlan } from "./tap-rows.ts";

/**
 * Gathers the input of an ordinary convolution into columns: row (c·K + k) holds, for every
 * output cell, the input value kernel tap k reads from channel c (zero where the tap falls on
 * padding); `cols` is written from index `colsBase`. The convolution is then one matrix product W · cols. Positions come from the
 * geometry's gather table through the plan.
 *
 * @example
 * // x: one image's [inChannels × inCount] block; cols: [inChannels·kernelCount × outCount]
 * im2col(tapPlan(info), x, 0, 1, info.kernelCount, info.inCount, cols, 0, info.outCount);
 */
export function im2col(
  plan: TapPlan, x: Float64Array, xBase: number, inChannels: number, kernelCount: number, inCount: number,
  cols: Float64Array, colsBase: number, outCount: number,
): void {
  const taps = plan.taps;
  cols.fill(0, colsBase, colsBase + inChannels * kernelCount * outCount);
  for (let c = 0; c < inChannels; c++) {
    const xPlane = xBase + c * inCount;
    for (let t = 0; t < taps.length; t++) {
      const tap = taps[t]!, s = tap.last;
      copyRows(cols, colsBase + (c * kernelCount + tap.kernelOffset) * outCount + s.outStart, tap.outRow, s.outStep,
        x, xPlane + s.inStart, tap.inRow, s.inStep, s.count);
    }
  }
}
