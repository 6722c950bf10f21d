import type { ConvInfo } from "../geometry/conv-info.ts";
import { convGemmAccumulate } from "./conv-gemm.ts";
import { directAccumulate } from "./direct.ts";
import { tapPlan, type TapPlan } from "./tap-rows.ts";
import { transposedGemmAccumulate } from "./transposed-gemm.ts";
import { convWasm, directWasm, transposedWasm } from "./wasm-paths.ts";
import { wasmKernel } from "./wasm/kernel.ts";

export { tapPlan } from "./tap-rows.ts";
export type { AxisSegment, TapPlan, TapRows } from "./tap-rows.ts";

export { simdSupported } from "./wasm/kernel.ts";

/**
 * How the core computes a problem: `direct` for few channels; otherwise a matrix product plus
 * col2im (transposed) or im2col (conv), `gemm`. Each in JavaScript, or in WebAssembly SIMD
 * (`wasm-direct`, `wasm-gemm`) where available.
 */
export type TensorPath = "direct" | "gemm" | "wasm-direct" | "wasm-gemm";

let wasmAllowed = true;

/** The smallest problem (multiply-adds) `computeTensor` sends to WebAssembly. */
export const WASM_MIN_TERMS = 1024;

/**
 * Lets `computeTensor` use the WebAssembly kernel (the default) or not: with `false` it takes
 * only the JavaScript paths, as where WebAssembly SIMD is missing. Tests use it to run the
 * fallback; `computeTensorWith` with a `wasm-` path is not affected.
 *
 * @example
 * setWasmEnabled(false); // JavaScript only from now on
 */
export function setWasmEnabled(enabled: boolean): void { wasmAllowed = enabled; }

/**
 * Whether `computeTensor` may use the WebAssembly kernel: allowed by `setWasmEnabled` and the
 * engine runs WebAssembly SIMD (checked once).
 *
 * @example
 * wasmEnabled(); // true in Node 20 and current browsers
 */
export function wasmEnabled(): boolean { return wasmAllowed && wasmKernel() !== null; }

const plans = new WeakMap<ConvInfo, TapPlan>();

function planOf(info: ConvInfo): TapPlan {
  let plan = plans.get(info);
  if (!plan) { plan = tapPlan(info); plans.set(info, plan); }
  return plan;
}

/**
 * Whether the matrix-product path (im2col / col2im, JS or wasm) computes this problem, from the
 * channel counts alone: cheap, so the door's allocation limits (spec/limits.ts) can ask before
 * anything is built. Thresholds measured on 32×32 problems (k1–k5, 1–16 channels): the matrix
 * product wins from 3 reduction channels (transposed) or 4 output channels (conv) on.
 *
 * @example usesMatrixProduct(parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).info) // → false
 */
export function usesMatrixProduct(info: ConvInfo): boolean {
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  return info.op === "transposed" ? cig >= 3 && cog * info.kernelCount >= 4 : cog >= 4 && cig * info.kernelCount >= 4;
}

/**
 * The path `computeTensor` takes. A matrix product pays off once its 4×4 register tiles are
 * filled: the reduction (input channels for transposed; input channels × taps for conv) and the
 * rows it produces must both be a few wide; otherwise packing costs more than it saves. Either
 * runs in WebAssembly when `wasmEnabled()` and the problem has at least WASM_MIN_TERMS
 * multiply-adds.
 *
 * @example
 * choosePath(computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }))); // "direct"
 */
export function choosePath(info: ConvInfo): TensorPath {
  const cig = info.inChannelsPerGroup, cog = info.outChannelsPerGroup;
  const product = usesMatrixProduct(info);
  // Below ~1000 multiply-adds, copying into the kernel's memory costs more than it saves
  // (measured on 1–3-channel k2–k3 problems of 2²–12² cells: a µs either way).
  const wasm = wasmEnabled() && info.batch * info.groups * cig * cog * planOf(info).links >= WASM_MIN_TERMS;
  if (!product) return wasm ? "wasm-direct" : "direct";
  return wasm ? "wasm-gemm" : "gemm";
}

