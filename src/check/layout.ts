/**
 * The claim is written in the user's layout; the checker works on canonical [N, C_out, *out]
 * tensors. This maps shapes and indices between the two, for the claimed shape (which may be
 * wrong) as well as the true one, through the spec layer's one output permutation
 * ({@link outputAxes}): an unbatched torch or tf problem writes its output without N.
 */
import { TconvError } from "../spec/error.ts";
import { outputAxes, outputFromLayout, type Layout } from "../spec/layout.ts";

/** How the user writes the output: the layout, and whether the input (so the output) has an N axis. */
export interface OutputLayout {
  readonly layout: Layout;
  readonly batched: boolean;
}

/** A claimed shape matched to the output's axes, and the claim's size-1 axes that were left out. */
export interface AxisAlignment {
  /** The claimed shape in the output's rank (the output's own size-1 axes filled in). */
  readonly shape: number[];
  /** Axes of the claim as written (0-based) that have size 1 and match no output axis. */
  readonly dropped: number[];
}

/**
 * The claimed shape reconciled with the output's axes when the ranks differ: size-1 axes may be
 * added or left out anywhere (a 3×3 bmatrix for a [1,1,3,3] torch output, TensorFlow's [1,3,3,1] print for a plain
 * 3×3 output, `[[1,2,3]]` for a 1-D output), because they do not change the row-major order of
 * the cells. The claim's other axes are matched to the output's in order. Anything else that
 * changes the rank is a bad claim.
 *
 * @example alignAxes([1, 3, 3, 1], [3, 3], "--claim") // { shape: [3, 3], dropped: [0, 3] }
 */
export function alignAxes(claimed: readonly number[], expected: readonly number[], field: string): AxisAlignment {
  // Same rank: the shape is compared as written (a 1×2 answer for a 2×1 output is a wrong shape).
  if (claimed.length === expected.length) return { shape: [...claimed], dropped: [] };
  const squeeze = (s: readonly number[]) => s.filter((n) => n !== 1);
  // Walk both shapes: a claim axis of size ≠ 1 takes the next output axis of size ≠ 1 (output
  // size-1 axes passed on the way are filled in); a size-1 claim axis takes a size-1 output axis
  // when one is next, and is dropped otherwise.
  const shape = expected.map(() => 1);
  const dropped: number[] = [];
  let j = 0;
  for (let i = 0; i < claimed.length; i++) {
    const n = claimed[i]!;
    if (n === 1) {
      if (j < expected.length && expected[j] === 1) j++;
      else dropped.push(i);
      continue;
    }
    while (j < expected.length && expected[j] === 1) j++;
    if (j >= expected.length) { j = -1; break; }
    shape[j++] = n;
  }
  if (j < 0 || squeeze(claimed).length !== squeeze(expected).length) {
    throw new TconvError("claim-rank", field,
      `the claim has ${claimed.length} axes ([${claimed.join(",")}]) but the output has ${expected.length} ([${expected.join(",")}])`,
      { expected: `[${expected.join(",")}]`, actual: `[${claimed.join(",")}]` });
  }
  return { shape, dropped };
}

/**
 * {@link alignAxes}'s shape alone.
 *
 * @example alignRank([3, 3], [1, 1, 3, 3], "--claim") // [1, 1, 3, 3]
 */
export function alignRank(claimed: readonly number[], expected: readonly number[], field: string): number[] {
  return alignAxes(claimed, expected, field).shape;
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * An index of a tensor of shape `from` as the index of the same cell in shape `to`, when the two
 * differ only by size-1 axes (same row-major order); otherwise the trailing axes are kept.
 *
 * @example reindex([0, 2, 1], [1, 3, 3], [3, 3, 1]) // [2, 1, 0]
 */
export function reindex(index: readonly number[], from: readonly number[], to: readonly number[]): number[] {
  const count = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
  if (count(from) !== count(to)) {
    const extra = to.length - index.length;
    return extra >= 0 ? [...Array<number>(extra).fill(0), ...index] : index.slice(-extra);
  }
  let flat = 0;
  index.forEach((v, a) => { flat = flat * from[a]! + v; });
  const out = new Array<number>(to.length);
  for (let a = to.length - 1; a >= 0; a--) { out[a] = flat % to[a]!; flat = Math.floor(flat / to[a]!); }
  return out;
}

/**
 * Canonical [N, C, *spatial] shape of a layout shape of the same rank as the output.
 *
 * @example canonicalShapeOf([1, 3, 3, 2], { layout: "tf", batched: true }, 2) // [1, 2, 3, 3]
 */
export function canonicalShapeOf(shape: readonly number[], to: OutputLayout, rank: number): number[] {
  const canon = [1, 1, ...Array<number>(rank).fill(1)];
  outputAxes(to.layout, rank, to.batched).forEach((a, k) => { canon[a] = shape[k]!; });
  return canon;
}

/**
 * Reorders row-major data written in the layout with layout shape `shape` into canonical order.
 *
 * @example toCanonical([1, 2, 3, 4], [1, 2, 2, 1], { layout: "tf", batched: true }, 2) // [1, 2, 3, 4]
 */
export function toCanonical<T>(data: readonly T[], shape: readonly number[], from: OutputLayout, rank: number): T[] {
  return outputFromLayout(from.layout, from.batched, rank, shape, data).data;
}

/**
 * The index, in the user's layout, of canonical cell `flat` of a tensor with canonical shape `canon`.
 *
 * @example layoutIndexOf(5, [1, 2, 2, 2], { layout: "tf", batched: true }, 2) // [0, 0, 1, 1]
 */
export function layoutIndexOf(flat: number, canon: readonly number[], to: OutputLayout, rank: number): number[] {
  const full = new Array<number>(canon.length);
  for (let a = canon.length - 1; a >= 0; a--) { full[a] = flat % canon[a]!; flat = Math.floor(flat / canon[a]!); }
  return outputAxes(to.layout, rank, to.batched).map((a) => full[a]!);
}
