import { beforeAll, describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { computeConvInfo, type ConvInfo } from "../../src/geometry/index.ts";
import { canonicalParams } from "../../src/spec/problem.ts";
import { computeTensorWith, type TensorPath } from "../../src/tensor/index.ts";

/**
 * tfjs as an outside oracle for transposed convolution. Its conv2dTranspose/conv3dTranspose are
 * the input gradients of a forward convolution from the output shape we ask for to the input we
 * give: channels-last tensors, filter [k..., outDepth, inDepth], padding and output padding
 * expressed through `pad` and `outputShape`, no groups and no dilation.
 */
interface OracleCase {
  readonly info: ConvInfo;
  /** tfjs `pad`: "valid", "same" or explicit [[0,0],[b,e]...,[0,0]]. */
  readonly pad: "valid" | "same" | [number, number][];
  readonly x: number[];
  readonly w: number[];
}

interface AxisChoice { i: number; k: number; s: number; pb: number; pe: number; op: number; o: number }

const axisRaw = fc.record({
  i: fc.integer({ min: 1, max: 5 }),
  k: fc.integer({ min: 1, max: 4 }),
  s: fc.integer({ min: 1, max: 3 }),
  pb: fc.integer({ min: 0, max: 3 }),
  pe: fc.integer({ min: 0, max: 3 }),
  op: fc.integer({ min: 0, max: 2 }),
  o: fc.integer({ min: 0, max: 2 }),
});

/** An axis in explicit-padding terms; pads within the kernel's reach, output padding below the stride. */
function explicitAxis(r: { i: number; k: number; s: number; pb: number; pe: number; op: number }): AxisChoice {
  const pb = r.pb % r.k, pe = r.pe % r.k, op = r.op % r.s;
  return { i: r.i, k: r.k, s: r.s, pb, pe, op, o: (r.i - 1) * r.s - pb - pe + r.k + op };
}

/** An axis in "same" terms: the output size O with ceil(O/s) = i, and the pads TF's rule gives. */
function sameAxis(r: { i: number; k: number; s: number; o: number }): AxisChoice {
  const o = (r.i - 1) * r.s + 1 + (r.o % r.s);
  const total = Math.max((r.i - 1) * r.s + r.k - o, 0);
  const pb = Math.floor(total / 2);
  return { i: r.i, k: r.k, s: r.s, pb, pe: total - pb, op: Math.max(o - (r.i - 1) * r.s - r.k, 0), o };
}

function caseArb(rank: 2 | 3): fc.Arbitrary<OracleCase> {
  const modes = rank === 2 ? (["explicit", "valid", "same"] as const) : (["valid", "same"] as const);
  return fc.record({
    mode: fc.constantFrom(...modes),
    axes: fc.array(axisRaw, { minLength: rank, maxLength: rank }),
    batch: fc.integer({ min: 1, max: 2 }),
    cin: fc.integer({ min: 1, max: 3 }),
    cout: fc.integer({ min: 1, max: 3 }),
  }).chain(({ mode, axes, batch, cin, cout }) => {
    const chosen = axes.map((r) => (mode === "same" ? sameAxis(r) : explicitAxis(mode === "valid" ? { ...r, pb: 0, pe: 0 } : r)));
    const info = computeConvInfo(canonicalParams({
      inputSize: chosen.map((a) => a.i), kernelSize: chosen.map((a) => a.k), stride: chosen.map((a) => a.s),
      padBegin: chosen.map((a) => a.pb), padEnd: chosen.map((a) => a.pe), outputPadding: chosen.map((a) => a.op),
      batch, inChannels: cin, outChannels: cout,
    }));
    const pad: OracleCase["pad"] = mode === "explicit"
      ? [[0, 0], ...chosen.map((a): [number, number] => [a.pb, a.pe]), [0, 0]]
      : mode;
    const vals = (n: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }).map(Math.fround), { minLength: n, maxLength: n });
    const n = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
    return fc.record({ x: vals(n(info.inputShape)), w: vals(n(info.weightShape)) })
      .map(({ x, w }) => ({ info, pad, x, w }));
  }).filter((c) => c.info.outSpatial.every((o) => o >= 1)
    // tfjs's 3-D "same" leaves out TF's max(0, ·) on the total padding (conv_util get3DPadAndOutInfo),
    // so where TF would pad 0 it pads negatively and shifts the output; keep to totals ≥ 0 there.
    && !(rank === 3 && c.pad === "same" && c.info.axes.some((a) => a.outputPadding > 0)));
}

