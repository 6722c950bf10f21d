/**
 * Step 4, the cell sums: every output cell as its terms (input entry times kernel entry, in the
 * algebra layer's documented order) and its value.
 */
import type { ExplainContext } from "../context.ts";
import type { CellEntry, CellsStep } from "../types.ts";

/**
 * Builds the cells step: one entry per output cell, complete (renderers elide, the data never).
 *
 * @example
 * const cell = buildCells(seedCtx).cells[4];
 * [cell.flat, cell.index, cell.terms, String(cell.value)] // → [4, [0, 0, 1, 1], [[0, 3], [1, 2], [2, 1], [3, 0]], "3"]
 */
export function buildCells(ctx: ExplainContext): CellsStep {
  const { cells, info } = ctx;
  const hasBias = ctx.problem.bias !== undefined;
  const out: CellEntry[] = new Array(cells.count);
  let maxTerms = 0;
  const idx = new Array<number>(info.outputShape.length).fill(0);
  for (let f = 0; f < cells.count; f++) {
    const terms: [number, number][] = [];
    cells.forEachTerm(f, (i, k) => { terms.push([i, k]); });
    if (terms.length > maxTerms) maxTerms = terms.length;
    const entry: CellEntry = { flat: f, index: [...idx], terms, value: ctx.output[f]! };
    out[f] = hasBias ? { ...entry, biasChannel: idx[1]! } : entry;
    for (let ax = idx.length - 1; ax >= 0; ax--) {
      if (++idx[ax]! < info.outputShape[ax]!) break;
      idx[ax] = 0;
    }
  }
  return { kind: "cells", cells: out, maxTerms };
}
