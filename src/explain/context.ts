/**
 * What every step builder reads: the validated problem, its cells (derived once by the algebra
 * layer), the matrix C (built on first use) and the focus cell. Builders take this record and
 * never re-derive sizes from user arguments (DESIGN.md convention 1).
 *
 * The step builders' examples name two example problems: `seedCtx` is the context of the seed
 * problem (input `[[1,2],[3,4]]`, kernel `[[1,0],[0,-1]]`, index base 0), `seedInfo` its shape
 * record and `seedDerivation` its `explain`; `oneDCtx` is input `[1,2,3,4]`, kernel `[1,2,1]`,
 * stride 2. test/explain/step-examples.test.ts defines them so and runs every example.
 */
import { convMatrix, deriveCells, type CellSums, type SparseMatrix } from "../algebra/index.ts";
import type { AlgebraValue } from "../algebra/ring.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { Problem } from "../spec/parse-problem.ts";

export interface ExplainContext {
  readonly problem: Problem;
  readonly info: ConvInfo;
  readonly indexBase: 0 | 1;
  readonly cells: CellSums;
  /** Every output cell's value: exact, float or polynomial. */
  readonly output: readonly AlgebraValue[];
  /** Output flat index explained in full. */
  readonly focus: number;
  /** C of the problem with the user's kernel entries (built once, on first use). */
  matrix(): SparseMatrix;
}

/**
 * Builds the context: derives every cell once and chooses the focus cell.
 *
 * @example
 * const ctx = explainContext(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }), { indexBase: 0 });
 * ctx.focus // → 4
 * // the centre cell, four terms
 */
export function explainContext(problem: Problem, opts: { indexBase: 0 | 1; cell?: readonly number[] }): ExplainContext {
  const info = problem.info;
  const cells = deriveCells(info, problem.x, problem.w, problem.bias, { indexBase: opts.indexBase });
  const output: AlgebraValue[] = new Array(cells.count);
  if (cells.mode === "symbolic") for (let f = 0; f < cells.count; f++) output[f] = cells.polynomial(f);
  else for (let f = 0; f < cells.count; f++) output[f] = cells.value(f)!;
  const focus = opts.cell ? focusFromCell(info, opts.cell) : busiest(cells);
  let c: SparseMatrix | undefined;
  return {
    problem, info, indexBase: opts.indexBase, cells, output, focus,
    matrix: () => (c ??= convMatrix(info, problem.w)),
  };
}

/** The first spatial cell (batch 0, channel 0) with the most terms: where overlap is greatest. */
function busiest(cells: CellSums): number {
  let best = 0;
  for (let o = 1; o < cells.overlap.length; o++) if (cells.overlap[o]! > cells.overlap[best]!) best = o;
  return best;
}

/**
 * `--cell` as an output flat index: one index per spatial axis (batch 0, channel 0), or the full
 * output multi-index [n, c, *spatial]. Indices are already 0-based here.
 */
function focusFromCell(info: ConvInfo, cell: readonly number[]): number {
  const full = cell.length === info.rank ? [0, 0, ...cell] : [...cell];
  let flat = 0;
  info.outputShape.forEach((n, ax) => { flat = flat * n + full[ax]!; });
  return flat;
}
