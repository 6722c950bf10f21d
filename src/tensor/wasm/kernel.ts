import type { ConvInfo } from "../../geometry/conv-info.ts";
import { kernelBase64 } from "./kernel-bytes.ts";

/**
 * The WebAssembly SIMD kernel (source: ./assembly/gemm.ts), instantiated once on first use,
 * with one memory reused by every call and grown when a problem needs more. No Node APIs: this
 * runs in the browser too.
 */
interface KernelExports {
  readonly memory: WebAssembly.Memory;
  readonly PACK_B_BYTES: WebAssembly.Global;
  readonly TILE_BYTES: WebAssembly.Global;
  packA(M: number, K: number, src: number, rowStride: number, colStride: number, dst: number, f32: number): void;
  gemmPacked(
    M: number, N: number, K: number, ap: number, b: number, bRowStride: number, c: number, cRowStride: number,
    overwrite: number, packBuf: number, tile: number, f32: number,
  ): void;
  col2im(plan: number, cols: number, cog: number, kernelCount: number, lo: number, hi: number, out: number, outCount: number): void;
  direct(
    batch: number, groups: number, inChannels: number, outChannels: number, inCount: number, outCount: number,
    kernelCount: number, transposed: number, plan: number, x: number, w: number, out: number,
  ): void;
}

/**
 * The smallest module that uses a SIMD instruction: `(func (result v128) i32.const 0
 * i8x16.splat)`. It validates exactly where WebAssembly SIMD is supported.
 */
export const simdProbe = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0x0b, // code: i32.const 0; i8x16.splat; end
);

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Whether this JavaScript engine runs WebAssembly with SIMD (checked once). */
export function simdSupported(): boolean {
  if (simdChecked === undefined) {
    simdChecked = typeof WebAssembly === "object" && typeof WebAssembly.validate === "function"
      && WebAssembly.validate(simdProbe);
  }
  return simdChecked;
}
let simdChecked: boolean | undefined;

const PAGE = 65536;

/**
 * The instantiated kernel and its memory. Regions for one computation are taken with `take`
 * after `begin` (a bump pointer over the memory past the fixed scratch), then `heap()` grows
 * the memory if needed and returns a float64 view of all of it.
 */
export class WasmKernel {
  readonly packB: number;
  readonly tile: number;
  private readonly fixedEnd: number;
  private cursor: number;
  private view: Float64Array;

  constructor(private readonly ex: KernelExports) {
    this.packB = 0;
    this.tile = this.packB + (ex.PACK_B_BYTES.value as number);
    this.fixedEnd = this.tile + (ex.TILE_BYTES.value as number);
    this.cursor = this.fixedEnd;
    this.view = new Float64Array(ex.memory.buffer);
  }

  /** Starts a new computation: every region taken before is free again. */
  begin(): void { this.cursor = this.fixedEnd; }

  /** Reserves `bytes` (rounded up to 16) and returns their byte address. */
  take(bytes: number): number {
    const at = this.cursor;
    this.cursor += Math.ceil(bytes / 16) * 16;
    return at;
  }

  /** The whole memory as float64, grown first to hold everything taken since `begin`. */
  heap(): Float64Array {
    const mem = this.ex.memory;
    if (mem.buffer.byteLength < this.cursor) mem.grow(Math.ceil((this.cursor - mem.buffer.byteLength) / PAGE));
    if (this.view.buffer !== mem.buffer) this.view = new Float64Array(mem.buffer);
    return this.view;
  }

  /** Bytes of memory the kernel holds now. */
  get memoryBytes(): number { return this.ex.memory.buffer.byteLength; }

  /** Packs A (float64 at byte `src`, element strides) for `gemmPacked`; see ./assembly/gemm.ts. */
  packA(M: number, K: number, src: number, rowStride: number, colStride: number, dst: number, f32: boolean): void {
    this.ex.packA(M, K, src, rowStride, colStride, dst, f32 ? 1 : 0);
  }

  /** Bytes `packA` writes for an M×K operand. */
  packedABytes(M: number, K: number, f32: boolean): number {
    return Math.ceil(M / 4) * 4 * K * (f32 ? 4 : 8);
  }

  /** C (+)= A·B with A packed; B and C float64 at byte addresses, element row strides. */
  gemmPacked(M: number, N: number, K: number, ap: number, b: number, bRowStride: number, c: number, cRowStride: number,
    overwrite: boolean, f32: boolean): void {
    this.ex.gemmPacked(M, N, K, ap, b, bRowStride, c, cRowStride, overwrite ? 1 : 0, this.packB, this.tile, f32 ? 1 : 0);
  }

  /** col2im of the input cells [lo, hi) into `cog` output channels at byte `out` (plan encoded at byte `plan`). */
  col2im(plan: number, cols: number, cog: number, kernelCount: number, lo: number, hi: number, out: number, outCount: number): void {
    this.ex.col2im(plan, cols, cog, kernelCount, lo, hi, out, outCount);
  }

  /** The direct path for `info` (plan encoded at byte `plan`; x, w, out float64 at byte addresses). */
  direct(info: ConvInfo, plan: number, x: number, w: number, out: number): void {
    this.ex.direct(info.batch, info.groups, info.inChannels, info.outChannels, info.inCount, info.outCount,
      info.kernelCount, info.op === "transposed" ? 1 : 0, plan, x, w, out);
  }
}

let kernel: WasmKernel | null | undefined;

/**
 * The kernel, or null where WebAssembly SIMD is unavailable. Decided once. Where the engine
 * refuses a synchronous compile (browsers may limit it on the main thread to small modules;
 * this one is 4.6 KB), the module is compiled asynchronously instead and null returned until it
 * is ready, so the first calls take the JavaScript paths.
 *
 * @example
 * const k = wasmKernel();
 * if (k) { k.begin(); const at = k.take(64); k.heap()[at / 8] = 1; }
 */
export function wasmKernel(): WasmKernel | null {
  if (kernel === undefined) {
    kernel = null;
    if (simdSupported()) {
      const bytes = decodeBase64(kernelBase64);
      try {
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
        kernel = new WasmKernel(instance.exports as unknown as KernelExports);
      } catch {
        WebAssembly.instantiate(bytes, {}).then(
          (r) => { kernel = new WasmKernel(r.instance.exports as unknown as KernelExports); },
          () => { /* no kernel: the JavaScript paths stay */ },
        );
      }
    }
  }
  return kernel;
}
