/**
 * `matrix`: the sparse matrix C of the ordinary convolution whose transpose the problem is (with
 * `op: "conv"`, of the convolution itself) and Cᵀ, from option-like inputs — shapes with a
 * symbolic kernel `w_{…}`, or kernel values. The algebra layer (`convMatrix`, `transpose`) builds them.
 */
import { convMatrix, transpose, type SparseMatrix } from "../algebra/sparse.ts";
import { parseMaxCells, requireCellLimit } from "../spec/limits.ts";
import { apiNames } from "../spec/names.ts";
import {
  parseMaxTerms, parseShapeProblem, requireTermLimit, type ShapeProblem, type ShapeProblemOptions,
} from "../spec/parse-problem.ts";

/** The problem by shapes (or with kernel values), and how symbols are numbered. */
export interface MatrixOptions extends ShapeProblemOptions {
  /** Numbering of the default kernel symbols: `w_{0,0}` (0, default) or `w_{1,1}` (1). */
  readonly indexBase?: 0 | 1;
}

/** C and Cᵀ, sparse, with the problem they belong to. */
export interface MatrixResult {
  readonly problem: ShapeProblem;
  /** Rows: the transposed convolution's input cells; columns: its output cells (row-major). */
  readonly c: SparseMatrix;
  readonly ct: SparseMatrix;
}

/**
 * Builds C and Cᵀ.
 *
 * @example
 * const { c, ct } = matrix({ op: "conv", inputShape: "3,3", kernelShape: "2,2" });
 * [c.rows, c.cols, ct.rows, ct.cols] // → [4, 9, 9, 4]
 * denseRowTex(c, 0)                  // → ["w_{0,0}", "w_{0,1}", "0", "w_{1,0}", "w_{1,1}", "0", "0", "0", "0"]
 * denseRowTex(matrix({ inputShape: [2], kernel: [1, 2] }).c, 1) // → ["0", "1", "2"]
 */
export function matrix(options: MatrixOptions): MatrixResult {
  const names = options.names ?? apiNames;
  const problem = parseShapeProblem({ ...options, allowSymbols: options.allowSymbols ?? true });
  // C stores one entry per multiply-add of a batch item: the shared term limit bounds its memory.
  requireTermLimit(problem.info, parseMaxTerms(options.maxTerms, names.maxTerms), names.maxTerms);
  requireCellLimit(problem.info, parseMaxCells(options.maxCells, names.maxCells), names.maxCells);
  const c = convMatrix(problem.info, problem.w, { indexBase: options.indexBase ?? 0 });
  return { problem, c, ct: transpose(c) };
}
