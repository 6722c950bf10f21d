import type { TapPlan } from "./tap-rows.ts";

/**
 * Scatter-adds the columns of a transposed convolution into its output: column row
 * (c·K + k) holds, for every input cell, the contribution of kernel tap k to output channel c;
 * tap k sends input cell a to output cell o exactly as the geometry's scatter table says, and
 * cells cropped by padding are absent from the plan, so nothing is written out of range.
 *
 * @example
 * // cols: [outChannels·kernelCount × inCount]; out: the [outChannels × outCount] block of one image
 * col2im(tapPlan(info), cols, 1, info.kernelCount, info.inCount, out, 0, info.outCount);
 */
export function col2im(
  plan: TapPlan, cols: Float64Array, outChannels: number, kernelCount: number, inCount: number,
  out: Float64Array, outBase: number, outCount: number,
): void {
  const taps = plan.taps;
  for (let c = 0; c < outChannels; c++) {
    const oPlane = outBase + c * outCount;
    for (let t = 0; t < taps.length; t++) {
      const tap = taps[t]!;
      const { count, inStart, inStep, outStart, outStep } = tap.last;
      const inRow = tap.inRow, outRow = tap.outRow, rows = inRow.length;
      const colBase = (c * kernelCount + tap.kernelOffset) * inCount + inStart;
      const oBase = oPlane + outStart;
      if (inStep === 1 && outStep === 1) {
        for (let r = 0; r < rows; r++) {
          const i0 = colBase + inRow[r]!, o0 = oBase + outRow[r]!;
          for (let j = 0; j < count; j++) out[o0 + j] = out[o0 + j]! + cols[i0 + j]!;
        }
      } else {
        for (let r = 0; r < rows; r++) {
          let i = colBase + inRow[r]!, o = oBase + outRow[r]!;
          for (let j = 0; j < count; j++, i += inStep, o += outStep) out[o] = out[o]! + cols[i]!;
        }
      }
    }
  }
}
