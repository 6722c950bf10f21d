import type { ConvInfo } from "../geometry/conv-info.ts";
import { gemmPacked, packA } from "./gemm.ts";
import { im2col } from "./im2col.ts";
import type { TapPlan } from "./tap-rows.ts";

let colsScratch: Float64Array = new Float64Array(0);

/**
 * The channel-heavy ordinary-convolution path: per image and group, im2col gathers the input
 * windows into columns and one matrix product W · cols adds every output channel at once.
 *
 * @example
 * const out = new Float64Array(info.batch * info.outChannels * info.outCount);
 * convGemmAccumulate(info, tapPlan(info), x, w, out);
 */
export function convGemmAccumulate(
  info: ConvInfo, plan: TapPlan, x: Float64Array, w: Float64Array, out: Float64Array,
): void {
  const { batch, groups, inChannels, outChannels, inCount, outCount, kernelCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const depth = cig * kernelCount;
  if (colsScratch.length < depth * outCount) colsScratch = new Float64Array(depth * outCount);
  const cols = colsScratch;
  for (let g = 0; g < groups; g++) {
    // The weight block of group g is [cog × (cig·K)] row-major, packed once for every image.
    const pa = packA(cog, depth, { data: w, offset: g * cog * depth, rowStride: depth, colStride: 1 });
    for (let n = 0; n < batch; n++) {
      im2col(plan, x, (n * inChannels + g * cig) * inCount, cig, kernelCount, inCount, cols, 0, outCount);
      gemmPacked(pa, outCount, { data: cols, offset: 0, rowStride: outCount },
        { data: out, offset: (n * outChannels + g * cog) * outCount, rowStride: outCount }, false);
    }
  }
}
