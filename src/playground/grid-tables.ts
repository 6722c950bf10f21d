/**
 * A tensor plane as HTML tables, shared by the page's grids and the direct stepper: rank 1 one
 * row, rank 2 one table, higher ranks one table per leading index (captioned with it).
 */
import { unflatten } from "../geometry/taps.ts";

/**
 * Builds the tables of `shape` under `caption`; `cell(flat, idx, td)` fills each cell from its
 * row-major flat index and its multi-index.
 */
export function gridTables(
  shape: readonly number[], caption: string, sliceWord: string,
  cell: (flat: number, idx: number[], td: HTMLTableCellElement) => void,
): HTMLElement {
  const box = document.createElement("div");
  box.className = "grid-block";
  const cap = document.createElement("div");
  cap.className = "grid-caption";
  cap.textContent = caption;
  box.append(cap);
  const rows = shape.length >= 2 ? shape[shape.length - 2]! : 1, cols = shape[shape.length - 1] ?? 1;
  const lead = shape.slice(0, -2), slices = lead.reduce((a, b) => a * b, 1);
  for (let s = 0; s < slices; s++) {
    const table = document.createElement("table");
    table.className = "grid";
    const head = unflatten(s, lead);
    if (slices > 1) {
      const c = document.createElement("caption");
      c.textContent = `${sliceWord} ${head.join(",")}`;
      table.append(c);
    }
    for (let r = 0; r < rows; r++) {
      const tr = document.createElement("tr");
      for (let c = 0; c < cols; c++) {
        const td = document.createElement("td");
        cell((s * rows + r) * cols + c, shape.length >= 2 ? [...head, r, c] : [c], td);
        tr.append(td);
      }
      table.append(tr);
    }
    box.append(table);
  }
  return box;
}
