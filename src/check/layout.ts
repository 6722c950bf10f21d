/**
 * The claim is written in the user's layout; the checker works on canonical [N, C_out, *out]
 * tensors. This maps shapes and indices between the two, for the claimed shape (which may be
 * wrong) as well as the true one.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { TconvError } from "../spec/error.ts";
import { parseLayout, permute, type Layout } from "../spec/layout.ts";

/** The spec layer's layout names (`onnx` is `torch`). @example normaliseLayout(undefined) // "plain" */
export function normaliseLayout(layout: string | undefined): Layout {
  return parseLayout(layout);
}

/**
 * The order of canonical axes in the layout: `perm[k]` is the canonical axis written k-th.
 * Plain leaves batch and channel out (both are 1 there).
 */
function layoutAxes(layout: Layout, rank: number): number[] {
  const spatial = Array.from({ length: rank }, (_, i) => i + 2);
  switch (layout) {
    case "plain": return spatial;
    case "torch": return [0, 1, ...spatial];
    case "tf": return [0, ...spatial, 1];
    default: { const never: never = layout; throw new Error(`layoutAxes: ${String(never)}`); }
  }
}

/** The output shape as the user writes it. @example layoutShape(info, "tf") // [1, 3, 3, 1] */
export function layoutShape(info: ConvInfo, layout: Layout): number[] {
  const canon = info.outputShape;
  return layoutAxes(layout, info.rank).map((a) => canon[a]!);
}

/**
 * The claimed shape reconciled with the output's rank: leading axes of size 1 may be added or
 * left out (a 3×3 bmatrix for a [1,1,3,3] torch output, `[[1,2,3]]` for a 1-D output). Any other
 * rank difference is a bad claim.
 *
 * @example alignRank([3, 3], [1, 1, 3, 3], "--claim") // [1, 1, 3, 3]
 */
export function alignRank(claimed: readonly number[], expected: readonly number[], field: string): number[] {
  let c = [...claimed];
  while (c.length > expected.length && c[0] === 1) c = c.slice(1);
  while (c.length < expected.length && expected[expected.length - c.length - 1] === 1) c = [1, ...c];
  if (c.length !== expected.length) {
    throw new TconvError("claim-rank", field,
      `the claim has ${claimed.length} axes ([${claimed.join(",")}]) but the output has ${expected.length} ([${expected.join(",")}])`,
      { expected: `[${expected.join(",")}]`, actual: `[${claimed.join(",")}]` });
  }
  return c;
}

/** Canonical [N, C, *spatial] shape of a layout shape of the same rank as the output. @example canonicalShapeOf([1, 3, 3, 2], "tf", 2) // [1, 2, 3, 3] */
export function canonicalShapeOf(shape: readonly number[], layout: Layout, rank: number): number[] {
  const perm = layoutAxes(layout, rank);
  const canon = [1, 1, ...Array<number>(rank).fill(1)];
  perm.forEach((a, k) => { canon[a] = shape[k]!; });
  return canon;
}

/**
 * Reorders row-major data written in `layout` with layout shape `shape` into canonical order.
 *
 * @example toCanonical([1, 2, 3, 4], [1, 2, 2, 1], "tf", 2) // [1, 2, 3, 4]
 */
export function toCanonical<T>(data: readonly T[], shape: readonly number[], layout: Layout, rank: number): T[] {
  const perm = layoutAxes(layout, rank);
  // Canonical axis a is layout axis perm.indexOf(a); plain's absent N and C are size 1.
  const full = layout === "plain" ? [1, 1, ...shape] : [...shape];
  const fullPerm = layout === "plain" ? [0, 1, ...perm] : perm;
  return permute(data, full, fullPerm.map((_, a) => fullPerm.indexOf(a))).data;
}

/**
 * The index, in the user's layout, of canonical cell `flat` of a tensor with canonical shape `canon`.
 *
 * @example layoutIndexOf(5, [1, 2, 2, 2], "tf", 2) // [0, 0, 1, 1]
 */
export function layoutIndexOf(flat: number, canon: readonly number[], layout: Layout, rank: number): number[] {
  const full = new Array<number>(canon.length);
  for (let a = canon.length - 1; a >= 0; a--) { full[a] = flat % canon[a]!; flat = Math.floor(flat / canon[a]!); }
  return layoutAxes(layout, rank).map((a) => full[a]!);
}
