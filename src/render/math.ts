/**
 * TeX builders shared by every step's view: coloured names and values, sums with elided middles,
 * grids (tensors as bmatrix, N-D as labelled slices) and matrices with `\cdots`. Only commands
 * KaTeX and MathJax both know: bmatrix, aligned, \underbrace, \cdot, \cdots, \vdots, \ddots,
 * \textcolor, \boxed, \text.
 */
import { cdot, factorTex, juxtapose, numberTex } from "./tex/scalar.ts";
import { polynomialTex } from "./tex/polynomial.ts";
import { Rational } from "../algebra/rational.ts";
import type { AlgebraValue } from "../algebra/ring.ts";
import type { Scalar } from "../algebra/scalar.ts";
import { rowMajorStrides, unflatten } from "../geometry/taps.ts";
import { LIMITS, elide, type Elided } from "../explain/elision.ts";
import type { Derivation } from "../explain/types.ts";
import type { TexTarget } from "./tex-target.ts";
import type { InputColouring } from "./svg/palette.ts";
import { pageColouring } from "./colouring.ts";

/** A value as TeX: numbers exactly, polynomials simplified. */
export function valueTex(v: AlgebraValue): string {
  if (typeof v === "number" || v instanceof Rational) return numberTex(v);
  return polynomialTex(v);
}

/** Indices shown to the reader: 0-based indices plus the base. */
export function indexText(index: readonly number[], base: number): string {
  return index.map((i) => i + base).join(",");
}

/** Tools bound to one derivation and target. */
export interface MathKit {
  readonly d: Derivation;
  readonly t: TexTarget;
  /** Spatial flat of an input flat (the colour key). */
  spatialIn(flat: number): number;
  /** Which palette slot each spatial input cell takes on this page (neutral past 16 cells). */
  readonly colouring: InputColouring;
  /** `tex` in the colour of spatial input cell `spatialFlat` (uncoloured when it is neutral). */
  colour(spatialFlat: number, tex: string): string;
  /** The input entry's symbol, coloured. */
  xName(flat: number): string;
  /** The input entry's value (or user symbol) as a factor, coloured. */
  xValue(flat: number): string;
  wName(flat: number): string;
  wValue(flat: number): string;
  /** One term `x_{…}w_{…}` of a cell sum, x coloured. */
  termSymbolic(term: readonly [number, number]): string;
  /** One term with values `1\cdot(-1)`, the input factor coloured. */
  termValues(term: readonly [number, number]): string;
  /** The product of a term, as a value (numbers multiplied, symbols juxtaposed). */
  termProduct(term: readonly [number, number]): string;
  /** Sum of parts with the middle elided past {@link LIMITS.terms}. */
  sum(parts: readonly string[]): string;
  /** The parts {@link MathKit.sum} writes: the middle replaced by `\cdots` past {@link LIMITS.terms}. */
  sumParts(parts: readonly string[]): string[];
  /** A grid of any rank: shape with a cell → TeX function (flat index); elided per axis. */
  grid(shape: readonly number[], cell: (flat: number) => string, keep?: readonly number[]): string;
  /** A matrix with rows/cols elided past {@link LIMITS.matrix}. */
  matrix(rows: number, cols: number, entry: (r: number, c: number) => string, keepRows?: readonly number[], keepCols?: readonly number[]): string;
  /** A column vector. */
  column(n: number, entry: (i: number) => string, keep?: readonly number[]): string;
  /** The output tensor of batch item n, channel c as a grid of values. */
  outputGrid(n: number, c: number, cell?: (flat: number) => string): string;
}

/** TeX of a scalar tensor entry on its own (not as a factor). */
function plainScalar(s: Scalar): string {
  return s.kind === "symbol" ? s.tex : s.kind === "expression" ? polynomialTex(s.poly) : numberTex(s.value);
}

/**
 * Builds the kit for a derivation and a target.
 *
 * @example
 * mathKit(d, katexTarget).termSymbolic([0, 3]) // "\\textcolor{#0072B2}{x_{0,0}}w_{1,1}"
 */
