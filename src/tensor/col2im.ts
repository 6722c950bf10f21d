import { addRowsClipped } from "./row-kernels.ts";
import type { TapPlan } from "./tap-rows.ts";

/**
 * Scatter-adds the columns of a transposed convolution into its output: column row
 * (c·K + k) holds, for every input cell, the contribution of kernel tap k to output channel c;
 * tap k sends input cell a to output cell o exactly as the geometry's scatter table says, and
 * cells cropped by padding are absent from the plan, so nothing is written out of range.
 * `cols` (from index `colsBase`) may hold only the input cells [lo, hi) (row stride hi − lo), so
 * the product and the scatter can run block by block while the block is still in cache.
 *
 * @example
 * // cols: [outChannels·kernelCount × inCount]; out: the [outChannels × outCount] block of one image
 * col2im(tapPlan(info), cols, 0, 1, info.kernelCount, 0, info.inCount, out, 0, info.outCount);
 */
export function col2im(
  plan: TapPlan, cols: Float64Array, colsBase: number, outChannels: number, kernelCount: number, lo: number, hi: number,
  out: Float64Array, outBase: number, outCount: number,
): void {
  const taps = plan.taps, width = hi - lo;
  for (let c = 0; c < outChannels; c++) {
    const oPlane = outBase + c * outCount;
    for (let t = 0; t < taps.length; t++) {
      const tap = taps[t]!, s = tap.last;
      if (s.count > 1 && s.inStep !== 1) throw new Error("col2im: a transposed tap must read a contiguous run of inputs");
      addRowsClipped(out, oPlane + s.outStart, tap.outRow, s.outStep,
        cols, colsBase + (c * kernelCount + tap.kernelOffset) * width, tap.inRow, s.inStart, s.count, lo, hi);
    }
  }
}
