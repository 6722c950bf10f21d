import type { ConvInfo } from "../geometry/conv-info.ts";
import { weightOffset } from "../geometry/taps.ts";
import { axpyRowsStrided, axpyRowsUnit } from "./row-kernels.ts";
import type { TapPlan } from "./tap-rows.ts";

/**
 * The direct path for problems with few channels, where a matrix product would be mostly
 * packing: for every (output channel, input channel, kernel tap) one scaled add of the input
 * rows that tap connects into the output rows it reaches. Works for both ops; only the weight
 * layout differs ([C_in, C_out/g, *k] transposed, [C_out, C_in/g, *k] conv: geometry's `weightOffset`).
 *
 * @example
 * const out = new Float64Array(info.batch * info.outChannels * info.outCount);
 * directAccumulate(info, tapPlan(info), x, w, out);
 */
export function directAccumulate(info: ConvInfo, plan: TapPlan, x: Float64Array, w: Float64Array, out: Float64Array): void {
  const { batch, groups, inChannels, outChannels, inCount, outCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const taps = plan.taps;
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      for (let col = 0; col < cog; col++) {
        const co = g * cog + col;
        const oPlane = (n * outChannels + co) * outCount;
        for (let cil = 0; cil < cig; cil++) {
          const ci = g * cig + cil;
          const xPlane = (n * inChannels + ci) * inCount;
          accumulateTaps(taps, out, oPlane, x, xPlane, w, weightOffset(info, ci, co));
        }
      }
    }
  }
}

/** One (output channel, input channel) pair: every kernel tap's scaled rows. */
function accumulateTaps(
  taps: TapPlan["taps"], out: Float64Array, oPlane: number, x: Float64Array, xPlane: number, w: Float64Array, wBase: number,
): void {
  for (let t = 0; t < taps.length; t++) {
    const tap = taps[t]!, s = tap.last;
    const wv = w[wBase + tap.kernelOffset]!;
    if (s.inStep === 1 && s.outStep === 1) {
      axpyRowsUnit(out, oPlane + s.outStart, tap.outRow, x, xPlane + s.inStart, tap.inRow, s.count, wv);
    } else {
      axpyRowsStrided(out, oPlane + s.outStart, tap.outRow, s.outStep, x, xPlane + s.inStart, tap.inRow, s.inStep, s.count, wv);
    }
  }
}
