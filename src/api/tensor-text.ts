/**
 * A tensor as readable text for a terminal: right-aligned columns, one 2-D slice at a time,
 * each slice headed by its leading indices (`[0, 1, :, :]`).
 */

/**
 * @example
 * formatTensorText([2, 2], ["1", "-2", "30", "4"])
 * // → " 1  -2\n30   4\n"
 */
export function formatTensorText(shape: readonly number[], cells: readonly string[]): string {
  if (shape.length <= 1) return `${cells.join("  ")}\n`;
  const rows = shape[shape.length - 2]!, cols = shape[shape.length - 1]!;
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);
  const slices = cells.length / (rows * cols);
  const lead = shape.slice(0, -2);
  let text = "";
  for (let s = 0; s < slices; s++) {
    if (lead.length > 0) {
      const idx: number[] = [];
      let rest = s;
      for (let ax = lead.length - 1; ax >= 0; ax--) { idx[ax] = rest % lead[ax]!; rest = Math.floor(rest / lead[ax]!); }
      text += `${s > 0 ? "\n" : ""}[${[...idx, ":", ":"].join(", ")}]\n`;
    }
    for (let r = 0; r < rows; r++) {
      const base = (s * rows + r) * cols;
      text += cells.slice(base, base + cols).map((c) => c.padStart(width)).join("  ") + "\n";
    }
  }
  return text;
}
