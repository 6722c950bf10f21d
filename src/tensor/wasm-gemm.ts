import type { ConvInfo } from "../geometry/conv-info.ts";
import { col2im } from "./col2im.ts";
import { im2col } from "./im2col.ts";
import type { TapPlan } from "./tap-rows.ts";
import type { WasmKernel } from "./wasm/kernel.ts";

/**
 * The two matrix-product paths with the product done by the WebAssembly SIMD kernel: the same
 * algorithms as transposed-gemm.ts and conv-gemm.ts, with the operands laid out in the kernel's
 * memory (taken afresh per call from one reused, growable memory) and col2im / im2col running
 * in JavaScript on a float64 view of it. `f32` selects the f32x4 kernel (operands rounded to
 * float32 when packed — exact for float32 inputs — products summed in float32 within a depth
 * block of 256, blocks and taps summed in float64); otherwise f64x2.
 */

/** Columns per block of the transposed path: the block of cols stays within ~1 MB (L2 here). */
function wasmBlockWidth(rows: number, inCount: number): number {
  const w = Math.max(64, Math.floor(131072 / rows / 8) * 8);
  return Math.min(w, inCount);
}

/**
 * Transposed convolution: per image and group, cols = Wᵀ·X by the kernel, then col2im.
 *
 * @example
 * const out = new Float64Array(info.batch * info.outChannels * info.outCount);
 * transposedWasmAccumulate(wasmKernel()!, info, tapPlan(info), x, w, false, out);
 */
export function transposedWasmAccumulate(
  k: WasmKernel, info: ConvInfo, plan: TapPlan, x: Float64Array | Float32Array, w: Float64Array | Float32Array,
  f32: boolean, out: Float64Array,
): void {
  const { batch, groups, inChannels, outChannels, inCount, outCount, kernelCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const rows = cog * kernelCount;
  const width = wasmBlockWidth(rows, inCount);
  k.begin();
  const xAt = k.take(x.length * 8), wAt = k.take(w.length * 8);
  const paAt = k.take(k.packedABytes(rows, cig, f32)), colsAt = k.take(rows * width * 8);
  const heap = k.heap();
  heap.set(x, xAt / 8);
  heap.set(w, wAt / 8);
  for (let g = 0; g < groups; g++) {
    // The weight block of group g is [cig × (cog·K)] row-major; read as its transpose, packed once.
    k.packA(rows, cig, wAt + g * cig * rows * 8, 1, rows, paAt, f32);
    for (let n = 0; n < batch; n++) {
      const xBase = (n * inChannels + g * cig) * inCount;
      for (let lo = 0; lo < inCount; lo += width) {
        const hi = Math.min(inCount, lo + width);
        k.gemmPacked(rows, hi - lo, cig, paAt, xAt + (xBase + lo) * 8, inCount, colsAt, hi - lo, true, f32);
        col2im(plan, heap, colsAt / 8, cog, kernelCount, lo, hi, out, (n * outChannels + g * cog) * outCount, outCount);
      }
    }
  }
}

/**
 * Ordinary convolution: per image and group, im2col into the kernel's memory, then
 * W·cols by the kernel; the result is copied out of the kernel's memory over `out`.
 *
 * @example
 * const out = new Float64Array(info.batch * info.outChannels * info.outCount);
 * convWasmAccumulate(wasmKernel()!, info, tapPlan(info), x, w, false, out);
 */
export function convWasmAccumulate(
  k: WasmKernel, info: ConvInfo, plan: TapPlan, x: Float64Array, w: Float64Array | Float32Array,
  f32: boolean, out: Float64Array,
): void {
  const { batch, groups, inChannels, outChannels, inCount, outCount, kernelCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const depth = cig * kernelCount;
  k.begin();
  const wAt = k.take(w.length * 8), paAt = k.take(k.packedABytes(cog, depth, f32));
  const colsAt = k.take(depth * outCount * 8), outAt = k.take(out.length * 8);
  const heap = k.heap();
  heap.set(w, wAt / 8);
  for (let g = 0; g < groups; g++) {
    // The weight block of group g is [cog × (cig·K)] row-major, packed once for every image.
    k.packA(cog, depth, wAt + g * cog * depth * 8, depth, 1, paAt, f32);
    for (let n = 0; n < batch; n++) {
      im2col(plan, x, (n * inChannels + g * cig) * inCount, cig, kernelCount, inCount, heap, colsAt / 8, outCount);
      const oAt = outAt + (n * outChannels + g * cog) * outCount * 8;
      k.gemmPacked(cog, outCount, depth, paAt, colsAt, outCount, oAt, outCount, true, f32);
    }
  }
  out.set(heap.subarray(outAt / 8, outAt / 8 + out.length));
}
