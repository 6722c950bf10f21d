/**
 * Tensor-core benchmark: the four workloads of the foundation issue, timed for our core
 * (float64 and float32 on its default path — the WebAssembly SIMD product where it applies —
 * and float64 with WebAssembly turned off, the JavaScript path), @tensorflow/tfjs's cpu and wasm
 * backends (float32) and onnxruntime-node with one intra-op thread (float32), all in this one
 * process. Every implementation is timed once per round, rounds interleaved, and the medians
 * compared, so a noisy machine hurts all of them alike. Then the micro-kernel alone: a packed
 * 256×256×256 product, against this machine's 128-bit SIMD peak. Prints Markdown tables and
 * writes bench/results/tensor.json.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { computeConvInfo, type ConvInfo } from "../src/geometry/index.ts";
import { canonicalParams } from "../src/spec/problem.ts";
import { choosePath, computeTensor, setWasmEnabled } from "../src/tensor/index.ts";
import { wasmKernel } from "../src/tensor/wasm/kernel.ts";
import { convTransposeModel } from "./tensor/onnx-model.ts";

const require = createRequire(import.meta.url);
const ort = require("onnxruntime-node") as typeof import("onnxruntime-node");

interface Workload {
  readonly name: string;
  /** batch×C_in→C_out spatial kernel stride padding output-padding, as the issue writes it. */
  readonly label: string;
  readonly batch: number;
  readonly cin: number;
  readonly cout: number;
  readonly spatial: readonly number[];
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
  readonly outputPadding: number;
}

const workloads: Workload[] = [
  { name: "W1", label: "1×1→1 64² k3 s1 p0", batch: 1, cin: 1, cout: 1, spatial: [64, 64], kernel: 3, stride: 1, pad: 0, outputPadding: 0 },
  { name: "W2", label: "8×128→64 16² k4 s2 p1", batch: 8, cin: 128, cout: 64, spatial: [16, 16], kernel: 4, stride: 2, pad: 1, outputPadding: 0 },
  { name: "W3", label: "1×64→32 64² k2 s2", batch: 1, cin: 64, cout: 32, spatial: [64, 64], kernel: 2, stride: 2, pad: 0, outputPadding: 0 },
  { name: "W4", label: "4×32→32 L4096 k5 s2 p2 op1 (1-D)", batch: 4, cin: 32, cout: 32, spatial: [4096], kernel: 5, stride: 2, pad: 2, outputPadding: 1 },
];

const only = process.argv.slice(2);

function infoOf(w: Workload): ConvInfo {
  const r = w.spatial.length, each = (v: number) => Array<number>(r).fill(v);
  return computeConvInfo(canonicalParams({
    inputSize: w.spatial, kernelSize: each(w.kernel), stride: each(w.stride),
    padBegin: each(w.pad), padEnd: each(w.pad), outputPadding: each(w.outputPadding),
    batch: w.batch, inChannels: w.cin, outChannels: w.cout,
  }));
}

/** Deterministic values in [-1, 1], already float32 so every implementation sees the same numbers. */
function values(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = Math.fround(s / 2 ** 31 - 1);
  }
  return out;
}

/** Reorders a row-major tensor: output axis j is input axis order[j]. */
function permute(data: ArrayLike<number>, shape: readonly number[], order: readonly number[]): Float32Array {
  const outShape = order.map((a) => shape[a]!);
  const inStr = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const str = order.map((a) => inStr[a]!);
  const out = new Float32Array(data.length);
  const idx = new Array<number>(order.length).fill(0);
  let src = 0;
  for (let flat = 0; flat < out.length; flat++) {
    out[flat] = data[src]!;
    for (let d = order.length - 1; d >= 0; d--) {
      idx[d]!++; src += str[d]!;
      if (idx[d]! < outShape[d]!) break;
      src -= idx[d]! * str[d]!; idx[d] = 0;
    }
  }
  return out;
}

