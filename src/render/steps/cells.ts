/** View of the cell sums: `y = symbols = values = result`, one line per shown cell. */
import { omitted, shownCells } from "../../explain/elision.ts";
import type { CellEntry, CellsStep } from "../../explain/types.ts";
import { valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";

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
  readonly omitted: number;
  readonly total: number;
  readonly focus: CellLine;
  readonly focusMeets: readonly string[];
  readonly maxTerms: number;
  /** How many cells have the most terms. */
  readonly busiestCount: number;
  readonly result: readonly MapView[];
  readonly symbolic: boolean;
}

/**
 * The equation of one cell: label = symbolic sum = substituted sum = value. A part equal to the
 * previous one is dropped (symbolic data: the substituted sum may be the symbolic one).
 */
export function cellEquation(kit: MathKit, cell: CellEntry, aligned: boolean): string {
  const { d } = kit;
  const sym = cell.terms.map((t) => kit.termSymbolic(t));
  const num = cell.terms.map((t) => kit.termValues(t));
  if (cell.biasChannel !== undefined) {
    sym.push(d.names.bias[cell.biasChannel]!);
    const b = d.bias!.data[cell.biasChannel]!;
    num.push(b.kind === "symbol" ? b.tex : valueTexOf(b));
  }
  const parts = [kit.sum(sym), kit.sum(num), valueTex(cell.value)];
  const kept = parts.filter((p, i) => i === 0 || p !== parts[i - 1]);
  const eq = aligned ? "&= " : "= ";
  return `${d.names.y[cell.flat]!} ${eq}${kept.join(" = ")}`;
}

function valueTexOf(s: { kind: "exact"; value: { toTex(): string } } | { kind: "float"; value: number }): string {
  return s.kind === "exact" ? s.value.toTex() : String(s.value);
}

export function cellsView(step: CellsStep, kit: MathKit): CellsView {
  const { d } = kit;
  const shown = shownCells(d.info, d.focus);
  const line = (c: CellEntry): CellLine => ({
    label: d.names.y[c.flat]!, terms: c.terms.length, equation: cellEquation(kit, c, false), focus: c.flat === d.focus,
  });
  const lines: CellLine[] = [];
  const rows: string[] = [];
  for (const f of shown) {
    if (f === null) { rows.push("&\\;\\vdots"); continue; }
    const c = step.cells[f]!;
    lines.push(line(c));
    rows.push(cellEquation(kit, c, true));
  }
  const focusCell = step.cells[d.focus]!;
  const meets = [...new Set(focusCell.terms.map(([i]) => i))].map((i) => kit.xName(i));
  return {
    lines,
    block: `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`,
    omitted: omitted(shown, step.cells.length), total: step.cells.length,
    focus: line(focusCell), focusMeets: meets, maxTerms: step.maxTerms,
    busiestCount: step.cells.filter((c) => c.terms.length === step.maxTerms).length,
    result: outputMaps(kit).maps,
    symbolic: d.mode === "symbolic",
  };
}
