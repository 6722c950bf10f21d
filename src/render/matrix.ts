/**
 * `matrix` output: C and Cᵀ as Markdown (`$$` bmatrix), LaTeX (`array`, which has no column
 * limit in pdflatex) or JSON (the stored entries only). Text formats print C densely, so they
 * refuse above {@link TEXT_MAX_ENTRIES} entries; JSON has no limit but memory.
 */
import { indexedNames } from "../algebra/symbols.ts";
import type { SparseMatrix } from "../algebra/sparse.ts";
import { denseRowTex } from "./tex/matrix.ts";
import type { Scalar } from "../algebra/scalar.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import { TconvError } from "../spec/error.ts";

/**
 * The largest matrix (rows × columns) the Markdown and LaTeX formats print densely: 10 000
 * entries, e.g. a 64×100 C (an 8×8 input with a 3×3 kernel). Larger matrices are unreadable as
 * text; JSON lists their stored entries instead.
 *
 * @example
 * TEXT_MAX_ENTRIES // → 10000
 */
export const TEXT_MAX_ENTRIES = 10_000;

/** The formats `matrix` writes. */
export type MatrixFormat = "md" | "tex" | "json";

/**
 * A format name as users write it (`md`, `markdown`, `tex`, `latex`, `json`).
 *
 * @example
 * parseMatrixFormat("latex", "--format") // → "tex"
 */
export function parseMatrixFormat(v: unknown, field: string): MatrixFormat {
  const t = typeof v === "string" ? v.trim().toLowerCase() : "md";
  if (t === "md" || t === "markdown") return "md";
  if (t === "tex" || t === "latex") return "tex";
  if (t === "json") return "json";
  throw new TconvError("bad-format", field, `unknown format "${String(v)}"; expected md, tex or json`, { expected: "md|tex|json", actual: String(v) });
}

/** What C's rows and columns are, in words and per-cell labels. */
interface Sides {
  readonly rowLetter: string;
  readonly colLetter: string;
  readonly rowLabels: string[];
  readonly colLabels: string[];
  readonly product: string;
  readonly productTex: string;
}

function sides(info: ConvInfo, base: 0 | 1): Sides {
  const xLabels = indexedNames("x", [info.inChannels, ...info.inSpatial], 1, base);
  const yLabels = indexedNames("y", [info.outChannels, ...info.outSpatial], 1, base);
  return info.op === "transposed"
    ? { rowLetter: "x", colLetter: "y", rowLabels: xLabels, colLabels: yLabels, product: "vec(y) = C^T vec(x)", productTex: "\\operatorname{vec}(y) = C^{\\mathsf{T}} \\operatorname{vec}(x)" }
    : { rowLetter: "y", colLetter: "x", rowLabels: yLabels, colLabels: xLabels, product: "vec(y) = C vec(x)", productTex: "\\operatorname{vec}(y) = C \\operatorname{vec}(x)" };
}

function jsonValue(s: Scalar): number | string {
  if (s.kind === "symbol") return s.name;
  if (s.kind === "expression") return s.poly.toString();
  if (s.kind === "float") return s.value;
  return s.value.toJSON();
}

function entriesJson(m: SparseMatrix): string {
  const parts = new Array<string>(m.nnz);
  for (let r = 0, j = 0; r < m.rows; r++) {
    for (; j < m.rowStart[r + 1]!; j++) parts[j] = `[${r},${m.col[j]},${JSON.stringify(jsonValue(m.values[m.source[j]!]!))}]`;
  }
  return `[${parts.join(",")}]`;
}

function denseBody(m: SparseMatrix): string {
  const lines: string[] = [];
  for (let r = 0; r < m.rows; r++) lines.push(denseRowTex(m, r).join(" & "));
  return lines.join(" \\\\\n");
}

/**
 * Renders C and Cᵀ of a problem; `field` names the format option in a too-large error.
 *
 * @example
 * const { problem, c, ct } = matrix({ op: "conv", inputShape: "3,3", kernelShape: "2,2" });
 * renderMatrix(problem.info, c, ct, { format: "json", indexBase: 0 }).startsWith('{"rows":4,"cols":9,') // → true
 */
export function renderMatrix(
  info: ConvInfo, c: SparseMatrix, ct: SparseMatrix,
  opts: { format: MatrixFormat; indexBase: 0 | 1; field?: string },
): string {
  const s = sides(info, opts.indexBase);
  if (opts.format === "json") {
    return `{"rows":${c.rows},"cols":${c.cols},"entries":${entriesJson(c)},`
      + `"transpose":{"rows":${ct.rows},"cols":${ct.cols},"entries":${entriesJson(ct)}},`
      + `"rowCells":${JSON.stringify(s.rowLabels)},"colCells":${JSON.stringify(s.colLabels)},`
      + `"product":${JSON.stringify(s.product)},"indexBase":${opts.indexBase}}\n`;
  }
  if (c.rows * c.cols > TEXT_MAX_ENTRIES) {
    throw new TconvError("too-large", opts.field ?? "format",
      `C is ${c.rows}×${c.cols} (${c.rows * c.cols} entries), above the ${TEXT_MAX_ENTRIES} a text format prints; use --format json for its stored entries`,
      { expected: `<= ${TEXT_MAX_ENTRIES} entries`, actual: String(c.rows * c.cols) });
  }
  const cName = info.op === "transposed" ? "the ordinary convolution whose transpose is this problem" : "this convolution";
  const cells = (labels: string[]) => labels.map((l) => `$${l}$`).join(", ");
  if (opts.format === "md") {
    return [
      `# Convolution matrix`,
      ``,
      `$C$ (${c.rows}×${c.cols}) is the matrix of ${cName}; $${s.productTex}$.`,
      `Rows are the cells ${s.rowLetter} and columns the cells ${s.colLetter}, each flattened channel first, then row-major over space (per batch item).`,
      ``,
      `Rows: ${cells(s.rowLabels)}.`,
      ``,
      `Columns: ${cells(s.colLabels)}.`,
      ``,
      `$$`,
      `C = \\begin{bmatrix}`,
      denseBody(c),
      `\\end{bmatrix}`,
      `$$`,
      ``,
      `$$`,
      `C^{\\mathsf{T}} = \\begin{bmatrix}`,
      denseBody(ct),
      `\\end{bmatrix}`,
      `$$`,
      ``,
    ].join("\n");
  }
  const array = (m: SparseMatrix) => `\\left[\\begin{array}{${"c".repeat(m.cols)}}\n${denseBody(m)}\n\\end{array}\\right]`;
  return [
    `% C (${c.rows}x${c.cols}): the matrix of ${cName}; ${s.product}.`,
    `% Rows: cells ${s.rowLetter}; columns: cells ${s.colLetter}; channel first, then row-major over space.`,
    `\\[`,
    `C = ${array(c)}`,
    `\\]`,
    `\\[`,
    `C^{\\mathsf{T}} = ${array(ct)}`,
    `\\]`,
    ``,
  ].join("\n");
}
