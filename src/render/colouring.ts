/**
 * Which input cells of a walkthrough take which colour: every cell its own when there are at most
 * 16, otherwise only the cells that feed the focus cell (the one derived in full). The diagrams
 * and the TeX of one page share this record, so a cell has the same colour everywhere.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { forEachCellTerm, tapTables } from "../geometry/taps.ts";
import type { Derivation } from "../explain/types.ts";
import { inputColouring, type InputColouring } from "./svg/palette.ts";

/**
 * The input cells (spatial row-major flats, ascending, distinct) whose terms reach the spatial
 * output cell `outSpatialFlat`, from the geometry's tap tables.
 *
 * @example
 * // the centre of the 3×3 output sums all four copies
 * feedingCells(seedInfo, 4) // → [0, 1, 2, 3]
 */
export function feedingCells(info: ConvInfo, outSpatialFlat: number): number[] {
  const out = new Set<number>();
  forEachCellTerm(info, tapTables(info), outSpatialFlat, (i) => { out.add(i); });
  return [...out].sort((a, b) => a - b);
}

/**
 * The colouring of a derivation's page: palette slots per spatial input cell.
 *
 * @example
 * pageColouring(seedDerivation).slots // → [0, 1, 2, 3]
 */
export function pageColouring(d: Derivation): InputColouring {
  const info = d.info;
  return inputColouring(info.inCount, feedingCells(info, d.focus % info.outCount));
}
