/**
 * Every output cell as an exact sum of (input, kernel) terms.
 *
 * Term order (documented, stable): for output cell (n, c_out, o), the input channels of c_out's
 * group come outermost in ascending order; within a channel, terms go by ascending input
 * position, row-major over the spatial axes — exactly the order `forEachCellTerm` of
 * src/geometry/taps.ts produces (walked in bulk by geometry's `productRows`). A bias, when given,
 * is the last summand.
 *
 * The spatial terms of a cell are the same for every batch item and channel pair, so they are
 * stored once, in compressed-row form over the spatial output cells (two Int32Arrays), and
 * expanded over channels only when a cell is read. Polynomials and exact values are made on
 * demand per cell, or in bulk by `allValues`; the TeX of a cell is render's (src/render/tex/cells.ts).
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { productRows, rowMajorStrides, tapTables, unflatten, weightOffset } from "../geometry/taps.ts";
import { Polynomial, PolynomialBuilder } from "./polynomial.ts";
import { Rational } from "./rational.ts";
import { numericMode, type NumericMode, type Scalar, type ScalarTensor } from "./scalar.ts";
import { defaultSymbols, outputLabels, type DefaultSymbols, type IndexOptions } from "./symbols.ts";

/** One term of a cell: which input entry meets which weight entry. */
export interface CellTerm {
  /** Multi-index into the input [N, C_in, *in]. */
  readonly input: readonly number[];
  /** Multi-index into the canonical weight. */
  readonly kernel: readonly number[];
  /** Row-major flat index into the input tensor's data. */
  readonly inputFlat: number;
  /** Row-major flat index into the weight tensor's data. */
  readonly kernelFlat: number;
}

/** Everything derived about one output cell. */
export interface CellSum {
  /** Multi-index into the output [N, C_out, *out] (always 0-based). */
  readonly index: readonly number[];
  readonly flat: number;
  /** The output symbol's name, numbered from the index base (`y_{1,1}`). */
  readonly label: string;
  readonly terms: readonly CellTerm[];
  /** The exact (or float) value when every entry is a number; undefined when symbols remain. */
  readonly value: Rational | number | undefined;
  /** The value as a simplified polynomial (a constant on numeric data). */
  readonly polynomial: Polynomial;
}

/** All cells of a problem, derived lazily. */
export interface CellSums {
  readonly info: ConvInfo;
  /** Output shape [N, C_out, *out]; `count` cells, row-major. */
  readonly shape: readonly number[];
  readonly count: number;
  readonly mode: NumericMode;
  /** The input [N, C_in, *in] the cells were derived from (the default symbols when none was given). */
  readonly x: ScalarTensor;
  /** The canonical weight the cells were derived from (the default symbols when none was given). */
  readonly w: ScalarTensor;
  /** The bias [C_out], when given. */
  readonly bias: ScalarTensor | undefined;
  /** The default symbols of the problem at the cells' index base (built on first use). */
  symbols(): DefaultSymbols;
  /** The output channel of a cell. */
  channel(flat: number): number;
  /** Spatial terms in compressed-row form: cell o's terms are [start[o], start[o+1]). */
  readonly spatial: { readonly start: Int32Array; readonly input: Int32Array; readonly kernel: Int32Array };
  /** Terms per spatial output cell (one input channel): the overlap counts. */
  readonly overlap: Int32Array;
  /** Total terms over all cells, channels included. */
  readonly termCount: number;
  /** Calls `visit(inputFlat, kernelFlat)` for each term of a cell, in the documented order. */
  forEachTerm(flat: number, visit: (inputFlat: number, kernelFlat: number) => void): void;
  cell(flat: number): CellSum;
  value(flat: number): Rational | number | undefined;
  polynomial(flat: number): Polynomial;
  label(flat: number): string;
  /** Every cell's value (numeric data only). */
  allValues(): (Rational | number)[];
}

/** Options of {@link deriveCells}. */
export interface DeriveOptions extends IndexOptions {}

/**
 * Derives every output cell of a problem. `x` is the input [N, C_in, *in] and `w` the
 * canonical weight (see ConvInfo); entries may be numbers or symbols. Omitted, they default to
 * the symbols of {@link defaultSymbols}. `bias` is [C_out].
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * deriveCells(p.info).polynomial(4).toString() // → "x_{0,0}*w_{1,1} + x_{0,1}*w_{1,0} + x_{1,0}*w_{0,1} + x_{1,1}*w_{0,0}"
 * const cells = deriveCells(p.info, p.x, p.w);
 * cells.cell(4).terms.map((t) => [t.inputFlat, t.kernelFlat]) // → [[0, 3], [1, 2], [2, 1], [3, 0]]
 * cells.value(4) // → 3
 */
