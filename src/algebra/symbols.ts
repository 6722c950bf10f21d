/**
 * Default symbols: the input is `x`, the kernel `w`, the bias `b`, the output `y`. Each carries
 * one index per spatial axis; a batch or channel index is added only when that axis has more
 * than one entry, so the seed problem reads `x_{0,0}` and a two-channel one `x_{c,i,j}`.
 * Indices count from `indexBase` (0 or 1). Names equal their TeX, which is safe by construction
 * (a letter and digits only).
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { symbol, type Scalar, type ScalarTensor } from "./scalar.ts";

/** Options shared by everything that prints indices. */
export interface IndexOptions {
  /** 0 (default) or 1: how cells and symbols are numbered in text. */
  readonly indexBase?: 0 | 1;
}

/**
 * Which axes of a tensor shape get an index in a symbol: all spatial axes (from `firstSpatial`
 * on) and the leading ones only when larger than 1.
 */
function shownAxes(shape: readonly number[], firstSpatial: number): number[] {
  const shown: number[] = [];
  shape.forEach((n, ax) => { if (ax >= firstSpatial || n > 1) shown.push(ax); });
  return shown;
}

/**
 * One symbol name per entry of a tensor, row-major: `letter_{i,j,...}`. Built with a running
 * multi-index, so a 256×256 input costs one short string per entry.
 *
 * @example
 * indexedNames("x", [1, 2, 2, 1], 2, 1) // → ["x_{1,1,1}", "x_{1,2,1}", "x_{2,1,1}", "x_{2,2,1}"]
 */
export function indexedNames(letter: string, shape: readonly number[], firstSpatial: number, base: number): string[] {
  const shown = shownAxes(shape, firstSpatial);
  const total = shape.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(shape.length).fill(0);
  const names = new Array<string>(total);
  for (let f = 0; f < total; f++) {
    let s = "";
    for (let j = 0; j < shown.length; j++) s += (j === 0 ? "" : ",") + (idx[shown[j]!]! + base);
    names[f] = shown.length === 0 ? letter : `${letter}_{${s}}`;
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax]! < shape[ax]!) break;
      idx[ax] = 0;
    }
  }
  return names;
}

/** A tensor of symbols named by {@link indexedNames}. */
function symbolTensor(letter: string, shape: readonly number[], firstSpatial: number, base: number): ScalarTensor {
  const data: Scalar[] = indexedNames(letter, shape, firstSpatial, base).map((n) => symbol(n, n));
  return { shape: [...shape], data };
}

/** The default symbolic tensors of a problem. */
export interface DefaultSymbols {
  /** Input [N, C_in, *in]: `x_{i,j}`, or `x_{n,c,i,j}` with batch and channels. */
  readonly x: ScalarTensor;
  /** Canonical weight: `w_{a,b}`, or `w_{c_in,c_out,a,b}` (transposed) / `w_{c_out,c_in,a,b}` (conv). */
  readonly w: ScalarTensor;
  /** Bias [C_out]: `b_{c}`, or `b` for one channel. */
  readonly bias: ScalarTensor;
}

/**
 * The default symbols of a problem: input `x`, kernel `w`, bias `b`; the weight's indices follow
 * its canonical storage order ([C_in, C_out/g, *k] for transposed, [C_out, C_in/g, *k] for conv).
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
 * defaultSymbols(info).x.data.map((s) => s.name) // → ["x_{0,0}", "x_{0,1}", "x_{1,0}", "x_{1,1}"]
 * defaultSymbols(info, { indexBase: 1 }).w.data[0].name // → "w_{1,1}"
 */
export function defaultSymbols(info: ConvInfo, opts: IndexOptions = {}): DefaultSymbols {
  const base = opts.indexBase ?? 0;
  return {
    x: symbolTensor("x", info.inputShape, 2, base),
    w: symbolTensor("w", info.weightShape, 2, base),
    bias: symbolTensor("b", [info.outChannels], 1, base),
  };
}

/**
 * The label of every output cell (`y_{1,1}`, `y_{n,c,i,j}` with batch and channels), row-major
 * over [N, C_out, *out].
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
 * outputLabels(info, { indexBase: 1 })[4] // → "y_{2,2}"
 */
export function outputLabels(info: ConvInfo, opts: IndexOptions = {}): string[] {
  return indexedNames("y", info.outputShape, 2, opts.indexBase ?? 0);
}
