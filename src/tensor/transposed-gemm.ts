import type { ConvInfo } from "../geometry/conv-info.ts";
import { col2im } from "./col2im.ts";
import { gemm } from "./gemm.ts";
import type { TapPlan } from "./tap-rows.ts";

let colsScratch = new Float64Array(0);

/**
 * The channel-heavy transposed path: per image and group, cols = Wᵀ · X (a matrix product over
 * the input channels giving, for every output channel and kernel tap, a row over the input
 * cells), then col2im scatter-adds the rows into the output.
 *
 * @example
 * const out = new Float64Array(info.batch * info.outChannels * info.outCount);
 * transposedGemmAccumulate(info, tapPlan(info), x, w, out);
 */
export function transposedGemmAccumulate(
  info: ConvInfo, plan: TapPlan, x: Float64Array, w: Float64Array, out: Float64Array,
): void {
  const { batch, groups, inChannels, outChannels, inCount, outCount, kernelCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const rows = cog * kernelCount;
  if (colsScratch.length < rows * inCount) colsScratch = new Float64Array(rows * inCount);
  const cols = colsScratch;
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      // The weight block of group g is [cig × (cog·K)] row-major; read as its transpose.
      gemm(rows, inCount, cig,
        { data: w, offset: g * cig * rows, rowStride: 1, colStride: rows },
        { data: x, offset: (n * inChannels + g * cig) * inCount, rowStride: inCount },
        { data: cols, offset: 0, rowStride: inCount }, true);
      col2im(plan, cols, cog, kernelCount, inCount, out, (n * outChannels + g * cog) * outCount, outCount);
    }
  }
}
