/**
 * The playground's trace panel: what an output cell is made of, in three views at once.
 * - its cell sum: every output cell's sum in the default names, each term x·w its own KaTeX
 *   fragment inside `<span class="term" data-x="a,b" data-xc="c" data-tap="p,q">` (input cell,
 *   its channel, kernel tap);
 * - the matrix C and its transpose Cᵀ as HTML tables whose cells carry `data-x` / `data-y` (the
 *   input and output cell they join, with `data-xc` / `data-yc` their channels, and `data-row`,
 *   `data-col`): an output cell is a column of C and a row of Cᵀ (transposed convolution), or a
 *   row of C (ordinary convolution);
 * - the direct view (src/render/svg/direct-conv.ts), whose drawn cells list the output cells whose
 *   window covers them (`data-windows`).
 * KaTeX runs untrusted (`trust: false`), so the links live in HTML attributes around the math,
 * never inside it. The panel's own elements use `data-x` / `data-y` and the class `traced`, so
 * the contract's `data-in` / `data-out` cells and their class `lit` stay the grids' alone (the
 * diagrams' cells carry `data-in` / `data-out` too, and are lit with `traced`). Every index comes from the cell sums (the geometry's tap tables), the sparse C
 * and the diagram: nothing here re-derives the index relation. Big problems follow the elision
 * policy of src/explain/elision.ts, always keeping the traced cell (the panel redraws when it
 * was left out). No user-typed text reaches the HTML: names are the default symbols, values come
 * from the core, and the diagram escapes its labels.
 *
 * The HTML builders are pure (tested in Node); {@link TracePanel} wires them to a page.
 */
import type { CellSums } from "../algebra/cells.ts";
import type { Scalar } from "../algebra/scalar.ts";
import { convMatrix, matrixEntry, transpose, type SparseMatrix } from "../algebra/sparse.ts";
import { defaultSymbols, outputLabels } from "../algebra/symbols.ts";
import { juxtapose, numberTex, scalarTex } from "../render/tex/scalar.ts";
import { elide, LIMITS, shownCells, type Elided } from "../explain/elision.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import { unflatten } from "../geometry/taps.ts";
import { escapeHtml, renderMathHtml } from "../render/html-page.ts";
import { busiestCell, directConvDiagram } from "../render/svg/direct-conv.ts";
import type { Problem } from "../spec/parse-problem.ts";
import type { UiStrings } from "./strings.ts";
import type { Locale } from "../spec/locale.ts";

/** Everything the panel draws from, built once per problem. */
export interface TraceModel {
  readonly problem: Problem;
  readonly info: ConvInfo;
  readonly cells: CellSums;
  /** C of the problem in the default kernel names, and Cᵀ. */
  readonly c: SparseMatrix;
  readonly ct: SparseMatrix;
  /** Default names: input [N, C_in, *in], weight (canonical), output [N, C_out, *out], bias [C_out]. */
  readonly x: readonly string[];
  readonly w: readonly string[];
  readonly y: readonly string[];
  readonly b: readonly string[];
}

/**
 * The panel's data for a problem and its cell sums.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * traceModel(p, deriveCells(p.info, p.x, p.w)).c.cols // → 9
 */
export function traceModel(problem: Problem, cells: CellSums): TraceModel {
  const info = problem.info;
  const names = defaultSymbols(info);
  const c = convMatrix(info);
  return {
    problem, info, cells, c, ct: transpose(c),
    x: names.x.data.map((s) => texOf(s)), w: names.w.data.map((s) => texOf(s)),
    y: outputLabels(info), b: names.bias.data.map((s) => texOf(s)),
  };
}

const texOf = (s: Scalar): string => (s.kind === "symbol" ? s.tex : scalarTex(s));

const mathCache = new Map<string, string>();
/** KaTeX HTML of generated TeX (cached: the same names recur in every sum and matrix). */
function math(tex: string): string {
  let html = mathCache.get(tex);
  if (html === undefined) {
    if (mathCache.size > 20_000) mathCache.clear();
    html = renderMathHtml(tex);
    mathCache.set(tex, html);
  }
  return html;
}