interface Impl {
  readonly key: string;
  readonly title: string;
  activate(): Promise<void>;
  /** One operation; returns nothing so the timing loop stays cheap. */
  run(): void | Promise<void>;
  /** The result in canonical [N, C_out, *out] order, for the agreement check. */
  result(): Promise<Float64Array>;
  dispose(): void;
}

/** Ours on its default path (`js`: with WebAssembly turned off, as where SIMD is missing). */
function oursImpl(info: ConvInfo, x: Float64Array, w: Float64Array, f32: boolean, js = false): Impl {
  const xs = f32 ? Float32Array.from(x) : x, ws = f32 ? Float32Array.from(w) : w;
  const run = () => computeTensor(info, xs, ws);
  return {
    key: `ours${f32 ? "F32" : "F64"}${js ? "Js" : ""}`,
    title: `ours ${f32 ? "f32" : "f64"}${js ? " JS" : ""}`,
    activate: async () => { setWasmEnabled(!js); },
    run: () => { run(); },
    result: async () => Float64Array.from(run()),
    dispose: () => {},
  };
}

/** tfjs has no 1-D transposed convolution: a 1-D problem runs as 2-D with height 1. */
function tfjsImpl(backend: "cpu" | "wasm", info: ConvInfo, x: Float64Array, w: Float64Array): Impl {
  const as2d = info.rank === 1;
  const sp = as2d ? [1, ...info.inSpatial] : [...info.inSpatial];
  const ks = as2d ? [1, ...info.kernelSpatial] : [...info.kernelSpatial];
  const os_ = as2d ? [1, ...info.outSpatial] : [...info.outSpatial];
  const axes = as2d ? [{ padBegin: 0, padEnd: 0, stride: 1 }, ...info.axes] : [...info.axes];
  const r = sp.length;
  const xShape = [info.batch, info.inChannels, ...sp], wShape = [info.inChannels, info.outChannels, ...ks];
  // [N, C, *in] -> [N, *in, C];  [C_in, C_out, *k] -> [*k, C_out, C_in]
  const xl = permute(x, xShape, [0, ...sp.map((_, i) => i + 2), 1]);
  const wl = permute(w, wShape, [...ks.map((_, i) => i + 2), 1, 0]);
  const outShape = [info.batch, ...os_, info.outChannels];
  const pad: [number, number][] = [[0, 0], ...axes.map((a): [number, number] => [a.padBegin, a.padEnd]), [0, 0]];
  const strides = axes.map((a) => a.stride);
  if (r !== 2) throw new Error("bench: tfjs comparison written for 1-D and 2-D workloads");
  let xt: tf.Tensor4D | undefined, wt: tf.Tensor4D | undefined;
  const op = () => tf.conv2dTranspose(xt!, wt!, outShape as [number, number, number, number], strides as [number, number], pad as unknown as "valid");
  return {
    key: backend === "cpu" ? "tfjsCpu" : "tfjsWasm",
    title: backend === "cpu" ? "tfjs cpu" : "tfjs wasm",
    activate: async () => {
      await tf.setBackend(backend);
      if (!xt) { xt = tf.tensor4d(xl, xShape.length === 4 ? [info.batch, sp[0]!, sp[1]!, info.inChannels] : [0, 0, 0, 0]); wt = tf.tensor4d(wl, [ks[0]!, ks[1]!, info.outChannels, info.inChannels]); }
    },
    run: () => { const y = op(); y.dataSync(); y.dispose(); },
    result: async () => {
      const y = op();
      const d = y.dataSync();
      y.dispose();
      // [N, *out, C] -> [N, C, *out], then drop the fake height axis of a 1-D problem (size 1, no reorder needed).
      return Float64Array.from(permute(d, outShape, [0, r + 1, ...os_.map((_, i) => i + 1)]));
    },
    dispose: () => { xt?.dispose(); wt?.dispose(); },
  };
}