/** The core trusts its caller (the spec layer sized every tensor): a wrong length is a bug there. */
function checkLength(t: Float64Array | Float32Array, expected: number, name: string, shape: readonly number[]): void {
  if (t.length !== expected) {
    throw new RangeError(`computeTensor: ${name} has ${t.length} values, expected ${expected} for shape [${shape.join(", ")}]`);
  }
}

const asFloat64 = (t: Float64Array | Float32Array): Float64Array =>
  t instanceof Float64Array ? t : Float64Array.from(t);

/**
 * `computeTensor` with the path chosen by the caller (tests run every problem through each);
 * the `wasm-` paths throw where WebAssembly SIMD is unavailable.
 *
 * @example
 * computeTensorWith(info, x, w, undefined, "direct");
 */
export function computeTensorWith<T extends Float64Array | Float32Array>(
  info: ConvInfo, x: T, w: T, bias: T | undefined, path: TensorPath,
): T {
  const outChannels = info.outChannels;
  checkLength(x, info.inputShape.reduce((a, b) => a * b, 1), "input", info.inputShape);
  checkLength(w, info.weightShape.reduce((a, b) => a * b, 1), "weight", info.weightShape);
  if (bias) checkLength(bias, outChannels, "bias", [outChannels]);
  const isF32 = x instanceof Float32Array;
  if ((w instanceof Float32Array) !== isF32 || (bias !== undefined && (bias instanceof Float32Array) !== isF32)) {
    throw new TypeError("computeTensor: input, weight and bias must all be float64 or all float32");
  }
  const plan = planOf(info);
  let out: Float64Array;
  const inKernel = path === "wasm-direct" || path === "wasm-gemm";
  if (inKernel) {
    const k = wasmKernel();
    if (!k) throw new Error(`tensor: the ${path} path needs WebAssembly SIMD, which this engine lacks`);
    // The direct path computes in float64 like the JavaScript one. In the product, float32 runs
    // the f32x4 kernel (float32 products summed in float32 within a depth block, everything else
    // in float64); float64 the f64x2 kernel. The result is a view into the kernel's memory,
    // copied into the returned array below.
    if (path === "wasm-direct") out = directWasm(k, info, plan, x, w);
    else if (info.op === "transposed") out = transposedWasm(k, info, plan, x, w, isF32);
    else out = convWasm(k, info, plan, asFloat64(x), w, isF32);
  } else {
    // In JavaScript, float32 is computed in float64 and rounded once at the end: more accurate
    // than float32 accumulation, and V8 runs double arithmetic either way, so the hot loops stay
    // monomorphic.
    out = new Float64Array(info.batch * outChannels * info.outCount);
    const xd = asFloat64(x), wd = asFloat64(w);
    if (path === "direct") directAccumulate(info, plan, xd, wd, out);
    else if (info.op === "transposed") transposedGemmAccumulate(info, plan, xd, wd, out);
    else convGemmAccumulate(info, plan, xd, wd, out);
  }
  if (bias) {
    const oc = info.outCount;
    for (let n = 0; n < info.batch; n++) {
      for (let c = 0; c < outChannels; c++) {
        const b = bias[c]!, base = (n * outChannels + c) * oc;
        for (let j = 0; j < oc; j++) out[base + j] = out[base + j]! + b;
      }
    }
  }
  return (isF32 ? new Float32Array(out) : inKernel ? out.slice() : out) as T;
}

/**
 * The numeric core: a convolution (`info.op === "conv"`) or transposed convolution of canonical
 * channels-first tensors — x [N, C_in, *in], w [C_in, C_out/g, *k] (transposed) or
 * [C_out, C_in/g, *k] (conv), optional bias [C_out] — giving [N, C_out, *out] in the same array
 * type. Every index comes from the geometry layer's tap tables for `info`.
 *
 * @example
 * const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
 * Array.from(computeTensor(info, Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 0, 0, -1)))
 * // → [1, 2, 0, 3, 3, -2, 0, -3, -4]
 */
export function computeTensor<T extends Float64Array | Float32Array>(info: ConvInfo, x: T, w: T, bias?: T): T {
  return computeTensorWith(info, x, w, bias, choosePath(info));
}