/** A side of a matrix line or a grid cell: an input or an output cell of one channel. */
interface Side {
  readonly kind: "in" | "out";
  readonly channel: number;
  /** Spatial flat index. */
  readonly spatial: number;
}

function sideAttrs(info: ConvInfo, s: Side): string {
  const shape = s.kind === "in" ? info.inSpatial : info.outSpatial;
  const letter = s.kind === "in" ? "x" : "y";
  return ` data-${letter}="${unflatten(s.spatial, shape).join(",")}" data-${letter}c="${s.channel}"`;
}

/** What row r / column k of C stands for (C's numbering: channel · spatial count + spatial flat). */
function matrixSides(info: ConvInfo): { row: (r: number) => Side; col: (k: number) => Side } {
  const side = (kind: "in" | "out") => {
    const count = kind === "in" ? info.inCount : info.outCount;
    return (i: number): Side => ({ kind, channel: Math.floor(i / count), spatial: i % count });
  };
  // C is the ordinary convolution's matrix: its rows are the narrow side (the transposed
  // convolution's input, or the convolution's output).
  return info.op === "transposed" ? { row: side("in"), col: side("out") } : { row: side("out"), col: side("in") };
}

/** The name of a side's cell (batch item 0): `x_{0,1}`, `y_{1,1}`. */
function sideName(m: TraceModel, s: Side): string {
  return s.kind === "in" ? m.x[s.channel * m.info.inCount + s.spatial]! : m.y[s.channel * m.info.outCount + s.spatial]!;
}

/** The output cells (flat over [N, C_out, *out]) the sums list shows when `focus` is traced. */
export function sumsShown(info: ConvInfo, focus: number): Elided {
  return shownCells(info, focus);
}

/**
 * The cell sums, one line per shown output cell, each term in its own element.
 *
 * @example
 * sumsHtml(seedModel, 4) // '<div class="trace-sum" data-y="0,0" …><span class="term" data-x="0,0" data-xc="0" data-tap="0,0">…'
 */
export function sumsHtml(m: TraceModel, focus: number): string {
  const { info, cells } = m;
  const lines: string[] = [];
  for (const flat of sumsShown(info, focus)) {
    if (flat === null) { lines.push(`<div class="trace-gap">${math("\\vdots")}</div>`); continue; }
    const [n, co] = unflatten(flat, info.outputShape) as [number, number];
    const sp = flat % info.outCount;
    const terms: string[] = [];
    cells.forEachTerm(flat, (inputFlat, kernelFlat) => {
      const [, ci, ...a] = unflatten(inputFlat, info.inputShape);
      const tap = unflatten(kernelFlat % info.kernelCount, info.kernelSpatial);
      terms.push(`<span class="term" data-x="${a.join(",")}" data-xc="${ci}" data-tap="${tap.join(",")}">${math(juxtapose([m.x[inputFlat]!, m.w[kernelFlat]!]))}</span>`);
    });
    const parts = elide(terms.length, LIMITS.terms, 4, 2).map((j) => (j === null ? math("\\cdots") : terms[j]!));
    if (m.problem.bias) parts.push(`<span class="bias-term">${math(m.b[co]!)}</span>`);
    const value = cells.value(flat);
    lines.push(`<div class="trace-sum" data-y="${unflatten(sp, info.outSpatial).join(",")}" data-n="${n}" data-yc="${co}">`
      + `${math(`${m.y[flat]!} =`)} ${parts.length ? parts.join(` ${math("+")} `) : math("0")}`
      + `${value !== undefined ? ` ${math(`= ${numberTex(value)}`)}` : ""}</div>`);
  }
  return lines.join("\n");
}

/**
 * C (or Cᵀ with `transposed`) as a table with the rows and columns `rows`, `cols` (elided lists);
 * every cell says which input and output cell it joins.
 *
 * @example
 * matrixHtml(seedModel, false, matrixShown(seedModel.c.rows, []), matrixShown(seedModel.c.cols, []))
 * // '<table class="trace-matrix"><tr><th>…</th><th data-col="0" data-y="0,0" data-yc="0">…'
 */
