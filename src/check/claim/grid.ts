/**
 * Nested rows (what every claim form reduces to) into a row-major tensor of claim entries,
 * refusing ragged and empty input with the position that broke the shape.
 */
import { TconvError } from "../../spec/error.ts";
import { expandGaps, hasGap } from "./elision.ts";
import { parseClaimEntry, type ClaimEntry } from "./entry.ts";

/** A nested list of cell texts: either all texts or all sub-lists at one level. */
export type Nested = string | Nested[];

/** What every claim reader returns: the tensor as written, and what the text said about itself. */
export interface ClaimGrid {
  readonly shape: readonly number[];
  readonly entries: readonly ClaimEntry[];
  /** Cells a summarised print left out with `...` (now `?`, not compared). */
  readonly elided?: number;
  /** How many tensors the text held when there were several (the last one is the claim). */
  readonly tensors?: number;
  /** The element type a framework print states (`float32`, `int64`); floats set each entry's tolerance. */
  readonly dtype?: string;
  /** The shape a framework print states (`shape=(1, 3, 3, 1)`), checked against the data. */
  readonly statedShape?: readonly number[];
}

/**
 * Checks that `node` is rectangular and parses every cell. `...` gaps of a summarised print are
 * filled with `?` cells to `shape` (see ./elision.ts).
 *
 * @example
 * gridFromNested([["1", "2"], ["?", "4"]], "--claim") // → { shape: [2, 2], entries: [1, 2, ?, 4] }
 * gridFromNested([["1", "...", "4"]], "--claim", [1, 5]).elided // → 3
 */
export function gridFromNested(node: Nested, field: string, fullShape?: readonly number[]): ClaimGrid {
  if (!Array.isArray(node)) {
    throw new TconvError("bad-claim", field, `expected a tensor such as [[1,2],[3,4]], got a bare value "${node}"`);
  }
  if (hasGap(node)) {
    const expanded = expandGaps(node, fullShape, field);
    return { ...gridFromNested(expanded.node, field), elided: expanded.elided };
  }
  const shape = shapeOf(node, field, []);
  const entries: ClaimEntry[] = [];
  const walk = (n: Nested[], path: number[]) => n.forEach((child, i) => {
    if (Array.isArray(child)) walk(child, [...path, i]);
    else entries.push(parseClaimEntry(child, [...path, i], field));
  });
  walk(node, []);
  return { shape, entries };
}

function shapeOf(node: Nested[], field: string, path: number[]): number[] {
  const at = path.length ? ` at [${path.join(",")}]` : "";
  if (node.length === 0) throw new TconvError("bad-claim", field, `empty row${at}; every axis needs at least one entry`);
  const inner = (child: Nested, i: number) => (Array.isArray(child) ? shapeOf(child, field, [...path, i]) : []);
  const first = inner(node[0]!, 0);
  node.forEach((child, i) => {
    if (i === 0) return;
    const s = inner(child, i);
    if (s.length !== first.length || s.some((n, k) => n !== first[k])) {
      throw new TconvError("ragged-claim", field,
        `ragged claim: [${[...path, i].join(",")}] has shape [${s.join(",")}] but [${[...path, 0].join(",")}] has [${first.join(",")}]`);
    }
  });
  return [node.length, ...first];
}