export function deriveCells(
  info: ConvInfo, x?: ScalarTensor, w?: ScalarTensor, bias?: ScalarTensor, opts: DeriveOptions = {},
): CellSums {
  // Default names are built only when needed: as the data, or for the symbolic TeX render writes.
  let names: DefaultSymbols | undefined;
  const getNames = () => (names ??= defaultSymbols(info, opts));
  const xs = x ?? getNames().x, ws = w ?? getNames().w;
  checkSize("input", xs, info.inputShape);
  checkSize("weight", ws, info.weightShape);
  if (bias) checkSize("bias", bias, [info.outChannels]);
  const mode = numericMode(xs, ws, bias);
  const { outCount, inCount, inChannelsPerGroup: cig, outChannelsPerGroup: cog } = info;

  // Spatial terms once, in compressed rows over the spatial output cells (geometry's one loop).
  const sp = productRows(tapTables(info).gather, info.outSpatial, rowMajorStrides(info.inSpatial), rowMajorStrides(info.kernelSpatial));
  const start = sp.start, spIn = sp.target, spK = sp.tap;
  const overlap = new Int32Array(outCount);
  for (let o = 0; o < outCount; o++) overlap[o] = start[o + 1]! - start[o]!;

  const count = info.outputShape.reduce((a, b) => a * b, 1);
  const termCount = count * cig * spIn.length / outCount;

  function forEachTerm(flat: number, visit: (inputFlat: number, kernelFlat: number) => void): void {
    const o = flat % outCount;
    const nc = (flat - o) / outCount;
    const co = nc % info.outChannels, n = (nc - co) / info.outChannels;
    const g = Math.floor(co / cog);
    const lo = start[o]!, hi = start[o + 1]!;
    for (let cil = 0; cil < cig; cil++) {
      const ci = g * cig + cil;
      const xBase = (n * info.inChannels + ci) * inCount;
      const wBase = weightOffset(info, ci, co);
      for (let j = lo; j < hi; j++) visit(xBase + spIn[j]!, wBase + spK[j]!);
    }
  }

  const xd = xs.data, wd = ws.data;
  const channelOf = (flat: number) => Math.floor(flat / outCount) % info.outChannels;

  let xr: Rational[] | undefined, wr: Rational[] | undefined;
  function value(flat: number): Rational | number | undefined {
    if (mode === "symbolic") return undefined;
    if (mode === "float") {
      let acc = bias ? num(bias.data[channelOf(flat)]!) : 0;
      forEachTerm(flat, (i, k) => { acc += num(xd[i]!) * num(wd[k]!); });
      return acc;
    }
    xr ??= xd.map(rat); wr ??= wd.map(rat);
    const xa = xr, wa = wr;
    let acc = bias ? rat(bias.data[channelOf(flat)]!) : Rational.ZERO;
    forEachTerm(flat, (i, k) => { acc = acc.add(xa[i]!.mul(wa[k]!)); });
    return acc;
  }

  function polynomial(flat: number): Polynomial {
    const b = new PolynomialBuilder();
    forEachTerm(flat, (i, k) => { b.addProduct(xd[i]!, wd[k]!); });
    if (bias) b.addScalar(bias.data[channelOf(flat)]!);
    return b.build();
  }

  let labels: string[] | undefined;
  const label = (flat: number) => (labels ??= outputLabels(info, opts))[flat]!;

  function cell(flat: number): CellSum {
    if (!Number.isInteger(flat) || flat < 0 || flat >= count) throw new RangeError(`cell ${flat} is outside 0..${count - 1}`);
    const terms: CellTerm[] = [];
    forEachTerm(flat, (i, k) => {
      terms.push({ input: unflatten(i, info.inputShape), kernel: unflatten(k, info.weightShape), inputFlat: i, kernelFlat: k });
    });
    const poly = polynomial(flat);
    let v: Rational | number | undefined;
    if (mode !== "symbolic") {
      const c = poly.constantValue();
      v = mode === "float" ? (c === undefined ? undefined : typeof c === "number" ? c : c.toNumber()) : c;
    }
    return {
      index: unflatten(flat, info.outputShape), flat, label: label(flat), terms, value: v, polynomial: poly,
    };
  }

  return {
    info, shape: info.outputShape, count, mode, termCount, x: xs, w: ws, bias,
    symbols: getNames, channel: channelOf,
    spatial: { start, input: spIn, kernel: spK },
    overlap,
    forEachTerm, cell, value, polynomial, label,
    allValues: () => {
      if (mode === "symbolic") throw new Error("allValues: the problem has symbols; use polynomial()");
      const out = new Array<Rational | number>(count);
      for (let f = 0; f < count; f++) out[f] = value(f)!;
      return out;
    },
  };
}

const num = (s: Scalar): number => (s.kind === "symbol" || s.kind === "expression" ? NaN : typeof s.value === "number" ? s.value : s.value.toNumber());
const rat = (s: Scalar): Rational => (s.kind === "exact" ? s.value : Rational.ZERO);

function checkSize(what: string, t: ScalarTensor, shape: readonly number[]): void {
  const n = shape.reduce((a, b) => a * b, 1);
  if (t.data.length !== n) {
    throw new Error(`deriveCells: ${what} has ${t.data.length} entries, expected ${n} for shape [${shape.join(",")}]`);
  }
}

