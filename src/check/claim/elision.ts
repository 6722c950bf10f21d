/**
 * Summarised prints: numpy, PyTorch and TensorFlow print big tensors with `...` standing for the
 * rows or columns left out (`[[0, 1, ..., 9], ..., [90, 91, ..., 99]]`). The print does not say
 * how many were left out, so the cells in a gap become `?` (not compared), placed by a shape the
 * print states (`shape=(1, 5, 5, 1)`) or that the user gives (`--claim-shape`, `claimShape`).
 */
import { TconvError } from "../../spec/error.ts";
import type { Nested } from "./grid.ts";

/** How a print writes a gap: three dots (or the ellipsis character). */
export const isGap = (n: Nested): boolean => typeof n === "string" && /^(?:\.\.\.|\u2026)$/.test(n.trim());

/** Cells a gap may stand for in total: a stated shape larger than this is not a claim anyone wrote out. */
export const MAX_ELIDED_CELLS = 1 << 22;

/**
 * Whether any level of `node` holds a gap (a walk with an explicit stack, no recursion).
 *
 * @example hasGap([["1", "..."], ["3", "4"]]) // true
 */
export function hasGap(node: Nested): boolean {
  const stack: Nested[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isGap(n)) return true;
    if (Array.isArray(n)) stack.push(...n);
  }
  return false;
}

/**
 * Replaces every gap by as many `?` blocks as the shape needs there, and counts the cells added.
 * `shape` may differ from the nesting depth by size-1 axes (a 5×5 --claim-shape for a
 * [1, 5, 5, 1] print): levels holding one item and no gap take the 1s.
 *
 * @example expandGaps([["1", "...", "4"]], [1, 4], "--claim").node // [["1", "?", "?", "4"]]
 */
export function expandGaps(node: Nested[], shape: readonly number[] | undefined, field: string): { node: Nested[]; elided: number } {
  const option = field.startsWith("--") ? "--claim-shape" : "claimShape";
  if (!shape) {
    throw new TconvError("claim-elided", field,
      `the print leaves cells out with "..." and states no shape; give the full shape with ${option} (the elided cells are not compared)`);
  }
  const levels: { size: number; gap: boolean }[] = [];
  for (let n: Nested = node; Array.isArray(n); n = n.find((c) => !isGap(c)) ?? "") levels.push({ size: n.length, gap: n.some(isGap) });
  const target = fitShape(shape, levels, field, option);
  const total = target.reduce((a, b) => a * b, 1);
  if (total > MAX_ELIDED_CELLS) throw new TconvError("claim-elided", field, `the shape [${target.join(",")}] has ${total} cells, more than a claim can hold`);
  let elided = 0;
  const block = (d: number): Nested => (d === target.length ? "?" : Array.from({ length: target[d]! }, () => block(d + 1)));
  const expand = (n: Nested[], d: number): Nested[] => {
    const gaps = n.filter(isGap).length;
    if (gaps > 1) throw new TconvError("claim-elided", field, `a row holds ${gaps} "..." gaps; a print has at most one per row`);
    const want = target[d];
    if (want === undefined) throw new TconvError("claim-elided", field, `the print nests deeper than the shape [${target.join(",")}]`);
    const child = (c: Nested) => (Array.isArray(c) ? expand(c, d + 1) : c);
    if (gaps === 0) return n.map(child);
    const g = n.findIndex(isGap);
    const missing = want - (n.length - 1);
    if (missing < 0) {
      throw new TconvError("claim-elided", field, `axis ${d} shows ${n.length - 1} items around "..." but the shape gives it ${want}`);
    }
    elided += missing * target.slice(d + 1).reduce((a, b) => a * b, 1);
    return [...n.slice(0, g).map(child), ...Array.from({ length: missing }, () => block(d + 1)), ...n.slice(g + 1).map(child)];
  };
  return { node: expand(node, 0), elided };
}

/** The shape matched to the print's nesting, size-1 levels filled in or left out. */
function fitShape(shape: readonly number[], levels: readonly { size: number; gap: boolean }[], field: string, option: string): number[] {
  if (shape.length === levels.length) return [...shape];
  const sizes = shape.filter((n) => n !== 1);
  const out: number[] = [];
  let k = 0;
  levels.forEach((level, d) => {
    const singleton = level.size === 1 && !level.gap;
    out.push(singleton && levels.length - d > sizes.length - k ? 1 : sizes[k++] ?? 1);
  });
  if (k !== sizes.length) {
    throw new TconvError("claim-elided", field, `${option} [${shape.join(",")}] does not fit the print's ${levels.length} axes`);
  }
  return out;
}
