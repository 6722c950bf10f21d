/**
 * Step 5, the matrix view: C (the ordinary convolution, rows = narrow side, columns = wide side),
 * its transpose, vec(x), the product and the reshape back to the output grid.
 */
import type { ExplainContext } from "../context.ts";
import type { MatrixStep } from "../types.ts";

/**
 * Builds the matrix step for batch item 0 (every batch item uses the same C).
 *
 * @example
 * const m = buildMatrix(seedCtx);
 * [m.rows, m.cols] // → [4, 9]
 * m.entries[0] // → [0, 0, 0]
 */
export function buildMatrix(ctx: ExplainContext): MatrixStep {
  const { info } = ctx;
  const c = ctx.matrix();
  const entries: [number, number, number][] = new Array(c.nnz);
  for (let r = 0; r < c.rows; r++) {
    for (let j = c.rowStart[r]!; j < c.rowStart[r + 1]!; j++) entries[j] = [r, c.col[j]!, c.source[j]!];
  }
  const inItem = info.inChannels * info.inCount, outItem = info.outChannels * info.outCount;
  return {
    kind: "matrix",
    rows: c.rows,
    cols: c.cols,
    entries,
    vector: Array.from({ length: inItem }, (_, i) => i),
    product: Array.from({ length: outItem }, (_, i) => i),
  };
}
