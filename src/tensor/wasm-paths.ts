import type { ConvInfo } from "../geometry/conv-info.ts";
import { im2col } from "./im2col.ts";
import type { TapPlan } from "./tap-rows.ts";
import type { WasmKernel } from "./wasm/kernel.ts";

/**
 * The core's paths in WebAssembly SIMD. The two matrix-product paths: the same
 * algorithms as transposed-gemm.ts and conv-gemm.ts, with the operands laid out in the kernel's
 * memory (taken afresh per call from one reused, growable memory); col2im runs in the kernel,
 * im2col in JavaScript on a float64 view of it. `f32` selects the f32x4 kernel (operands rounded to
 * float32 when packed — exact for float32 inputs — products summed in float32 within a depth
 * block of 256, blocks and taps summed in float64); otherwise f64x2. And the direct path, all
 * in the kernel, in float64 with exactly the JavaScript direct path's arithmetic.
 */

/** Columns per block of the transposed path: the block of cols stays within ~1 MB (L2 here). */
function wasmBlockWidth(rows: number, inCount: number): number {
  const w = Math.max(64, Math.floor(131072 / rows / 8) * 8);
  return Math.min(w, inCount);
}

/** Cells of the output: batch × C_out × output cells. */
const outLength = (info: ConvInfo) => info.batch * info.outChannels * info.outCount;

/**
 * Transposed convolution: per image and group, cols = Wᵀ·X by the kernel, then col2im into an
 * output in the kernel's memory. Returns that output as a view, valid until the next call into
 * the kernel (the caller copies it into the array it returns).
 *
 * @example
 * const view = transposedWasm(wasmKernel()!, info, tapPlan(info), x, w, false);
 */
export function transposedWasm(
  k: WasmKernel, info: ConvInfo, plan: TapPlan, x: Float64Array | Float32Array, w: Float64Array | Float32Array, f32: boolean,
): Float64Array {
  const { batch, groups, inChannels, outChannels, inCount, outCount, kernelCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const rows = cog * kernelCount;
  const width = wasmBlockWidth(rows, inCount);
  k.begin();
  const xAt = k.take(x.length * 8), wAt = k.take(w.length * 8);
  const paAt = k.take(k.packedABytes(rows, cig, f32)), colsAt = k.take(rows * width * 8);
  const cells = outLength(info), outAt = k.take(cells * 8);
  const enc = encodePlan(plan), planAt = k.take(enc.length * 4);
  const heap = k.heap(), out = outAt / 8;
  new Int32Array(heap.buffer, planAt, enc.length).set(enc);
  heap.set(x, xAt / 8);
  heap.set(w, wAt / 8);
  heap.fill(0, out, out + cells);
  for (let g = 0; g < groups; g++) {
    // The weight block of group g is [cig × (cog·K)] row-major; read as its transpose, packed once.
    k.packA(rows, cig, wAt + g * cig * rows * 8, 1, rows, paAt, f32);
    for (let n = 0; n < batch; n++) {
      const xBase = (n * inChannels + g * cig) * inCount;
      for (let lo = 0; lo < inCount; lo += width) {
        const hi = Math.min(inCount, lo + width);
        k.gemmPacked(rows, hi - lo, cig, paAt, xAt + (xBase + lo) * 8, inCount, colsAt, hi - lo, true, f32);
        k.col2im(planAt, colsAt, cog, kernelCount, lo, hi, outAt + (n * outChannels + g * cog) * outCount * 8, outCount);
      }
    }
  }
  return heap.subarray(out, out + cells);
}

/**
 * Ordinary convolution: per image and group, im2col into the kernel's memory, then W·cols by
 * the kernel into an output there. Returns it as a view, valid until the next call into the kernel.
 *
 * @example
 * const view = convWasm(wasmKernel()!, info, tapPlan(info), x, w, false);
 */
export function convWasm(
  k: WasmKernel, info: ConvInfo, plan: TapPlan, x: Float64Array, w: Float64Array | Float32Array, f32: boolean,
): Float64Array {
  const { batch, groups, inChannels, outChannels, inCount, outCount, kernelCount } = info;
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const depth = cig * kernelCount;
  k.begin();
  const wAt = k.take(w.length * 8), paAt = k.take(k.packedABytes(cog, depth, f32));
  const cells = outLength(info), colsAt = k.take(depth * outCount * 8), outAt = k.take(cells * 8);
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
  return heap.subarray(outAt / 8, outAt / 8 + cells);
}

const encodedPlans = new WeakMap<TapPlan, Int32Array>();

/** The tap plan as the kernel's `direct` reads it (see ./wasm/assembly/gemm.ts); cached per plan. */
function encodePlan(plan: TapPlan): Int32Array {
  let enc = encodedPlans.get(plan);
  if (!enc) {
    const taps = plan.taps;
    const rows = taps.reduce((s, t) => s + t.inRow.length, 0);
    enc = new Int32Array(1 + 8 * taps.length + 2 * rows);
    enc[0] = taps.length;
    let r = 1 + 8 * taps.length;
    for (let i = 0; i < taps.length; i++) {
      const t = taps[i]!, s = t.last;
      enc.set([t.kernelOffset, t.inRow.length, s.count, s.inStart, s.inStep, s.outStart, s.outStep, r], 1 + 8 * i);
      for (let j = 0; j < t.inRow.length; j++, r += 2) { enc[r] = t.inRow[j]!; enc[r + 1] = t.outRow[j]!; }
    }
    encodedPlans.set(plan, enc);
  }
  return enc;
}

/**
 * The direct path in the kernel: x and w copied in (float32 widened to float64), the output
 * computed in the kernel's memory and returned as a view, valid until the next call into the kernel.
 *
 * @example
 * const view = directWasm(wasmKernel()!, info, tapPlan(info), x, w);
 */
export function directWasm(
  k: WasmKernel, info: ConvInfo, plan: TapPlan, x: Float64Array | Float32Array, w: Float64Array | Float32Array,
): Float64Array {
  k.begin();
  const enc = encodePlan(plan);
  const cells = outLength(info);
  const planAt = k.take(enc.length * 4), xAt = k.take(x.length * 8), wAt = k.take(w.length * 8), outAt = k.take(cells * 8);
  const heap = k.heap();
  new Int32Array(heap.buffer, planAt, enc.length).set(enc);
  heap.set(x, xAt / 8);
  heap.set(w, wAt / 8);
  heap.fill(0, outAt / 8, outAt / 8 + cells);
  k.direct(info, planAt, xAt, wAt, outAt);
  return heap.subarray(outAt / 8, outAt / 8 + cells);
}