export function matrixHtml(m: TraceModel, transposed: boolean, rows: Elided, cols: Elided): string {
  const sides = matrixSides(m.info);
  const rowSide = transposed ? sides.col : sides.row, colSide = transposed ? sides.row : sides.col;
  const mat = transposed ? m.ct : m.c;
  const head = cols.map((k) => (k === null ? `<th class="gap">${math("\\cdots")}</th>` : `<th data-col="${k}"${sideAttrs(m.info, colSide(k))}>${math(sideName(m, colSide(k)))}</th>`));
  const lines = [`<tr><th>${math(transposed ? "C^{\\mathsf{T}}" : "C")}</th>${head.join("")}</tr>`];
  for (const r of rows) {
    if (r === null) {
      lines.push(`<tr class="gap"><th>${math("\\vdots")}</th>${cols.map((k) => `<td class="gap">${k === null ? math("\\ddots") : math("\\vdots")}</td>`).join("")}</tr>`);
      continue;
    }
    const rs = rowSide(r), rowAttrs = sideAttrs(m.info, rs);
    const tds = cols.map((k) => {
      if (k === null) return `<td class="gap">${math("\\cdots")}</td>`;
      const e = matrixEntry(mat, r, k);
      return `<td data-row="${r}" data-col="${k}"${rowAttrs}${sideAttrs(m.info, colSide(k))}${e ? ' class="nz"' : ""}>${e ? math(texOf(e)) : "0"}</td>`;
    });
    lines.push(`<tr><th data-row="${r}"${rowAttrs}>${math(sideName(m, rs))}</th>${tds.join("")}</tr>`);
  }
  return `<table class="trace-matrix">${lines.join("")}</table>`;
}

/** The rows (or columns) of a matrix side of `n` shown, by the matrix elision policy, keeping `keep`. */
export function matrixShown(n: number, keep: readonly number[]): Elided {
  return elide(n, LIMITS.matrix, 6, 2, keep);
}

/** The direct view for the panel, its window on output cell `window` (full spatial index). */
export function directHtml(m: TraceModel, lang: Locale, window: readonly number[]): string {
  const { info, problem, cells } = m;
  const label = (s: Scalar) => (s.kind === "symbol" ? s.name : s.kind === "expression" ? s.text : s.kind === "exact" ? s.value.toString() : String(s.value));
  const outputLabels = Array.from({ length: info.outCount }, (_, f) => {
    const v = cells.value(f);
    return v === undefined ? "" : typeof v === "number" ? String(v) : v.toString();
  });
  return directConvDiagram(info, {
    lang, idPrefix: "trace-direct", window, focus: window,
    inputLabels: problem.x.data.slice(0, info.inCount).map(label), kernelLabels: problem.w.data.slice(0, info.kernelCount).map(label), outputLabels,
  });
}

/**
 * The matrix and direct-view headings, chosen by the operation: an output cell of a transposed
 * convolution is a column of C (vec(Y) = Cᵀ vec(X)) and its window slides over the zero-inserted
 * input; an ordinary convolution's is a row of C, over the padded input only.
 *
 * @example
 * traceHeadings(seedInfo, UI.en).matrix // → "Its column of C, which is its row of Cᵀ (vec(Y) = Cᵀ vec(X))"
 */
export function traceHeadings(info: ConvInfo, s: UiStrings): { matrix: string; direct: string } {
  return info.op === "transposed"
    ? { matrix: s.traceMatrixTransposed, direct: s.traceDirectTransposed }
    : { matrix: s.traceMatrixConv, direct: s.traceDirectConv };
}

/** The panel's skeleton inside the page (filled by {@link TracePanel}). */
export function traceSkeletonHtml(s: UiStrings): string {
  return `<section id="trace" aria-labelledby="trace-title">`
    + `<h3 id="trace-title" data-i18n="traceTitle">${escapeHtml(s.traceTitle)}</h3>`
    + `<div class="trace-part"><h4 data-i18n="traceSums">${escapeHtml(s.traceSums)}</h4><p class="note" id="trace-sums-note"></p><div id="trace-sums"></div></div>`
    + `<div class="trace-part"><h4 id="trace-matrix-title"></h4><p class="note" id="trace-matrix-note"></p><div class="trace-matrices"><div id="trace-c"></div><div id="trace-ct"></div></div></div>`
    + `<div class="trace-part"><h4 id="trace-direct-title"></h4><div id="trace-direct"></div></div>`
    + `</section>`;
}