export function mathKit(d: Derivation, t: TexTarget): MathKit {
  const inCount = d.info.inCount;
  const spatialIn = (flat: number) => flat % inCount;
  const colouring = pageColouring(d);
  const colour = (spatialFlat: number, tex: string) => t.colour(colouring.slots[spatialFlat] ?? -1, tex);
  const xName = (f: number) => colour(spatialIn(f), d.names.x[f]!);
  const xValue = (f: number) => colour(spatialIn(f), factorTex(d.x.data[f]!));
  const wName = (f: number) => d.names.w[f]!;
  const wValue = (f: number) => factorTex(d.w.data[f]!);
  const kit: MathKit = {
    d, t, spatialIn, colouring, colour, xName, xValue, wName, wValue,
    termSymbolic: ([i, k]) => {
      // Juxtapose the plain names (so x_{0,0}w_{1,1} reads as a product), then colour the x part.
      const x = d.names.x[i]!, plain = juxtapose([x, wName(k)]);
      return xName(i) + plain.slice(x.length);
    },
    termValues: ([i, k]) => cdot(xValue(i), wValue(k)),
    termProduct: ([i, k]) => {
      const a = d.x.data[i]!, b = d.w.data[k]!;
      if (a.kind !== "symbol" && b.kind !== "symbol" && a.kind !== "expression" && b.kind !== "expression") {
        const v = typeof a.value === "number" || typeof b.value === "number"
          ? (typeof a.value === "number" ? a.value : a.value.toNumber()) * (typeof b.value === "number" ? b.value : b.value.toNumber())
          : a.value.mul(b.value);
        return colour(spatialIn(i), numberTex(v));
      }
      return colour(spatialIn(i), juxtapose([factorTex(a), factorTex(b)]));
    },
    sumParts: (parts) => elide(parts.length, LIMITS.terms, 4, 2).map((i) => (i === null ? "\\cdots" : parts[i]!)),
    sum: (parts) => {
      if (parts.length === 0) return "0";
      const shown = elide(parts.length, LIMITS.terms, 4, 2);
      let out = "";
      shown.forEach((i, j) => {
        const piece = i === null ? "\\cdots" : parts[i]!;
        // A negative summand is subtracted: "5·0 − 1", never "5·0 + -1".
        out += j === 0 ? piece : piece.startsWith("-") ? ` - ${piece.slice(1)}` : ` + ${piece}`;
      });
      return out;
    },
    grid: (shape, cell, keep = []) => gridTex(shape, cell, keep, d.indexBase),
    matrix: (rows, cols, entry, keepRows = [], keepCols = []) => matrixTex(
      elide(rows, LIMITS.matrix, 6, 2, keepRows), elide(cols, LIMITS.matrix, 6, 2, keepCols), entry),
    column: (n, entry, keep = []) => matrixTex(elide(n, LIMITS.matrix, 6, 2, keep), [0], (r) => entry(r)),
    outputGrid: (n, c, cell) => {
      const base = (n * d.info.outChannels + c) * d.info.outCount;
      const focus = d.focus - base;
      const keep = focus >= 0 && focus < d.info.outCount ? unflatten(focus, d.info.outSpatial) : [];
      return gridTex(d.info.outSpatial, cell ?? ((f) => valueTex(d.output[base + f]!)), keep, d.indexBase);
    },
  };
  return kit;
}

/** Scalars of a tensor as plain TeX (for grids of the user's numbers). */
export function scalarCell(s: Scalar): string {
  return plainScalar(s);
}

/**
 * A matrix from elided row and column lists: `\cdots`, `\vdots` and `\ddots` fill the gaps.
 *
 * @example matrixTex([0, null, 9], [0, 1], (r, c) => `${r}${c}`)
 */
export function matrixTex(rows: Elided, cols: Elided, entry: (r: number, c: number) => string): string {
  const lines = rows.map((r) => cols.map((c) => {
    if (r === null && c === null) return "\\ddots";
    if (r === null) return "\\vdots";
    if (c === null) return "\\cdots";
    return entry(r, c);
  }).join(" & "));
  return `\\begin{bmatrix} ${lines.join(" \\\\ ")} \\end{bmatrix}`;
}

/**
 * A tensor of any rank as TeX. Rank 1: a row; rank 2: a matrix; higher: the 2-D slices side by
 * side, each under a brace naming its leading indices (`i_0 = 1`).
 */
