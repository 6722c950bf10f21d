/**
 * Nested rows (what every claim form reduces to) into a row-major tensor of claim entries,
 * refusing ragged and empty input with the position that broke the shape.
 */
import { TconvError } from "../../spec/error.ts";
import { parseClaimEntry, type ClaimEntry } from "./entry.ts";

/** A nested list of cell texts: either all texts or all sub-lists at one level. */
export type Nested = string | Nested[];

export interface ClaimGrid {
  readonly shape: readonly number[];
  readonly entries: readonly ClaimEntry[];
}

/**
 * Checks that `node` is rectangular and parses every cell.
 *
 * @example
 * gridFromNested([["1", "2"], ["?", "4"]], "--claim") // → { shape: [2, 2], entries: [1, 2, ?, 4] }
 */
export function gridFromNested(node: Nested, field: string): ClaimGrid {
  if (!Array.isArray(node)) {
    throw new TconvError("bad-claim", field, `expected a tensor such as [[1,2],[3,4]], got a bare value "${node}"`);
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