/** The panel's styles (and the lit state of the diagrams' cells anywhere on the page). */
export const TRACE_CSS = `
#trace { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0.5rem 2rem; align-items: start; }
#trace > h3 { grid-column: 1 / -1; margin-bottom: 0; }
#trace h4 { margin: 0.6rem 0 0.2rem; font-size: 0.95rem; font-weight: 600; color: var(--muted); }
#trace-sums { max-height: 24rem; overflow: auto; position: relative; }
.trace-sum { padding: 0.1rem 0.3rem; border-left: 3px solid transparent; white-space: nowrap; }
.trace-sum.traced { background: #dbeafe; border-left-color: var(--accent); }
.trace-gap { padding-left: 2rem; color: var(--muted); }
#trace .term, #trace .bias-term { padding: 0.05rem 0.15rem; border-radius: 3px; }
#trace .term.traced { background: var(--hl); outline: 2px solid var(--hl-ink); }
.trace-matrices { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; overflow-x: auto; }
table.trace-matrix { border-collapse: collapse; font-size: 0.8rem; margin: 0.3rem 0; }
table.trace-matrix th, table.trace-matrix td { border: 1px solid var(--rule); padding: 0.1rem 0.25rem; text-align: center; min-width: 1.6rem; }
table.trace-matrix td { color: var(--muted); }
table.trace-matrix td.nz { color: var(--ink); }
table.trace-matrix .traced { background: var(--hl); }
table.trace-matrix td.traced.nz { outline: 2px solid var(--hl-ink); outline-offset: -2px; font-weight: 700; }
#trace-direct svg { max-width: 100%; height: auto; }
svg.tracing .window-overlay { display: none; }
svg .padded-cell.traced > rect:first-child, svg .output-cell.traced > rect:first-child, svg rect.footprint.traced, svg .input-cell.traced > rect:first-child { stroke: #D55E00; stroke-width: 3.5px; stroke-dasharray: none; }
`;

/** How long the pointer rests on a cell before the panel's direct view is redrawn around its window. */
export const DIRECT_REDRAW_MS = 120;

/** The panel on a page: draws a problem, lights what a traced cell is made of. */
export class TracePanel {
  private model: TraceModel | undefined;
  private lang: Locale = "en";
  /** The output cell (spatial, "i,j") the panel's direct view has its window on. */
  private directWindow = "";
  /** The output cell being traced ("i,j"), or "". */
  private traced = "";
  private pending: { problem: Problem; cells: CellSums; lang: Locale; strings: UiStrings } | undefined;
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  private directTimer: ReturnType<typeof setTimeout> | undefined;
  private sumsSet = new Set<number>();
  private rowsShown: Elided = [];
  private colsShown: Elided = [];
  private readonly sumsEl: HTMLElement;
  private readonly cEl: HTMLElement;
  private readonly ctEl: HTMLElement;
  private readonly directEl: HTMLElement;

  /** `root` holds the skeleton; `extra` are more containers whose diagrams are lit too (the derivation). */
  constructor(private readonly root: HTMLElement, private readonly extra: readonly HTMLElement[] = []) {
    const get = (id: string) => {
      const el = root.querySelector<HTMLElement>(`#${id}`);
      if (!el) throw new Error(`trace panel: #${id} is missing`);
      return el;
    };
    this.sumsEl = get("trace-sums");
    this.cEl = get("trace-c");
    this.ctEl = get("trace-ct");
    this.directEl = get("trace-direct");
  }

  /**
   * Draws the panel for a problem (first focus: the first cell with the most terms, as the
   * walkthrough's). The drawing waits for the page's next task, so the derivation shows first;
   * tracing a cell before then draws at once.
   */
  show(problem: Problem, cells: CellSums, lang: Locale, strings: UiStrings): void {
    this.pending = { problem, cells, lang, strings };
    this.model = undefined;
    if (this.directTimer !== undefined) clearTimeout(this.directTimer);
    this.directTimer = undefined;
    if (this.drawTimer !== undefined) clearTimeout(this.drawTimer);
    this.drawTimer = setTimeout(() => this.flush(), 0);
  }

