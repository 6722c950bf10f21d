/**
 * The bounds every accepted input stays within, checked at the door before any work starts: how
 * many cells a problem makes anything allocate, how exact sizes stay exact, how long an entry or
 * a symbol may be, how deep brackets may nest. Each limit is named in the message that refuses
 * an input, with the option that raises it (where one does).
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { usesMatrixProduct } from "../tensor/index.ts";
import type { CanonicalParams } from "./problem.ts";
import { TconvError } from "./error.ts";

/**
 * The cell guard: no array a problem makes any path allocate (the output, the uncropped output,
 * the zero-inserted input of the direct view, the im2col buffer of the matrix-product path, the
 * per-axis tap tables) may
 * hold more cells than this, unless `maxCells` (CLI `--max-cells`) raises it. 2·10⁷ float64
 * cells are 160 MB. The tap tables are JavaScript arrays, built entry by entry, and cost far more
 * per entry in time and memory, so each of their entries counts as ten cells (see
 * {@link problemCells}): a 1-D problem of input 2,000 and kernel 1,000 is the largest accepted.
 *
 * @example
 * DEFAULT_MAX_CELLS // → 20000000
 */
export const DEFAULT_MAX_CELLS = 20_000_000;

/**
 * The most entries one JavaScript array (plain or typed) can hold, 2^32 − 1: past it, allocating
 * throws a RangeError whatever memory is free, so no `maxCells` lets a problem go past it.
 */
export const MAX_ARRAY_LENGTH = 2 ** 32 - 1;

/** Nesting depth of brackets in a tensor literal or a claim: far above any real tensor's rank. */
export const MAX_NESTING = 64;

/** Characters of one entry of a tensor literal (`2^64`, `x_{1,2}`, a long integer). */
export const MAX_ENTRY_LENGTH = 1000;

/** Characters of one symbol (`w_{1,2}`, `\alpha`): a name, not a document. */
export const MAX_SYMBOL_LENGTH = 64;

/** Bits of an exact entry's numerator plus denominator (about 2,500 decimal digits). */
export const MAX_EXACT_BITS = 8192;

/** Terms of the polynomial one entry written as an expression expands to (`(a+b+c)^5` has 21). */
export const MAX_EXPRESSION_TERMS = 256;

/** Degree of a monomial in an entry written as an expression (`a^64`). */
export const MAX_EXPRESSION_DEGREE = 64;

/** Characters of a claim (inline or from a file). */
export const MAX_CLAIM_LENGTH = 10_000_000;

/** One array a problem allocates: what it is and how many cells it has. */
export interface CellCount {
  readonly what: string;
  readonly cells: number;
  /** Entries of the array itself, when a cell count weighs them (the tap table's). */
  readonly length?: number;
}

/** Cells one tap-table entry counts as (measured: 5·10⁶ entries took 4–8 s and 0.9 GB). */
const TAP_TABLE_WEIGHT = 10;

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/**
 * Every array the problem makes a path allocate, with its cell count (floating point: a count
 * past 2^53 is only ever compared against a limit, never used as a size).
 *
 * @example
 * problemCells(parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2", stride: 1000000000 }).info)[0]
 * // → { what: "output", cells: 1.000000004e18 }
 */
export function problemCells(info: ConvInfo): CellCount[] {
  const transposed = info.op === "transposed";
  // The matrix-product path's column buffer exists only when the tensor core takes that path.
  const gemm = usesMatrixProduct(info);
  const out: CellCount[] = [
    { what: "output", cells: info.batch * info.outChannels * info.outCount },
  ];
  if (transposed) {
    out.push({ what: "uncropped output", cells: info.batch * info.outChannels * product(info.axes.map((a) => a.fullSize)) });
    // The direct view's zero-inserted, padded input: (i−1)s+1 values plus d(k−1) on each side.
    const zeroInserted = product(info.axes.map((a) => (a.inSize - 1) * a.stride + 1 + 2 * a.dilation * (a.kernel - 1) + a.outputPadding));
    out.push({ what: "zero-inserted input", cells: info.batch * info.inChannels * zeroInserted });
    if (gemm) out.push({ what: "im2col buffer", cells: info.outChannelsPerGroup * info.kernelCount * info.inCount });
  } else {
    out.push({ what: "padded input", cells: info.batch * info.inChannels * product(info.axes.map((a) => a.inSize + a.padBegin + a.padEnd)) });
    if (gemm) out.push({ what: "im2col buffer", cells: info.inChannelsPerGroup * info.kernelCount * info.outCount });
  }
  // One (input, output) pair per tap and position on each axis, held in JavaScript arrays.
  const links = info.axes.reduce((s, a) => s + (transposed ? a.inSize : a.outSize) * a.kernel, 0);
  out.push({ what: "tap table", cells: TAP_TABLE_WEIGHT * links, length: links });
  return out;
}

