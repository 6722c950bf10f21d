/**
 * `tconv matrix`: the sparse matrix C of the ordinary convolution whose transpose is the problem
 * (or, with `--op conv`, of the convolution itself), and Cᵀ — as Markdown with `$$` bmatrix,
 * LaTeX, or JSON. Text formats show C densely and refuse above {@link TEXT_MAX_ENTRIES} dense
 * entries per matrix; JSON lists only the stored entries and has no limit but memory.
 */
import type { CommandDefinition } from "./commands.ts";
import { addShapeOptions, indexBaseFromOptions, shapeProblemFromOptions } from "./options.ts";
import { TconvError } from "../spec/error.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { SparseMatrix } from "../algebra/sparse.ts";
import type { Scalar } from "../algebra/scalar.ts";

/**
 * The largest matrix (rows × columns) the Markdown and LaTeX formats print densely: 10 000
 * entries, e.g. a 64×100 C (an 8×8 input with a 3×3 kernel). Larger matrices are unreadable as
 * text; `--format json` lists their stored entries instead.
 */
export const TEXT_MAX_ENTRIES = 10_000;

type Format = "md" | "tex" | "json";

function parseFormat(v: unknown): Format {
  const t = typeof v === "string" ? v.trim().toLowerCase() : "md";
  if (t === "md" || t === "markdown") return "md";
  if (t === "tex" || t === "latex") return "tex";
  if (t === "json") return "json";
  throw new TconvError("bad-format", "--format", `unknown format "${String(v)}"; expected md, tex or json`, { expected: "md|tex|json", actual: String(v) });
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

async function sides(info: ConvInfo, base: 0 | 1): Promise<Sides> {
  const { indexedNames } = await import("../algebra/symbols.ts");
  const xLabels = indexedNames("x", [info.inChannels, ...info.inSpatial], 1, base);
  const yLabels = indexedNames("y", [info.outChannels, ...info.outSpatial], 1, base);
  return info.op === "transposed"
    ? { rowLetter: "x", colLetter: "y", rowLabels: xLabels, colLabels: yLabels, product: "vec(y) = C^T vec(x)", productTex: "\\operatorname{vec}(y) = C^{\\mathsf{T}} \\operatorname{vec}(x)" }
    : { rowLetter: "y", colLetter: "x", rowLabels: yLabels, colLabels: xLabels, product: "vec(y) = C vec(x)", productTex: "\\operatorname{vec}(y) = C \\operatorname{vec}(x)" };
}

function jsonValue(s: Scalar): number | string {
  if (s.kind === "symbol") return s.name;
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

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("matrix")
    .description("the sparse matrix C of the ordinary convolution whose transpose this is, and C^T, e.g. matrix --input-shape 2,2 --kernel-shape 2,2")
    .option("--format <format>", `md (Markdown with $$ bmatrix), tex (LaTeX) or json ({"rows","cols","entries":[[row,col,value],...]}); md and tex refuse matrices above ${TEXT_MAX_ENTRIES} entries`, "md")
    .option("--index-base <n>", "0 or 1: how cells and symbols are numbered (x_{0,0} or x_{1,1}); JSON rows and columns stay 0-based", "0");
  addShapeOptions(cmd, { kernelValues: true, symbols: true }).action(async (opts: Record<string, unknown>) => {
    const format = parseFormat(opts["format"]);
    const base = indexBaseFromOptions(opts);
    const problem = shapeProblemFromOptions(opts, io, { symbols: true });
    const info = problem.info;
    // C holds one entry per multiply-add of a batch item: the shared term limit bounds its memory.
    const { requireTermLimit, DEFAULT_MAX_TERMS } = await import("../spec/parse-problem.ts");
    const limitText = typeof opts["maxTerms"] === "string" ? opts["maxTerms"] : undefined;
    const limit = limitText === undefined ? DEFAULT_MAX_TERMS : Number(limitText.trim());
    if (!Number.isFinite(limit) || limit < 1) {
      throw new TconvError("bad-parameter", "--max-terms", `expected a positive number of terms, got "${limitText}"`);
    }
    requireTermLimit(info, limit, "--max-terms");
    const rows = info.op === "transposed" ? info.inChannels * info.inCount : info.outChannels * info.outCount;
    const cols = info.op === "transposed" ? info.outChannels * info.outCount : info.inChannels * info.inCount;
    if (format !== "json" && rows * cols > TEXT_MAX_ENTRIES) {
      throw new TconvError("too-large", "--format",
        `C is ${rows}×${cols} (${rows * cols} entries), above the ${TEXT_MAX_ENTRIES} a text format prints; use --format json for its stored entries`,
        { expected: `<= ${TEXT_MAX_ENTRIES} entries`, actual: String(rows * cols) });
    }
    const { convMatrix, transpose, denseRowTex } = await import("../algebra/sparse.ts");
    const c = convMatrix(info, problem.w, { indexBase: base });
    const ct = transpose(c);
    const s = await sides(info, base);
    if (format === "json") {
      io.out(`{"rows":${c.rows},"cols":${c.cols},"entries":${entriesJson(c)},`
        + `"transpose":{"rows":${ct.rows},"cols":${ct.cols},"entries":${entriesJson(ct)}},`
        + `"rowCells":${JSON.stringify(s.rowLabels)},"colCells":${JSON.stringify(s.colLabels)},`
        + `"product":${JSON.stringify(s.product)},"indexBase":${base}}\n`);
      return;
    }
    const body = (m: SparseMatrix, sep: string) => {
      const lines: string[] = [];
      for (let r = 0; r < m.rows; r++) lines.push(denseRowTex(m, r).join(" & "));
      return lines.join(` \\\\${sep}`);
    };
    const cName = info.op === "transposed" ? "the ordinary convolution whose transpose is this problem" : "this convolution";
    const cells = (labels: string[]) => labels.map((l) => `$${l}$`).join(", ");
    if (format === "md") {
      io.out([
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
        body(c, "\n"),
        `\\end{bmatrix}`,
        `$$`,
        ``,
        `$$`,
        `C^{\\mathsf{T}} = \\begin{bmatrix}`,
        body(ct, "\n"),
        `\\end{bmatrix}`,
        `$$`,
        ``,
      ].join("\n"));
      return;
    }
    // LaTeX: `array` has no column limit in pdflatex (bmatrix stops at 10 without MaxMatrixCols).
    const array = (m: SparseMatrix) => `\\left[\\begin{array}{${"c".repeat(m.cols)}}\n${body(m, "\n")}\n\\end{array}\\right]`;
    io.out([
      `% C (${c.rows}x${c.cols}): the matrix of ${cName}; ${s.product}.`,
      `% Rows: cells ${s.rowLetter}; columns: cells ${s.colLetter}; channel first, then row-major over space.`,
      `\\[`,
      `C = ${array(c)}`,
      `\\]`,
      `\\[`,
      `C^{\\mathsf{T}} = ${array(ct)}`,
      `\\]`,
      ``,
    ].join("\n"));
  });
};

export default definition;
