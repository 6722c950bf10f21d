import type { ConvInfo } from "../geometry/conv-info.ts";
import { col2im } from "./col2im.ts";
import { gemmPacked, packA } from "./gemm.ts";
import type { TapPlan } from "./tap-rows.ts";

let colsScratch: Float64Array = new Float64Array(0);

/** Columns per block: the block of cols (rows × width doubles) stays within ~512 KB of cache. */
export function blockWidth(rows: number, inCount: number): number {
  const w = Math.max(64, Math.floor(65536 / rows / 4) * 4);
  return Math.min(w, inCount);
}

/**
 * The channel-heavy transposed path: per image and group, cols = Wᵀ · X (a matrix product over
 * the input channels giving, for every output channel and kernel tap, a row over the input
 * cells), then col2im scatter-adds the rows into the output — block by block over the input
 * cells, so each block of cols is scattered while it is still in cache.
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
  const width = blockWidth(rows, inCount);
  if (colsScratch.length < rows * width) colsScratch = new Float64Array(rows * width);
  const cols = colsScratch;
  for (let g = 0; g < groups; g++) {
    // The weight block of group g is [cig × (cog·K)] row-major; read as its transpose, packed once.
    const pa = packA(rows, cig, { data: w, offset: g * cig * rows, rowStride: 1, colStride: rows });
    for (let n = 0; n < batch; n++) {
      const xBase = (n * inChannels + g * cig) * inCount;
      for (let lo = 0; lo < inCount; lo += width) {
        const hi = Math.min(inCount, lo + width);
        gemmPacked(pa, hi - lo, { data: x, offset: xBase + lo, rowStride: inCount }, { data: cols, offset: 0, rowStride: hi - lo }, true);
        col2im(plan, cols, 0, cog, kernelCount, lo, hi, out, (n * outChannels + g * cog) * outCount, outCount);
      }
    }
  }
}