  /** Draws what {@link show} was given, if not drawn yet. */
  flush(): void {
    if (this.drawTimer !== undefined) clearTimeout(this.drawTimer);
    this.drawTimer = undefined;
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const m = traceModel(p.problem, p.cells);
    this.model = m;
    this.lang = p.lang;
    this.traced = "";
    this.root.classList.remove("stale");
    const headings = traceHeadings(m.info, p.strings);
    this.text("trace-matrix-title", headings.matrix);
    this.text("trace-direct-title", headings.direct);
    const focus = busiestCell(m.info);
    const focusFlat = focus.reduce((acc, v, ax) => acc * m.info.outSpatial[ax]! + v, 0);
    this.drawSums(focusFlat, p.strings);
    this.drawMatrices([], [], p.strings);
    this.drawDirect(focus);
  }

  private drawDirect(window: readonly number[]): void {
    if (this.directTimer !== undefined) clearTimeout(this.directTimer);
    this.directTimer = undefined;
    this.directWindow = window.join(",");
    this.directEl.innerHTML = directHtml(this.model!, this.lang, window);
  }

  /** Greys the panel (the problem became invalid; the last good one stays). */
  stale(): void {
    this.flush();
    this.root.classList.add("stale");
  }

  /** Removes every light the panel set. */
  clear(): void {
    this.traced = "";
    for (const box of [this.root, ...this.extra]) {
      for (const el of Array.from(box.querySelectorAll(".traced"))) el.classList.remove("traced");
      for (const svg of Array.from(box.querySelectorAll("svg.tracing"))) svg.classList.remove("tracing");
    }
  }

  /** Lights output cell (batch n, channel co, spatial flat o): its sum's terms, its line of C and Cᵀ, its window. */
  output(n: number, co: number, o: number, strings: UiStrings): void {
    this.flush();
    const m = this.model;
    if (!m) return;
    this.clear();
    const { info } = m;
    const flat = (n * info.outChannels + co) * info.outCount + o;
    if (!this.sumsSet.has(flat)) this.drawSums(flat, strings);
    const at = unflatten(o, info.outSpatial).join(",");
    const line = this.sumsEl.querySelector(`.trace-sum[data-y="${at}"][data-n="${n}"][data-yc="${co}"]`);
    if (line instanceof HTMLElement) {
      line.classList.add("traced");
      for (const t of Array.from(line.querySelectorAll(".term"))) t.classList.add("traced");
      // Scroll the list (never the page) so the line is in view.
      const el = this.sumsEl;
      if (line.offsetTop < el.scrollTop || line.offsetTop + line.offsetHeight > el.scrollTop + el.clientHeight) {
        el.scrollTop = Math.max(0, line.offsetTop - (el.clientHeight - line.offsetHeight) / 2);
      }
    }
    // Its line of C: a column (transposed) or a row (conv), with the other side's non-zeros kept in view.
    const index = co * info.outCount + o;
    if (info.op === "transposed") this.ensureMatrix(rowsOfColumn(m.ct, index), [index], strings);
    else this.ensureMatrix([index], colsOfRow(m.c, index), strings);
    this.lightMatrices(`[data-y="${at}"][data-yc="${co}"]`);
    // Every direct view lights the cells of the cell's window at once (its drawn window hidden
    // meanwhile); the panel's own is redrawn with its window on the cell once the pointer rests,
    // so its legend and its taps (×w) speak of that cell.
    this.traced = at;
    this.lightWindows(at, n === 0 && co === 0);
    if (this.directWindow !== at) {
      if (this.directTimer !== undefined) clearTimeout(this.directTimer);
      const window = unflatten(o, info.outSpatial);
      this.directTimer = setTimeout(() => {
        this.drawDirect(window);
        if (this.traced === at) this.lightWindows(at, n === 0 && co === 0);
      }, DIRECT_REDRAW_MS);
    }
  }

  private lightWindows(at: string, firstChannel: boolean): void {
    for (const box of [this.directEl, ...this.extra]) {
      for (const svg of Array.from(box.querySelectorAll("svg"))) {
        const cellsLit = svg.querySelectorAll(`[data-windows~="${at}"]`);
        if (cellsLit.length === 0) continue;
        if (!(box === this.directEl && this.directWindow === at)) svg.classList.add("tracing");
        for (const el of Array.from(cellsLit)) el.classList.add("traced");
      }
      if (firstChannel) for (const el of Array.from(box.querySelectorAll(`svg .output-cell[data-out="${at}"]`))) el.classList.add("traced");
    }
  }

