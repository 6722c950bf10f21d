/**
 * TeX of the entries of the sparse convolution matrix C (and Cᵀ), built by the algebra's
 * `convMatrix`.
 */
import type { SparseMatrix } from "../../algebra/sparse.ts";
import { scalarTex } from "./scalar.ts";

/**
 * TeX of the stored entry j (a kernel symbol or number).
 *
 * @example
 * const { info, w } = parseShapeProblem({ inputShape: "2", kernel: "[1/2, -3]" });
 * [0, 1].map((j) => entryTex(convMatrix(info, w), j)) // → ["\\frac{1}{2}", "-3"]
 */
export function entryTex(m: SparseMatrix, j: number): string {
  return scalarTex(m.values[m.source[j]!]!);
}

/**
 * A dense row of TeX strings (structural zeros as `0`), for small text renderings only.
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
 * denseRowTex(convMatrix(info), 3) // → ["0", "0", "0", "0", "w_{0,0}", "w_{0,1}", "0", "w_{1,0}", "w_{1,1}"]
 */
export function denseRowTex(m: SparseMatrix, row: number): string[] {
  const out = new Array<string>(m.cols).fill("0");
  for (let j = m.rowStart[row]!; j < m.rowStart[row + 1]!; j++) out[m.col[j]!] = entryTex(m, j);
  return out;
}
