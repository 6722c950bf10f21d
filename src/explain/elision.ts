/**
 * The elision policy for text formats (JSON is always complete). A derivation is never cut
 * silently: every list below returns `null` where something was left out, and renderers say how
 * much. The policy, also in docs/walkthroughs.md:
 * - cell sums: all cells up to {@link LIMITS.cells}; beyond, the first and last rows of the first
 *   output map (each row shortened to its first 3 and last 2 cells) and the focus cell;
 * - grids (tensors printed as matrices): up to {@link LIMITS.axis} entries per axis, else the
 *   first 5 and last 2 with `\cdots`/`\vdots` between (the focus row/column kept);
 * - matrices C, Cᵀ, Cᵀ C: up to {@link LIMITS.matrix} rows/columns, else the first 6 and last 2;
 * - a sum with more than {@link LIMITS.terms} terms: the first 4 and last 2 terms;
 * - scatter copies and sliding windows: up to {@link LIMITS.copies}, else the first, the last and
 *   those that meet at the focus cell.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";

export const LIMITS = Object.freeze({ cells: 36, axis: 12, matrix: 12, terms: 12, copies: 9 });

/** Indices kept, in order, with `null` for each gap. */
export type Elided = (number | null)[];

/**
 * Keeps all of 0..n−1 when n ≤ limit, else `head` first, `tail` last and the `keep` indices.
 *
 * @example
 * elide(10, 8, 3, 2) // → [0, 1, 2, null, 8, 9]
 * elide(10, 8, 3, 2, [5]) // → [0, 1, 2, null, 5, null, 8, 9]
 */
export function elide(n: number, limit: number, head: number, tail: number, keep: readonly number[] = []): Elided {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const set = new Set<number>();
  for (let i = 0; i < Math.min(head, n); i++) set.add(i);
  for (let i = Math.max(0, n - tail); i < n; i++) set.add(i);
  for (const k of keep) if (k >= 0 && k < n) set.add(k);
  return withGaps([...set].sort((a, b) => a - b));
}

/** Inserts `null` between non-consecutive indices. */
export function withGaps(sorted: readonly number[]): Elided {
  const out: Elided = [];
  sorted.forEach((v, i) => {
    if (i > 0 && v !== sorted[i - 1]! + 1) out.push(null);
    out.push(v);
  });
  return out;
}

/** How many indices an elided list leaves out of n. */
export function omitted(list: Elided, n: number): number {
  return n - list.filter((v) => v !== null).length;
}

/**
 * The output cells (flat) a text rendering lists in the cell-sums step.
 *
 * @example shownCells(seedInfo, 4) // → [0, 1, 2, 3, 4, 5, 6, 7, 8]
 */
export function shownCells(info: ConvInfo, focus: number): Elided {
  const total = info.outputShape.reduce((a, b) => a * b, 1);
  if (total <= LIMITS.cells) return Array.from({ length: total }, (_, i) => i);
  const sp = info.outSpatial;
  const rowLen = sp[sp.length - 1]!;
  const rows = info.outCount / rowLen;
  const keep = new Set<number>();
  for (const row of [0, rows - 1]) {
    for (const c of elide(rowLen, 8, 3, 2)) if (c !== null) keep.add(row * rowLen + c);
  }
  keep.add(focus);
  return withGaps([...keep].sort((a, b) => a - b));
}