export function gridTex(shape: readonly number[], cell: (flat: number) => string, keep: readonly number[] = [], base = 0, offsets: readonly number[] = []): string {
  const r = shape.length;
  const strides = rowMajorStrides(shape);
  const axisList = (ax: number) => elide(shape[ax]!, LIMITS.axis, 5, 2, keep[ax] === undefined ? [] : [keep[ax]!]);
  if (r === 0) return cell(0);
  if (r === 1) return matrixTex([0], axisList(0), (_, c) => cell(c));
  const rows = axisList(r - 2), cols = axisList(r - 1);
  if (r === 2) return matrixTex(rows, cols, (i, j) => cell(i * strides[0]! + j));
  // Leading axes: every combination, each elided like an axis.
  const leading = shape.slice(0, r - 2).map((_, ax) => axisList(ax));
  const combos: (number[] | null)[] = [[]];
  for (const list of leading) {
    const next: (number[] | null)[] = [];
    for (const prefix of combos) {
      for (const v of list) next.push(prefix === null || v === null ? null : [...prefix, v]);
    }
    combos.splice(0, combos.length, ...dedupeNulls(next));
  }
  return combos.map((prefix) => {
    if (prefix === null) return "\\cdots";
    const offset = prefix.reduce((acc, v, ax) => acc + v * strides[ax]!, 0);
    const m = matrixTex(rows, cols, (i, j) => cell(offset + i * strides[r - 2]! + j));
    // The slice's position written out, (1, ·, ·): no index letter that would need defining.
    return `\\underbrace{${m}}_{(${[...prefix.map((v, ax) => String(v + base + (offsets[ax] ?? 0))), "\\cdot", "\\cdot"].join(",\\,")})}`;
  }).join(" \\; ");
}

function dedupeNulls<T>(xs: (T | null)[]): (T | null)[] {
  return xs.filter((v, i) => v !== null || xs[i - 1] !== null);
}

/**
 * The widest a display line may be, in em of the maths font: a 900 px window gives about 45 em
 * (KaTeX at 1.1× of 17 px in a 842 px column), A4 print about 47; the rest is margin for the
 * estimate's error.
 */
export const LINE_EM = 42;

/**
 * A rough width of a one-line TeX formula in em (sums, products, names; not matrices): enough to
 * decide where a long sum breaks. Colours cost nothing, sub- and superscripts 70 %, binary
 * operators and relations their glyph plus KaTeX's spacing.
 *
 * @example texWidthEm("x_{0,0}w_{1,1} + 2") > texWidthEm("x + 2") // true
 */
export function texWidthEm(tex: string): number {
  const s = tex.replace(/\\textcolor\{[^}]*\}/g, "").replace(/\\(left|right|big|Big)/g, "");
  let em = 0;
  let depth = 0;
  const scale: number[] = [];
  let pendingScript = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const f = scale.length > 0 ? scale[scale.length - 1]! : 1;
    if (c === "_" || c === "^") { pendingScript = true; continue; }
    if (c === "{") { scale.push(pendingScript ? f * 0.7 : f); pendingScript = false; depth++; continue; }
    if (c === "}") { scale.pop(); depth--; continue; }
    const k = pendingScript ? f * 0.7 : f;
    pendingScript = false;
    if (c === "\\") {
      const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i))!;
      i += m[0].length - 1;
      const name = m[1]!;
      em += k * (name === "cdot" ? 0.72 : name === "cdots" ? 1.4 : name === "quad" ? 1 : name === "qquad" ? 2
        : name === "," || name === ";" || name === ":" ? 0.25 : name === "langle" || name === "rangle" ? 0.39
        : /^(text|mathsf|mathit|operatorname|mathrm)$/.test(name) ? 0 : 0.8);
      continue;
    }
    if (c === " ") continue;
    // A minus with nothing before it (an entry, a bracket, after "=") is a sign, not an operator.
    const before = s.slice(0, i).replace(/\s+$/, "").slice(-1);
    if (c === "-" && (before === "" || "{(=,&".includes(before))) { em += k * 0.78; continue; }
    em += k * (c === "+" || c === "-" ? 1.22 : c === "=" ? 1.33 : c === "," ? 0.28 : c === "(" || c === ")" ? 0.39 : /[0-9]/.test(c) ? 0.5 : 0.6);
  }
  void depth;
  return em;
}

/**
 * Splits summands into lines no wider than `budget` em (the first line also holds `lead`), joined
 * the way {@link MathKit.sum} joins them: each later line starts with its operator.
 *
 * @example breakSum(["a", "b", "-c"], 4) // ["a + b", "- c"]
 */
export function breakSum(parts: readonly string[], budget: number, lead = ""): string[] {
  const lines: string[] = [];
  let line = "";
  let width = texWidthEm(lead);
  for (const p of parts) {
    const neg = p.startsWith("-");
    const piece = line === "" && lines.length === 0 ? p : `${neg ? "-" : "+"} ${neg ? p.slice(1) : p}`;
    const w = texWidthEm(piece) + 0.3;
    if (line !== "" && width + w > budget) { lines.push(line); line = ""; width = 2; }
    const add = line === "" ? piece : `${line} ${piece}`;
    line = add.startsWith("+ ") && lines.length === 0 && line === "" ? add.slice(2) : add;
    width += w;
  }
  if (line !== "" || lines.length === 0) lines.push(line === "" ? "0" : line);
  return lines;
}