/** Moves axis `from` of a row-major tensor to position `to`. */
function moveAxis(data: ArrayLike<number>, shape: readonly number[], from: number, to: number): { data: Float64Array; shape: number[] } {
  const order = shape.map((_, i) => i);
  order.splice(from, 1);
  order.splice(to, 0, from);
  const outShape = order.map((i) => shape[i]!);
  const inStr = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float64Array(data.length);
  const idx = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < out.length; flat++) {
    let src = 0;
    for (let d = 0; d < order.length; d++) src += idx[d]! * inStr[order[d]!]!;
    out[flat] = data[src]!;
    for (let d = order.length - 1; d >= 0; d--) { if (++idx[d]! < outShape[d]!) break; idx[d] = 0; }
  }
  return { data: out, shape: outShape };
}

function oracle(c: OracleCase): Float64Array {
  const { info } = c;
  const r = info.rank;
  const xl = moveAxis(c.x, info.inputShape, 1, r + 1); // [N, *in, C_in]
  // [C_in, C_out, *k] -> [*k, C_out, C_in]
  const w1 = moveAxis(c.w, info.weightShape, 0, r + 1);
  const wl = moveAxis(w1.data, w1.shape, 0, r);
  const outShape = [info.batch, ...info.outSpatial, info.outChannels];
  const y = tf.tidy(() => {
    if (r === 2) {
      return tf.conv2dTranspose(tf.tensor4d(Float32Array.from(xl.data), xl.shape as [number, number, number, number]),
        tf.tensor4d(Float32Array.from(wl.data), wl.shape as [number, number, number, number]),
        outShape as [number, number, number, number], info.axes.map((a) => a.stride) as [number, number],
        c.pad as "valid" | "same");
    }
    return tf.conv3dTranspose(tf.tensor5d(Float32Array.from(xl.data), xl.shape as [number, number, number, number, number]),
      tf.tensor5d(Float32Array.from(wl.data), wl.shape as [number, number, number, number, number]),
      outShape as [number, number, number, number, number],
      info.axes.map((a) => a.stride) as [number, number, number], c.pad as "valid" | "same");
  });
  const data = y.dataSync();
  y.dispose();
  return moveAxis(data, outShape, r + 1, 1).data;
}

function expectClose(ours: Float64Array, theirs: Float64Array): void {
  expect(ours.length).toBe(theirs.length);
  for (let j = 0; j < ours.length; j++) {
    const a = ours[j]!, b = theirs[j]!;
    if (Math.abs(a - b) > 1e-4 * (1 + Math.abs(b))) expect.fail(`cell ${j}: ours ${a}, tfjs ${b}`);
  }
}

describe("the tensor core agrees with tfjs (cpu backend, float32) on transposed convolution", () => {
  beforeAll(async () => {
    await tf.setBackend("cpu");
    await tf.ready();
  });

  // Every path of the core (JavaScript direct, JavaScript matrix product, WebAssembly SIMD).
  for (const path of ["direct", "gemm", "wasm-direct", "wasm-gemm"] as const satisfies readonly TensorPath[]) {
    test.prop([caseArb(2)], { numRuns: 40 })(
      `2-D conv2dTranspose: batch, channels, stride, explicit/valid/same padding, output padding (${path} path)`,
      (c) => { expectClose(computeTensorWith(c.info, Float64Array.from(c.x), Float64Array.from(c.w), undefined, path), oracle(c)); },
    );

    test.prop([caseArb(3)], { numRuns: 40 })(
      `3-D conv3dTranspose: batch, channels, stride, valid/same padding, output padding (${path} path)`,
      (c) => { expectClose(computeTensorWith(c.info, Float64Array.from(c.x), Float64Array.from(c.w), undefined, path), oracle(c)); },
    );

    test.prop([caseArb(2)], { numRuns: 20 })(
      `2-D in float32 through the core matches tfjs too (${path} path)`,
      (c) => {
        const y = computeTensorWith(c.info, Float32Array.from(c.x), Float32Array.from(c.w), undefined, path);
        expectClose(Float64Array.from(y), oracle(c));
      },
    );
  }
});