async function ortImpl(info: ConvInfo, x: Float64Array, w: Float64Array): Promise<Impl> {
  const model = convTransposeModel({
    inputShape: info.inputShape, weightShape: info.weightShape, outputShape: info.outputShape,
    kernel: info.kernelSpatial, strides: info.axes.map((a) => a.stride), dilations: info.axes.map((a) => a.dilation),
    padBegin: info.axes.map((a) => a.padBegin), padEnd: info.axes.map((a) => a.padEnd),
    outputPadding: info.axes.map((a) => a.outputPadding), groups: info.groups,
  });
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all",
  });
  const feeds = {
    X: new ort.Tensor("float32", Float32Array.from(x), [...info.inputShape]),
    W: new ort.Tensor("float32", Float32Array.from(w), [...info.weightShape]),
  };
  const once = async () => (await session.run(feeds))["Y"]!;
  return {
    key: "onnxruntime",
    title: "onnxruntime (1 thread)",
    activate: async () => {},
    run: async () => { (await once()).dispose(); },
    result: async () => { const y = await once(); const d = Float64Array.from(y.data as Float32Array); y.dispose(); return d; },
    dispose: () => { void session.release(); },
  };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/**
 * One sample: process CPU time (user + system, every thread) and wall time per operation. Every
 * implementation here computes on one thread, so CPU time is the cost of the operation itself,
 * and unlike wall time it does not count the time other programs on this shared machine held the CPU.
 */
async function timeOnce(impl: Impl, inner: number): Promise<{ cpu: number; wall: number }> {
  const c0 = process.cpuUsage(), t0 = performance.now();
  for (let i = 0; i < inner; i++) {
    const p = impl.run();
    if (p) await p;
  }
  const wall = (performance.now() - t0) / inner, c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000 / inner, wall };
}

