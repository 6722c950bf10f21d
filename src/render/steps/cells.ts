/** View of the cell sums: `y = symbols = values = result`, one line per shown cell. */
import { omitted, shownCells } from "../../explain/elision.ts";
import type { CellEntry, CellsStep } from "../../explain/types.ts";
import { LINE_EM, breakSum, texWidthEm, valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";
import type { Rational } from "../../algebra/rational.ts";
import { factorTex, rationalTex } from "../tex/scalar.ts";

export interface CellLine {
  readonly label: string;
  readonly terms: number;
  readonly equation: string;
  readonly focus: boolean;
}

export interface CellsView {
  readonly lines: readonly CellLine[];
  /** The lines as one aligned block, `\cdots` rows where cells were left out. */
  readonly block: string;
  /**
   * The same lines as several aligned blocks of at most one output row each (at most
   * {@link CHUNK_CELLS} cells): one display formula cannot break across printed pages, so the
   * complete list behind the fold is written in these pieces and print can break between them.
   */
  readonly blockChunks: readonly string[];
  readonly omitted: number;
  readonly total: number;
  readonly focus: CellLine;
  readonly focusMeets: readonly string[];
  readonly maxTerms: number;
  /** How many cells have the most terms. */
  readonly busiestCount: number;
  readonly result: readonly MapView[];
  readonly symbolic: boolean;
  /**
   * Past 4 input cells: the cells derived in full in the text (the focus cell, then the first and
   * the last output cell) as one aligned block; the complete list goes behind a fold in HTML.
   */
  readonly featured: string | undefined;
  readonly featuredLabels: readonly string[];
}

/**
 * The equation of one cell: label = symbolic sum = substituted sum = value. A part equal to the
 * previous one is dropped (symbolic data: the substituted sum may be the symbolic one).
 */
export function cellEquation(kit: MathKit, cell: CellEntry, aligned: boolean): string {
  const rows = cellRows(kit, cell);
  if (!aligned && rows.length === 1) return rows[0]!.replace("&= ", "= ");
  return aligned ? rows.join(" \\\\ ") : `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`;
}

/**
 * The rows (for an `aligned` block, aligned at `&=`) of one cell's equation: one row when it fits
 * a line ({@link LINE_EM}), else the symbolic sum, the substituted sum and the value on rows of
 * their own, each sum broken where it would run past the line.
 */
export function cellRows(kit: MathKit, cell: CellEntry): string[] {
  const { d } = kit;
  const sym = cell.terms.map((t) => kit.termSymbolic(t));
  const num = cell.terms.map((t) => kit.termValues(t));
  if (cell.biasChannel !== undefined) {
    sym.push(d.names.bias[cell.biasChannel]!);
    const b = d.bias!.data[cell.biasChannel]!;
    num.push(b.kind === "symbol" ? b.tex : b.kind === "expression" ? factorTex(b) : valueTexOf(b));
  }
  const label = d.names.y[cell.flat]!;
  const value = valueTex(cell.value);
  const sums = [kit.sum(sym), kit.sum(num)];
  const parts = [sums[0]!, sums[1]!, value];
  const kept = parts.filter((p, i) => i === 0 || p !== parts[i - 1]);
  const one = `${label} &= ${kept.join(" = ")}`;
  if (texWidthEm(one) <= LINE_EM) return [one];
  const rows: string[] = [];
  const budget = LINE_EM - texWidthEm(label) - 2;
  const lists = [kit.sumParts(sym), kit.sumParts(num)].filter((l, i) => i === 0 || sums[i] !== sums[i - 1]);
  lists.forEach((list, i) => {
    breakSum(list, budget).forEach((line, j) => {
      rows.push(j === 0 ? `${i === 0 ? label : ""} &= ${line}` : `&\\quad ${line}`);
    });
  });
  if (value !== sums[sums.length - 1]) {
    const last = rows[rows.length - 1]!;
    if (texWidthEm(`${last} = ${value}`) <= LINE_EM) rows[rows.length - 1] = `${last} = ${value}`;
    else rows.push(`&= ${value}`);
  }
  return rows;
}

function valueTexOf(s: { kind: "exact"; value: Rational } | { kind: "float"; value: number }): string {
  return s.kind === "exact" ? rationalTex(s.value) : String(s.value);
}

/** The row written where cells were left out. */
const VDOTS_ROW = "&\\;\\vdots";

/** The most cells in one piece of {@link CellsView.blockChunks}. */
export const CHUNK_CELLS = 8;

/**
 * Cuts the rows of the shown cells into aligned blocks: a new block starts where a new output
 * row starts (a cell whose last index is 0) or when the block holds {@link CHUNK_CELLS} cells;
 * a `\vdots` row stays with the block before it.
 */
export function chunkRows(entries: readonly { readonly rows: string; readonly rowStart: boolean }[]): string[] {
  const chunks: string[][] = [];
  let cells = 0;
  for (const e of entries) {
    const isCell = e.rows !== VDOTS_ROW;
    if (chunks.length === 0 || (isCell && cells > 0 && (e.rowStart || cells >= CHUNK_CELLS))) {
      chunks.push([]);
      cells = 0;
    }
    chunks[chunks.length - 1]!.push(e.rows);
    if (isCell) cells += 1;
  }
  return chunks.map((rows) => `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`);
}


export function cellsView(step: CellsStep, kit: MathKit): CellsView {
  const { d } = kit;
  const shown = shownCells(d.info, d.focus);
  const line = (c: CellEntry): CellLine => ({
    label: d.names.y[c.flat]!, terms: c.terms.length, equation: cellEquation(kit, c, false), focus: c.flat === d.focus,
  });
  const lines: CellLine[] = [];
  const rows: string[] = [];
  const entries: { rows: string; rowStart: boolean }[] = [];
  const last = d.info.outSpatial[d.info.outSpatial.length - 1] ?? 1;
  for (const f of shown) {
    if (f === null) { rows.push(VDOTS_ROW); entries.push({ rows: VDOTS_ROW, rowStart: false }); continue; }
    const c = step.cells[f]!;
    lines.push(line(c));
    rows.push(cellEquation(kit, c, true));
    entries.push({ rows: rows[rows.length - 1]!, rowStart: f % last === 0 });
  }
  const focusCell = step.cells[d.focus]!;
  // Past 4 input cells, and when there are more than the 3 featured cells to fold away.
  const compact = d.info.inChannels * d.info.inCount > 4 && step.cells.length > 9;
  const featured = [...new Set([d.focus, 0, step.cells.length - 1])];
  const meets = [...new Set(focusCell.terms.map(([i]) => i))].map((i) => kit.xName(i));
  return {
    lines,
    block: `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`,
    blockChunks: chunkRows(entries),
    omitted: omitted(shown, step.cells.length), total: step.cells.length,
    focus: line(focusCell), focusMeets: meets, maxTerms: step.maxTerms,
    busiestCount: step.cells.filter((c) => c.terms.length === step.maxTerms).length,
    result: outputMaps(kit).maps,
    symbolic: d.mode === "symbolic",
    featured: compact ? `\\begin{aligned} ${featured.map((f) => cellRows(kit, step.cells[f]!).join(" \\\\ ")).join(" \\\\[0.4em] ")} \\end{aligned}` : undefined,
    featuredLabels: compact ? featured.slice(1).map((f) => d.names.y[f]!) : [],
  };
}
