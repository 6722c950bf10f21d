/**
 * Checking a claimed convolution matrix C (`--claim-matrix`): the sparse matrix of the ordinary
 * convolution whose transpose the problem is (src/algebra/sparse.ts: rows are the transposed
 * convolution's input cells, columns its output cells, channel-major then row-major; for
 * `--op conv` rows are the output cells). Every entry is compared; a claim that is Cᵀ instead of
 * C, or C built from the kernel rotated by 180°, is named.
 */
import { convMatrix, matrixEntry, transpose, type SparseMatrix } from "../algebra/sparse.ts";
import type { Scalar } from "../algebra/scalar.ts";
import { TconvError } from "../spec/error.ts";
import type { Claim } from "./claim/index.ts";
import type { ClaimEntry } from "./claim/entry.ts";
import { claimMatches } from "./compare.ts";
import type { CheckProblem } from "./problem.ts";
import { Rational } from "../algebra/rational.ts";
import type { Num } from "./value.ts";

export interface WrongEntry {
  readonly row: number;
  readonly col: number;
  readonly expected: Num;
  readonly claimed: ClaimEntry;
  /** The canonical weight's flat index the entry holds, or undefined for a structural zero. */
  readonly weight: number | undefined;
}

export type MatrixDiagnosis =
  | { readonly mistake: "matrix-transposed"; readonly explains: number }
  | { readonly mistake: "flipped-kernel"; readonly explains: number; readonly transposed: boolean };

/** What the checker found about a claimed matrix C: its shape, the wrong entries, the mistake. */
export interface MatrixFinding {
  readonly correct: boolean;
  readonly expected: readonly [number, number];
  readonly claimed: readonly [number, number];
  readonly compared: number;
  readonly unknown: number;
  readonly wrong: readonly WrongEntry[];
  readonly diagnosis: readonly MatrixDiagnosis[];
}

const ZERO = Rational.ZERO;
const valueOf = (s: Scalar | undefined): Num => {
  if (!s) return ZERO;
  if (s.kind === "symbol" || s.kind === "expression") throw new Error("checkMatrix: a symbolic entry; checkClaim admits numbers only");
  return s.value;
};

/** The source (weight flat index) of the stored entry at (row, col), if any. */
function sourceAt(m: SparseMatrix, row: number, col: number): number | undefined {
  for (let j = m.rowStart[row]!; j < m.rowStart[row + 1]!; j++) if (m.col[j] === col) return m.source[j]!;
  return undefined;
}

/**
 * Compares a claimed C with the true one (same batch-free numbering as `tconv matrix`).
 *
 * @example
 * checkMatrix(problem, parseClaim("[[1,0,0,0,-1,0,0,0,0],[…]]", { field: "--claim-matrix" })).wrong.length
 */
export function checkMatrix(problem: CheckProblem, claim: Claim, field = "claimMatrix"): MatrixFinding {
  if (claim.shape.length !== 2) {
    throw new TconvError("claim-rank", field, `C is a matrix; the claim has ${claim.shape.length} axes ([${claim.shape.join(",")}])`);
  }
  const c = convMatrix(problem.info, problem.w);
  const [rows, cols] = [claim.shape[0]!, claim.shape[1]!];
  const unknown = claim.entries.filter((e) => e.kind === "unknown").length;
  const compared = claim.entries.length - unknown;
  const base = { expected: [c.rows, c.cols] as const, claimed: [rows, cols] as const, compared, unknown };
  // C with the kernel rotated by 180°, and both transposes, as the candidate mistakes.
  const k = problem.info.kernelCount;
  const flippedW = { shape: problem.w.shape, data: problem.w.data.map((_, i) => problem.w.data[i - (i % k) + (k - 1 - (i % k))]!) };
  const flipped = convMatrix(problem.info, flippedW);
  const agrees = (m: SparseMatrix) => m.rows === rows && m.cols === cols
    && claim.entries.every((e, i) => claimMatches(e, valueOf(matrixEntry(m, Math.floor(i / cols), i % cols))));
  const diagnosis: MatrixDiagnosis[] = [];
  if (rows !== c.rows || cols !== c.cols) {
    if (compared > 0 && agrees(transpose(c))) diagnosis.push({ mistake: "matrix-transposed", explains: compared });
    else if (compared > 0 && agrees(transpose(flipped))) diagnosis.push({ mistake: "flipped-kernel", explains: compared, transposed: true });
    return { ...base, correct: false, wrong: [], diagnosis };
  }
  const wrong: WrongEntry[] = [];
  let flippedExplains = 0, flippedContradicts = false;
  claim.entries.forEach((e, i) => {
    if (e.kind === "unknown") return;
    const row = Math.floor(i / cols), col = i % cols;
    const expected = valueOf(matrixEntry(c, row, col));
    const fromFlipped = claimMatches(e, valueOf(matrixEntry(flipped, row, col)));
    if (claimMatches(e, expected)) { if (!fromFlipped) flippedContradicts = true; return; }
    wrong.push({ row, col, expected, claimed: e, weight: sourceAt(c, row, col) });
    if (fromFlipped) flippedExplains++;
  });
  if (wrong.length > 0 && flippedExplains > 0 && !flippedContradicts) {
    diagnosis.push({ mistake: "flipped-kernel", explains: flippedExplains, transposed: false });
  }
  return { ...base, correct: wrong.length === 0, wrong, diagnosis };
}