const maxAbsDiff = (a: Float64Array, b: Float64Array) => {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

interface Row {
  workload: string; label: string; ms: Record<string, number>; wallMs: Record<string, number>; rounds: number;
  /** The core's path for this workload with WebAssembly on, and off. */
  path: string; pathJs: string;
  ratios: {
    tfjsCpuOverOurs: number; wasmOverOurs: number; oursOverOrt: number;
    oursF32OverOrt: number; jsOverOurs: number;
  };
  maxAbsDiffVsOurs: Record<string, number>; targetsMet: boolean;
}

/** Targets of issue 14, for ours in float64 on its default path. */
const targets = { tfjsCpuOverOurs: 6, wasmOverOurs: 2, oursOverOrt: 4 };
/** The workloads the onnxruntime target applies to (the channel-heavy ones). */
const ortTargetOn = ["W2", "W3"];

interface KernelRow { kind: string; size: number; ms: number; gmacs: number; gflops: number; peakGflops: number; ofPeak: number }

/** The nominal clock from /proc/cpuinfo (GHz), or NaN where there is none. */
function cpuGhz(): number {
  try {
    const m = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync("/proc/cpuinfo", "utf8"));
    return m ? Number(m[1]) / 1000 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * The micro-kernel alone: C = A·B for n×n×n, A packed once, B and C in the kernel's memory, the
 * blocked product timed (CPU time, median of 15). Peak: one 128-bit mul and one add per cycle,
 * 2 f64 or 4 f32 lanes, at the nominal clock.
 */
function kernelBench(n: number): KernelRow[] {
  const k = wasmKernel();
  if (!k) return [];
  const ghz = cpuGhz();
  const rows: KernelRow[] = [];
  for (const f32 of [false, true]) {
    k.begin();
    const aAt = k.take(n * n * 8), bAt = k.take(n * n * 8), pa = k.take(k.packedABytes(n, n, f32)), cAt = k.take(n * n * 8);
    const heap = k.heap();
    heap.set(values(n * n, 3), aAt / 8);
    heap.set(values(n * n, 4), bAt / 8);
    k.packA(n, n, aAt, n, 1, pa, f32);
    const once = () => k.gemmPacked(n, n, n, pa, bAt, n, cAt, n, true, f32);
    for (let i = 0; i < 20; i++) once();
    const inner = 10, samples: number[] = [];
    for (let r = 0; r < 15; r++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < inner; i++) once();
      const c = process.cpuUsage(c0);
      samples.push((c.user + c.system) / 1000 / inner);
    }
    const ms = median(samples), gmacs = n ** 3 / ms / 1e6, peak = 2 * (f32 ? 4 : 2) * ghz;
    rows.push({ kind: f32 ? "f32x4 4×8" : "f64x2 4×4", size: n, ms, gmacs, gflops: 2 * gmacs, peakGflops: peak, ofPeak: 2 * gmacs / peak });
  }
  return rows;
}

const loadAverage = () => { try { return readFileSync("/proc/loadavg", "utf8").trim(); } catch { return "unknown"; } };

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  setWasmPaths(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm")) + "/");
  await tf.setBackend("wasm");
  await tf.ready();
  await tf.setBackend("cpu");
  const cpuBackends = ort.listSupportedBackends().filter((b) => b.name === "cpu");
  console.log(`onnxruntime-node ${ort.env.versions.node}: cpu backend ${cpuBackends[0]?.bundled ? "bundled" : "missing"}; `
    + `tfjs ${tf.version_core}; node ${process.version}; ${os.cpus()[0]?.model ?? "cpu"}\n`);

  const rows: Row[] = [];
  for (const wl of workloads) {
    if (only.length > 0 && !only.includes(wl.name)) continue;
    const info = infoOf(wl);
    const x = values(info.inputShape.reduce((a, b) => a * b, 1), 1), w = values(info.weightShape.reduce((a, b) => a * b, 1), 2);
    const impls: Impl[] = [
      oursImpl(info, x, w, false), oursImpl(info, x, w, true), oursImpl(info, x, w, false, true),
      tfjsImpl("cpu", info, x, w), tfjsImpl("wasm", info, x, w), await ortImpl(info, x, w),
    ];
    // Warm up (JIT, caches), then pick an inner repeat count so each sample lasts ≥ 5 ms.
    const inner: number[] = [];
    let roundMs = 0;
    for (const impl of impls) {
      await impl.activate();
      const warmStart = performance.now();
      let one = Infinity;
      for (let i = 0; i < 3 || performance.now() - warmStart < 200; i++) one = Math.min(one, (await timeOnce(impl, 1)).wall);
      const n = Math.max(1, Math.ceil(5 / Math.max(one, 1e-3)));
      inner.push(n);
      roundMs += n * one;
    }
    const rounds = Math.max(9, Math.min(25, Math.floor(4000 / roundMs)));
    const cpuSamples: number[][] = impls.map(() => []), wallSamples: number[][] = impls.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < impls.length; i++) {
        await impls[i]!.activate();
        const s = await timeOnce(impls[i]!, inner[i]!);
        cpuSamples[i]!.push(s.cpu);
        wallSamples[i]!.push(s.wall);
      }
    }
    const ms: Record<string, number> = {}, wallMs: Record<string, number> = {};
    impls.forEach((impl, i) => { ms[impl.key] = median(cpuSamples[i]!); wallMs[impl.key] = median(wallSamples[i]!); });
    await impls[0]!.activate();
    const ref = await impls[0]!.result();
    const diffs: Record<string, number> = {};
    for (const impl of impls.slice(1)) { await impl.activate(); diffs[impl.key] = maxAbsDiff(ref, await impl.result()); }
    impls.forEach((impl) => impl.dispose());
    const ratios = {
      tfjsCpuOverOurs: ms["tfjsCpu"]! / ms["oursF64"]!,
      wasmOverOurs: ms["tfjsWasm"]! / ms["oursF64"]!,
      oursOverOrt: ms["oursF64"]! / ms["onnxruntime"]!,
      oursF32OverOrt: ms["oursF32"]! / ms["onnxruntime"]!,
      jsOverOurs: ms["oursF64Js"]! / ms["oursF64"]!,
    };
    const agree = Object.values(diffs).every((d) => d < 1e-3);
    setWasmEnabled(true);
    const path = choosePath(info);
    setWasmEnabled(false);
    const pathJs = choosePath(info);
    setWasmEnabled(true);
    rows.push({
      workload: wl.name, label: wl.label, ms, wallMs, rounds, path, pathJs, ratios, maxAbsDiffVsOurs: diffs,
      targetsMet: agree && ratios.tfjsCpuOverOurs >= targets.tfjsCpuOverOurs && ratios.wasmOverOurs >= targets.wasmOverOurs
        && (!ortTargetOn.includes(wl.name) || ratios.oursOverOrt <= targets.oursOverOrt),
    });
    console.error(`${wl.name} done (${rounds} rounds)`);
  }

  const f = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
  const x_ = (v: number) => `${v.toFixed(2)}×`;
  const lines = [
    "| workload (CPU ms per op, medians) | path | ours f64 | ours f32 | ours f64 JS | tfjs cpu | tfjs wasm | onnxruntime 1 thread "
      + `| tfjs cpu / ours f64 (≥${targets.tfjsCpuOverOurs}) | tfjs wasm / ours f64 (≥${targets.wasmOverOurs}) | ours f64 / onnxruntime (≤${targets.oursOverOrt} on W2, W3) `
      + "| ours f32 / onnxruntime | JS / wasm | max \\|Δ\\| vs ours f64 (f32, JS, cpu, wasm, ort) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map((r) => `| ${r.workload}: ${r.label} | ${r.path} | ${f(r.ms["oursF64"]!)} | ${f(r.ms["oursF32"]!)} | ${f(r.ms["oursF64Js"]!)} | `
      + `${f(r.ms["tfjsCpu"]!)} | ${f(r.ms["tfjsWasm"]!)} | ${f(r.ms["onnxruntime"]!)} | `
      + `${x_(r.ratios.tfjsCpuOverOurs)} | ${x_(r.ratios.wasmOverOurs)} | ${x_(r.ratios.oursOverOrt)} | ${x_(r.ratios.oursF32OverOrt)} | ${x_(r.ratios.jsOverOurs)} | `
      + `${["oursF32", "oursF64Js", "tfjsCpu", "tfjsWasm", "onnxruntime"].map((k) => r.maxAbsDiffVsOurs[k]!.toExponential(1)).join(", ")} |`),
  ];
  console.log(lines.join("\n"));
  const allMet = rows.every((r) => r.targetsMet);
  console.log(`\ntargets (ours f64 ≥ ${targets.tfjsCpuOverOurs}× tfjs cpu and ≥ ${targets.wasmOverOurs}× tfjs wasm, within ${targets.oursOverOrt}× of onnxruntime on ${ortTargetOn.join(", ")}, results agreeing): `
    + `${allMet ? "met on every workload" : `NOT met on ${rows.filter((r) => !r.targetsMet).map((r) => r.workload).join(", ")}`}`);

  const kernel = only.length === 0 || only.includes("kernel") ? kernelBench(256) : [];
  if (kernel.length > 0) {
    console.log(`\n| micro-kernel, packed ${kernel[0]!.size}³ product | CPU ms | G multiply-adds/s | GFLOP/s | peak GFLOP/s (1 mul + 1 add per cycle, ${(kernel[0]!.peakGflops / 4).toFixed(2)} GHz) | of peak |`);
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const k of kernel) console.log(`| ${k.kind} | ${f(k.ms)} | ${k.gmacs.toFixed(2)} | ${k.gflops.toFixed(2)} | ${k.peakGflops.toFixed(1)} | ${(100 * k.ofPeak).toFixed(0)} % |`);
  }
  const load = loadAverage();
  console.log(`\nload average (/proc/loadavg) at the start: ${loadAtStart}; at the end: ${load}`);

  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = join(here, "results");
  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify({
    bench: "tensor", date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, tfjs: tf.version_core,
    onnxruntime: ort.env.versions.node, unit: "ms per operation: ms = median CPU time, wallMs = median wall time", rows, allTargetsMet: allMet,
    targets, loadAverage: { start: loadAtStart, end: load }, kernel,
  }, null, 2) + "\n";
  const tmp = join(outDir, `.tensor.json.${process.pid}.tmp`);
  writeFileSync(tmp, json);
  renameSync(tmp, join(outDir, "tensor.json"));
}

await main();
