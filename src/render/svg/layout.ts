/**
 * Where cells go on the page: per-axis slots with an ellipsis band for long axes, and the
 * 2-D plane a diagram draws (the last two spatial axes; a 1-D problem is one row, leading axes of
 * a 3-D problem are fixed at 0 and the caption says so).
 */

/** The default number of slots drawn per axis (cells plus the ellipsis band). */
export const DEFAULT_MAX_CELLS = 16;

/** Slots of one drawn axis: `slots[k]` is the index drawn in slot k, or `null` for the ellipsis band. */
export interface AxisSlots {
  readonly size: number;
  readonly slots: readonly (number | null)[];
  /** Indices left out (0 when the whole axis is drawn). */
  readonly elided: number;
  /** The slot of an index, or -1 when it falls in the elided range. */
  slotOf(index: number): number;
}

/**
 * Chooses the slots of an axis of `size` cells within `max` slots: everything when it fits, else
 * the first ⌈(max−1)/2⌉ cells, one ellipsis slot and the last ⌊(max−1)/2⌋ cells.
 *
 * @example
 * axisSlots(20, 6).slots // [0, 1, 2, null, 18, 19]
 */
export function axisSlots(size: number, max: number = DEFAULT_MAX_CELLS): AxisSlots {
  const cap = Math.max(3, Math.floor(max));
  if (size <= cap) {
    return { size, slots: Array.from({ length: size }, (_, i) => i), elided: 0, slotOf: (i) => (i >= 0 && i < size ? i : -1) };
  }
  const head = Math.ceil((cap - 1) / 2), tail = cap - 1 - head;
  const slots: (number | null)[] = [];
  for (let i = 0; i < head; i++) slots.push(i);
  slots.push(null);
  for (let i = size - tail; i < size; i++) slots.push(i);
  return {
    size, slots, elided: size - head - tail,
    slotOf: (i) => (i < 0 || i >= size ? -1 : i < head ? i : i >= size - tail ? head + 1 + (i - (size - tail)) : -1),
  };
}

/** Which spatial axes a diagram draws as rows and columns. */
export interface Plane {
  /** Axis drawn as rows, or -1 for a 1-D problem (one row). */
  readonly rowAxis: number;
  readonly colAxis: number;
  /** Leading axes held at index 0 (3-D and up). */
  readonly fixedAxes: readonly number[];
}

/**
 * The drawn plane of a problem of `rank` spatial axes.
 *
 * @example
 * planeOf(3) // { rowAxis: 1, colAxis: 2, fixedAxes: [0] }
 */
export function planeOf(rank: number): Plane {
  if (rank < 1) throw new Error("planeOf: a problem has at least one spatial axis");
  if (rank === 1) return { rowAxis: -1, colAxis: 0, fixedAxes: [] };
  return { rowAxis: rank - 2, colAxis: rank - 1, fixedAxes: Array.from({ length: rank - 2 }, (_, i) => i) };
}

/** A grid of slots placed on the page. */
export interface GridBox {
  readonly x: number;
  readonly y: number;
  readonly cell: number;
  readonly rows: AxisSlots;
  readonly cols: AxisSlots;
  readonly width: number;
  readonly height: number;
}

/** Places a grid of `rows` × `cols` slots with its top-left corner at (x, y). */
export function gridBox(x: number, y: number, cell: number, rows: AxisSlots, cols: AxisSlots): GridBox {
  return { x, y, cell, rows, cols, width: cols.slots.length * cell, height: rows.slots.length * cell };
}

/** Top-left corner of slot (r, c). */
export function slotXY(g: GridBox, r: number, c: number): [number, number] {
  return [g.x + c * g.cell, g.y + r * g.cell];
}

/**
 * Row-major flat index of (row, col) in the plane of `shape` whose leading (fixed) axes sit at
 * `fixed[ax]` (missing entries: 0).
 *
 * @example
 * sliceFlat(planeOf(3), [2, 3, 3], [1], 0, 2) // 1·9 + 0·3 + 2 = 11
 */
export function sliceFlat(plane: Plane, shape: readonly number[], fixed: readonly number[], row: number, col: number): number {
  let flat = 0, stride = 1;
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    const i = ax === plane.colAxis ? col : ax === plane.rowAxis ? row : (fixed[ax] ?? 0);
    flat += i * stride;
    stride *= shape[ax]!;
  }
  return flat;
}
