/** View of the matrix step: C, Cᵀ, vec(x), the product and the reshape. */
import type { MatrixStep } from "../../explain/types.ts";
import { LIMITS, elide, type Elided } from "../../explain/elision.ts";
import { matrixTex, scalarCell, valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";

export interface MatrixView {
  readonly transposed: boolean;
  readonly rows: number;
  readonly cols: number;
  readonly c: string;
  readonly ct: string;
  readonly vecX: string;
  /** `vec(Y) = Cᵀ vec(X) = (values)` */
  readonly product: string;
  readonly result: readonly MapView[];
  readonly elided: boolean;
  readonly nnz: number;
  readonly batch: boolean;
  readonly channels: boolean;
  /** `w_{0,0} = 1,\; …`: the kernel's numbers put in for the names of C (every name C uses). */
  readonly substitution: string;
  /** The kernel entries are symbols named as C names them: nothing to put in. */
  readonly namesAreValues: boolean;
  /** When C's columns are elided: the output cells of the kept columns, by why they were kept. */
  readonly keptColumns: { readonly first: readonly string[]; readonly focus: readonly string[]; readonly last: readonly string[]; readonly left: number } | undefined;
}

/** A bmatrix with a header row of small column labels, separated from the entries by a rule. */
function labelledMatrix(rows: Elided, cols: Elided, entry: (r: number, c: number) => string, label: (c: number) => string): string {
  const body = matrixTex(rows, cols, entry);
  const head = cols.map((c) => (c === null ? "" : `\\scriptstyle ${label(c)}`)).join(" & ");
  return body.replace("\\begin{bmatrix} ", `\\begin{bmatrix} ${head} \\\\ \\hline `);
}

export function matrixView(step: MatrixStep, kit: MathKit): MatrixView {
  const { d } = kit;
  const info = d.info;
  const transposed = info.op === "transposed";
  const at = new Map<number, number>();
  for (const [r, c, w] of step.entries) at.set(r * step.cols + c, w);
  // Rows of C belong to input cells (transposed) and take their colour; zeros stay plain.
  const entry = (r: number, c: number) => {
    const w = at.get(r * step.cols + c);
    if (w === undefined) return "0";
    const tex = kit.wName(w);
    return transposed ? kit.colour(r % info.inCount, tex) : kit.colour(c % info.inCount, tex);
  };
  const outFocus = d.focus % (info.outChannels * info.outCount);
  const [keepRows, keepCols] = transposed ? [[], [outFocus]] : [[outFocus], []];
  const colList = elide(step.cols, LIMITS.matrix, 6, 2, keepCols);
  const colsElided = colList.includes(null);
  // An elided C names its kept columns (transposed: each column is an output cell) in a header row.
  const c = transposed && colsElided
    ? labelledMatrix(elide(step.rows, LIMITS.matrix, 6, 2, keepRows), colList, entry, (col) => d.names.y[col]!)
    : kit.matrix(step.rows, step.cols, entry, keepRows, keepCols);
  // The same entries with the kernel's numbers put in (what the product multiplies).
  const entryNum = (r: number, col: number) => {
    const w = at.get(r * step.cols + col);
    if (w === undefined) return "0";
    const tex = scalarCell(d.w.data[w]!);
    return transposed ? kit.t.colour(r % info.inCount, tex) : kit.t.colour(col % info.inCount, tex);
  };
  const cNum = kit.matrix(step.rows, step.cols, entryNum, keepRows, keepCols);
  const ctNum = kit.matrix(step.cols, step.rows, (r, col) => entryNum(col, r), keepCols, keepRows);
  const kept = colList.filter((v): v is number => v !== null);
  const firstKept = kept.filter((v) => v < 6), lastKept = kept.filter((v) => v >= step.cols - 2);
  const focusKept = kept.filter((v) => v >= 6 && v < step.cols - 2);
  const ct = kit.matrix(step.cols, step.rows, (r, col) => entry(col, r), keepCols, keepRows);
  const vecX = kit.column(step.vector.length, (i) => kit.xValue(step.vector[i]!));
  const vecY = kit.column(step.product.length, (i) => valueTex(d.output[step.product[i]!]!), [outFocus]);
  const bias = d.bias ? " + b" : "";
  // The bias as its own term: b_c of each output cell's channel, in the order of vec(Y).
  const biasCol = d.bias
    ? ` + ${kit.column(step.product.length, (i) => scalarCell(d.bias!.data[Math.floor((step.product[i]! % (info.outChannels * info.outCount)) / info.outCount)]!), [outFocus])}`
    : "";
  return {
    transposed, rows: step.rows, cols: step.cols, c, ct, vecX,
    product: transposed
      ? `\\operatorname{vec}(Y) = C^{\\mathsf{T}} \\operatorname{vec}(X)${bias} = ${ctNum} ${vecX}${biasCol} = ${vecY}`
      : `\\operatorname{vec}(Y) = C \\operatorname{vec}(X)${bias} = ${cNum} ${vecX}${biasCol} = ${vecY}`,
    substitution: [...new Set(step.entries.map(([, , w]) => w))].sort((a, b) => a - b)
      .map((w) => `${kit.wName(w)} = ${scalarCell(d.w.data[w]!)}`).join(",\\; "),
    namesAreValues: d.w.data.every((s, i) => s.kind === "symbol" && s.tex === d.names.w[i]),
    keptColumns: transposed && colsElided ? {
      first: firstKept.map((v) => d.names.y[v]!), focus: focusKept.map((v) => d.names.y[v]!),
      last: lastKept.map((v) => d.names.y[v]!), left: step.cols - kept.length,
    } : undefined,
    result: outputMaps(kit).maps,
    elided: step.rows > LIMITS.matrix || step.cols > LIMITS.matrix,
    nnz: step.entries.length,
    batch: info.batch > 1,
    channels: info.inChannels > 1 || info.outChannels > 1,
  };
}