/**
 * Refuses a problem that would allocate more cells than `limit`, naming the array, its size and
 * the option that raises the limit.
 *
 * @example
 * requireCellLimit(parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).info, 100, "--max-cells"); // passes
 */
export function requireCellLimit(info: ConvInfo, limit: number, field: string): void {
  for (const { what, cells, length = cells } of problemCells(info)) {
    // Past what one array can hold no limit helps (and a count past 2^53 would not be exact).
    if (length > MAX_ARRAY_LENGTH) {
      const above = cells > limit ? `above the limit of ${count(limit)} and ` : "";
      throw new TconvError("too-large", field,
        `this problem's ${what} has ${count(cells)} cells, ${above}more than one array can hold (${MAX_ARRAY_LENGTH}); no ${field} raises that, so make the problem smaller (its stride, dilation or sizes)`,
        { expected: `<= ${Math.min(limit, MAX_ARRAY_LENGTH)}`, actual: String(cells) });
    }
    if (cells > limit) {
      // Below the array ceiling the count is an exact integer (at most 10 · (2^32 − 1)).
      throw new TconvError("too-large", field,
        `this problem's ${what} has ${count(cells)} cells, above the limit of ${count(limit)}; raise it with ${field} ${Math.ceil(cells)} if you mean it`,
        { expected: `<= ${limit}`, actual: String(cells) });
    }
  }
}

/**
 * The cell limit a caller asked for (`maxCells`, `--max-cells`), or the default.
 *
 * @example
 * parseMaxCells("1e8", "--max-cells") // → 100000000
 */
export function parseMaxCells(value: number | string | undefined, field: string): number {
  if (value === undefined) return DEFAULT_MAX_CELLS;
  const n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isFinite(n) || n < 1) throw new TconvError("bad-parameter", field, `expected a positive number of cells, got "${String(value).slice(0, 40)}"`);
  return n;
}

const count = (n: number) => (n < 1e6 ? String(n) : n.toExponential(2));

/**
 * Refuses sizes that a float64 cannot hold exactly: every size and intermediate of the output
 * size formula is computed in BigInt and must stay within 2^53 − 1, so a size tconv prints is
 * never a rounded one.
 *
 * @example
 * requireExactSizes(canonicalParams({ inputSize: [4503599627370496], kernelSize: [2], stride: [4] }), "inputShape")
 * // throws: axis 0's uncropped output size 18014398509481982 is past 2^53 − 1
 */
export function requireExactSizes(p: CanonicalParams, field: string): void {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  for (let ax = 0; ax < p.inputSize.length; ax++) {
    const i = BigInt(p.inputSize[ax]!), k = BigInt(p.kernelSize[ax]!), s = BigInt(p.stride[ax]!), d = BigInt(p.dilation[ax]!);
    const pb = BigInt(p.padBegin[ax]!), pe = BigInt(p.padEnd[ax]!), op = BigInt(p.outputPadding[ax]!);
    const sizes: Array<[string, bigint]> = p.op === "transposed"
      ? [["uncropped output size", (i - 1n) * s + d * (k - 1n) + 1n + op], ["zero-inserted input size", (i - 1n) * s + 1n + 2n * d * (k - 1n) + op]]
      : [["padded input size", i + pb + pe], ["dilated kernel size", d * (k - 1n) + 1n]];
    for (const [what, v] of sizes) {
      if (v > max || v < -max) {
        throw new TconvError("too-large", field,
          `axis ${ax}'s ${what} ${v} is past 2^53 − 1 (${max}); tconv computes sizes exactly only up to there`,
          { expected: `<= ${max}`, actual: String(v) });
      }
    }
  }
}

/**
 * Refuses text nested deeper than {@link MAX_NESTING} brackets (`[`, `(`, `{`), before any
 * recursive parser sees it, so no input can exhaust the stack.
 *
 * @example
 * requireNestingLimit("[[1,2],[3,4]]", "--input"); // passes
 */
export function requireNestingLimit(text: string, field: string, limit = MAX_NESTING): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 40 || c === 123) {
      if (++depth > limit) {
        throw new TconvError("too-deep", field,
          `brackets nest more than ${limit} deep at character ${i + 1}; a tensor needs one level per axis`,
          { expected: `<= ${limit}`, actual: `> ${limit}` });
      }
    } else if (c === 93 || c === 41 || c === 125) {
      if (depth > 0) depth--;
    }
  }
}
