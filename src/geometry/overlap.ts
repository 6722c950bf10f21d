import type { ConvInfo } from "./conv-info.ts";
import { productCounts, tapTables } from "./taps.ts";

/**
 * Terms per output cell (spatial only, one input channel): the product over axes of how many
 * (input, tap) pairs reach each position. Uneven counts are the checkerboard pattern (Distill).
 * Row-major over the output's spatial axes.
 */
export function overlapCounts(info: ConvInfo): Int32Array {
  return productCounts(tapTables(info).gather, info.outSpatial);
}

/** Per-axis counts; an axis is even when every interior position gets the same number of taps. */
export function axisOverlapCounts(info: ConvInfo): Int32Array[] {
  const tables = tapTables(info);
  return info.axes.map((axis, ax) => {
    const g = tables.gather[ax]!;
    const c = new Int32Array(axis.outSize);
    for (let o = 0; o < axis.outSize; o++) c[o] = g.start[o + 1]! - g.start[o]!;
    return c;
  });
}