  /** Lights input cell (batch n, channel ci, spatial flat a): its terms in the sums, its line of C and Cᵀ, its cells in the diagrams. */
  input(n: number, ci: number, a: number, strings: UiStrings): void {
    this.flush();
    const m = this.model;
    if (!m) return;
    this.clear();
    const { info } = m;
    const at = unflatten(a, info.inSpatial).join(",");
    for (const t of Array.from(this.sumsEl.querySelectorAll(`.trace-sum[data-n="${n}"] .term[data-x="${at}"][data-xc="${ci}"]`))) t.classList.add("traced");
    const index = ci * info.inCount + a;
    if (info.op === "transposed") this.ensureMatrix([index], colsOfRow(m.c, index), strings);
    else this.ensureMatrix(rowsOfColumn(m.ct, index), [index], strings);
    this.lightMatrices(`[data-x="${at}"][data-xc="${ci}"]`);
    if (n === 0 && ci === 0) {
      for (const box of [this.directEl, ...this.extra]) {
        for (const el of Array.from(box.querySelectorAll(`svg .padded-cell[data-in="${at}"], svg .input-cell[data-in="${at}"], svg .footprint[data-in="${at}"]`))) el.classList.add("traced");
      }
    }
  }

  private text(id: string, t: string): void {
    const el = this.root.querySelector<HTMLElement>(`#${id}`);
    if (el) el.textContent = t;
  }

  private drawSums(focus: number, strings: UiStrings): void {
    const m = this.model!;
    const shown = sumsShown(m.info, focus);
    this.sumsSet = new Set(shown.filter((v): v is number => v !== null));
    this.sumsEl.innerHTML = sumsHtml(m, focus);
    const total = m.cells.count;
    this.text("trace-sums-note", this.sumsSet.size < total ? elidedNote(strings, this.sumsSet.size, total) : "");
  }

  private drawMatrices(keepRows: readonly number[], keepCols: readonly number[], strings: UiStrings): void {
    const m = this.model!;
    this.rowsShown = matrixShown(m.c.rows, keepRows);
    this.colsShown = matrixShown(m.c.cols, keepCols);
    this.cEl.innerHTML = matrixHtml(m, false, this.rowsShown, this.colsShown);
    this.ctEl.innerHTML = matrixHtml(m, true, this.colsShown, this.rowsShown);
    const shown = this.rowsShown.filter((v) => v !== null).length * this.colsShown.filter((v) => v !== null).length;
    const total = m.c.rows * m.c.cols;
    this.text("trace-matrix-note", shown < total ? elidedNote(strings, shown, total) : "");
  }

  /** Redraws C and Cᵀ when a row or column to light is elided. */
  private ensureMatrix(rows: readonly number[], cols: readonly number[], strings: UiStrings): void {
    const has = (list: Elided, v: number) => list.includes(v);
    if (rows.every((r) => has(this.rowsShown, r)) && cols.every((k) => has(this.colsShown, k))) return;
    this.drawMatrices(rows, cols, strings);
  }

  private lightMatrices(selector: string): void {
    for (const el of Array.from(this.root.querySelectorAll(`table.trace-matrix td${selector}, table.trace-matrix th${selector}`))) el.classList.add("traced");
  }

}

/** Row indices of the stored entries in column `col` of C (row `col` of Cᵀ). */
function rowsOfColumn(ct: SparseMatrix, col: number): number[] {
  return Array.from(ct.col.subarray(ct.rowStart[col]!, ct.rowStart[col + 1]!));
}

/** Column indices of the stored entries in row `row` of C. */
function colsOfRow(c: SparseMatrix, row: number): number[] {
  return Array.from(c.col.subarray(c.rowStart[row]!, c.rowStart[row + 1]!));
}

function elidedNote(s: UiStrings, shown: number, total: number): string {
  return s.traceElided.replace("{shown}", String(shown)).replace("{total}", String(total));
}
