/**
 * The scatter picture of a transposed convolution: the input grid with one colour and hatch per
 * cell, the kernel, and the output grid where every input cell's copy of the kernel lands.
 * Positions come from the geometry layer's tap tables (inside the output) and its one index
 * relation (for positions padding crops away); nothing here computes an index any other way.
 */
import type { ConvInfo } from "../../geometry/conv-info.ts";
import { narrowPosition, widePosition } from "../../geometry/relation.ts";
import { rowMajorStrides, tapTables, unflatten, type TapTables } from "../../geometry/taps.ts";
import { overlapCounts } from "../../geometry/overlap.ts";
import { NEUTRAL, inputCellColour, inputColouring, type InputColouring } from "./palette.ts";
import {
  axisIndexLabels, captionBlock, ellipsisBands, fitSize, inputPatternDefs, inputPatternId, legendRows,
  neutralHatchDef, panelTitle, panelWidth, svgDocument, text,
} from "./draw.ts";
import { DEFAULT_MAX_CELLS, axisSlots, gridBox, planeOf, sliceFlat, slotXY, type AxisSlots, type GridBox, type Plane } from "./layout.ts";
import { diagramStrings } from "./strings.ts";
import type { Locale } from "../../spec/locale.ts";
import { approxTextWidth, num, plainText, shortHash } from "./xml.ts";

/** Options shared by the diagrams. */
export interface DiagramCommonOptions {
  /** `en` (default) or `zh-CN`. */
  lang?: Locale;
  /** Slots drawn per axis before the ellipsis band takes over (default 16). */
  maxCells?: number;
  /** How index numbers along the axes are written: from 0 (default) or 1. */
  indexBase?: 0 | 1;
  /** Prefix of element ids; default: derived from the diagram's content, so it is deterministic. */
  idPrefix?: string;
  /**
   * The cell the walkthrough derives in full (full spatial index of the output). The diagrams of
   * 3-D problems draw the slice that holds it; default: the first cell with the most terms.
   */
  focus?: readonly number[];
  /**
   * Which palette slot each spatial input cell takes (the page's colouring, shared with its TeX).
   * Default: every cell its own when there are at most 16, else the cells feeding `focus`.
   */
  colouring?: InputColouring;
}

export interface ScatterDiagramOptions extends DiagramCommonOptions {
  /** Display strings of the input's spatial cells (one channel), row-major: `"1"`, `"x_{0,1}"`. */
  inputLabels: readonly string[];
  /** Display strings of the kernel taps, row-major. */
  kernelLabels: readonly string[];
  /** Display strings of the output cells, row-major (optional: e.g. their values). */
  outputLabels?: readonly string[];
  /** Names of the input's spatial cells (`x_{0,1}`), written on each kernel copy; default: `inputLabels`. */
  inputNames?: readonly string[];
  /**
   * Display string of one product x[input] · w[tap] (spatial flats), written in the 1-D diagram's
   * copy rows; default: the kernel label of the tap.
   */
  productLabel?: (inputFlat: number, kernelFlat: number) => string;
}

/** The (input position, tap) pairs reaching output position `o` of axis `ax`, also outside the output. */
function pairsAt(info: ConvInfo, tables: TapTables, ax: number, o: number): Array<[number, number]> {
  const axis = info.axes[ax]!;
  const out: Array<[number, number]> = [];
  if (o >= 0 && o < axis.outSize) {
    const g = tables.gather[ax]!;
    for (let j = g.start[o]!; j < g.start[o + 1]!; j++) out.push([g.index[j]!, g.tap[j]!]);
  } else {
    for (let t = axis.kernel - 1; t >= 0; t--) {
      const a = narrowPosition(axis, o, t);
      if (a >= 0 && a < axis.inSize) out.push([a, t]);
    }
  }
  return out;
}

/**
 * Input cells (row-major flat indices, ascending) whose kernel copy reaches the output position
 * `pos` (one entry per spatial axis; may lie in the cropped border).
 */
export function contributorsAt(info: ConvInfo, pos: readonly number[]): number[] {
  const tables = tapTables(info);
  const strides = rowMajorStrides(info.inSpatial);
  let flats = [0];
  pos.forEach((o, ax) => {
    const pairs = pairsAt(info, tables, ax, o);
    const next: number[] = [];
    for (const f of flats) for (const [a] of pairs) next.push(f + a * strides[ax]!);
    flats = next;
  });
  return flats;
}

/** The drawn extent of the output along one plane axis: the full (uncropped) positions and the output. */
interface FrameAxis {
  /** Frame size: max(full size, p_begin + output size). */
  readonly size: number;
  /** Frame position of output position 0 (= p_begin). */
  readonly offset: number;
  readonly outSize: number;
}

function frameAxis(info: ConvInfo, ax: number): FrameAxis {
  const a = info.axes[ax]!;
  return { size: Math.max(a.fullSize, a.padBegin + a.outSize), offset: a.padBegin, outSize: a.outSize };
}

/** Smallest and largest slot whose index lies in [lo, hi]; null when none is drawn. */
export function slotSpan(s: AxisSlots, lo: number, hi: number): [number, number] | null {
  let first = -1, last = -1;
  s.slots.forEach((v, k) => {
    if (v !== null && v >= lo && v <= hi) { if (first < 0) first = k; last = k; }
  });
  return first < 0 ? null : [first, last];
}

/** Cell size by how many slots the biggest grid has. */
export function cellSizeFor(slots: number): number {
  return slots <= 6 ? 54 : slots <= 10 ? 48 : 40;
}

/** Vertical stripes, one per contributing input cell, in that cell's pattern. */
function stripes(prefix: string, x: number, y: number, cell: number, flats: readonly number[], colouring: InputColouring, opacity = 1): string {
  if (flats.length === 0) return "";
  const w = cell / flats.length;
  return flats.map((f, i) =>
    `<rect data-input="${f}" x="${num(x + i * w)}" y="${num(y)}" width="${num(w)}" height="${num(cell)}" `
    + `fill="url(#${inputPatternId(prefix, f, colouring)})"${opacity < 1 ? ` fill-opacity="${opacity}"` : ""}/>`).join("");
}

function planeSlots(_info: ConvInfo, plane: Plane, size: (ax: number) => number, max: number): [AxisSlots, AxisSlots] {
  return [plane.rowAxis < 0 ? axisSlots(1, max) : axisSlots(size(plane.rowAxis), max), axisSlots(size(plane.colAxis), max)];
}

/** Draws a grid of labelled cells (input or kernel); `flatAt` gives the spatial flat of (row, col). */
function labelledGrid(
  g: GridBox, flatAt: (row: number, col: number) => number, cls: string,
  fill: (flat: number) => string, stroke: (flat: number) => string, label: (flat: number) => string,
  attrs: (flat: number) => string = () => "",
): string {
  let out = "";
  g.rows.slots.forEach((r, kr) => g.cols.slots.forEach((c, kc) => {
    if (r === null || c === null) return;
    const flat = flatAt(r, c);
    const [x, y] = slotXY(g, kr, kc);
    out += `<g class="${cls}" data-index="${flat}"${attrs(flat)}><rect x="${num(x)}" y="${num(y)}" width="${num(g.cell)}" height="${num(g.cell)}" `
      + `fill="${fill(flat)}" stroke="${stroke(flat)}" stroke-width="1.5"/>`;
    const l = label(flat);
    if (l !== "") out += text(x + g.cell / 2, y + g.cell / 2 + 4, l, { size: fitSize(l, g.cell - 8, 13), backing: true });
    out += `</g>`;
  }));
  return out + ellipsisBands(g);
}

/** Caption lines for elided axes and sliced 3-D problems. */
export function elisionNotes(
  lang: Locale, what: string, rows: AxisSlots, cols: AxisSlots, hasRows: boolean,
): string[] {
  const S = diagramStrings(lang), notes: string[] = [];
  if (hasRows && rows.elided > 0) notes.push(S.elided(`${what} (${S.rows})`, rows.size - rows.elided, rows.size));
  if (cols.elided > 0) notes.push(S.elided(`${what} (${S.cols})`, cols.size - cols.elided, cols.size));
  return notes;
}

/** The first output cell (full spatial index, row-major) with the most terms. */
export function busiestCell(info: ConvInfo): number[] {
  const counts = overlapCounts(info);
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  return unflatten(best, info.outSpatial);
}

/** The page colouring a diagram uses when it is not given one: as the walkthrough would pick it. */
export function defaultColouring(info: ConvInfo, focus: readonly number[]): InputColouring {
  if (info.inCount <= 16) return inputColouring(info.inCount);
  const strides = rowMajorStrides(info.outSpatial);
  const flat = focus.reduce((acc, v, ax) => acc + v * strides[ax]!, 0);
  const feeding = new Set<number>();
  const tables = tapTables(info);
  // The same walk as the cell sums: contributors of the focus cell.
  let flats = [0];
  const inStr = rowMajorStrides(info.inSpatial);
  unflatten(flat, info.outSpatial).forEach((o, ax) => {
    const g = tables.gather[ax]!, next: number[] = [];
    for (const f of flats) for (let j = g.start[o]!; j < g.start[o + 1]!; j++) next.push(f + g.index[j]! * inStr[ax]!);
    flats = next;
  });
  flats.forEach((f) => feeding.add(f));
  return inputColouring(info.inCount, [...feeding]);
}

/** The focus cell of a diagram: the option (full index) checked against the output, or the busiest cell. */
export function focusOf(info: ConvInfo, focus: readonly number[] | undefined, who: string): number[] {
  if (!focus) return busiestCell(info);
  if (focus.length !== info.rank || focus.some((o, ax) => !Number.isInteger(o) || o < 0 || o >= info.outSpatial[ax]!)) {
    throw new Error(`${who}: focus ${focus.join(",")} outside the output ${info.outSpatial.join("×")}`);
  }
  return [...focus];
}

/**
 * Dash patterns of the copy outlines, by palette slot: in greyscale print all outline colours
 * turn the same dark grey, so neighbouring copies also differ in their line.
 */
export const OUTLINE_DASHES = Object.freeze(["", "7 3", "2.5 2.5", "10 3 2.5 3"]);

/** The `stroke-dasharray` attribute (or nothing) of input cell `flat`'s copy outline. */
function outlineDash(colouring: InputColouring, flat: number): string {
  const slot = colouring.slots[flat] ?? -1;
  const d = slot < 0 ? "" : OUTLINE_DASHES[slot % OUTLINE_DASHES.length]!;
  return d === "" ? "" : ` stroke-dasharray="${d}"`;
}

/** Consecutive runs of the sorted, distinct slot numbers `slots`: [first, last] pairs. */
export function runs(slots: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(slots)].filter((v) => v >= 0).sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v === last[1] + 1) last[1] = v; else out.push([v, v]);
  }
  return out;
}

/** A slice of the leading axes (3-D and up): the input index, the kernel tap, for each fixed axis. */
interface SliceLink { readonly input: readonly number[]; readonly tap: readonly number[] }

/**
 * The scatter diagram (SVG) of a transposed convolution, for the input's first channel. A 3-D
 * problem draws the output slice that holds the focus cell, with the input and kernel slices
 * that reach it; a 1-D problem draws one row per kernel copy above the row of their sum.
 *
 * @example
 * const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
 * const svg = scatterDiagram(info, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"] });
 * // svg starts with '<svg xmlns="http://www.w3.org/2000/svg"' and shows a 3×3 output whose centre has 4 stripes
 */
export function scatterDiagram(info: ConvInfo, opts: ScatterDiagramOptions): string {
  if (info.op !== "transposed") throw new Error("scatterDiagram: only transposed problems scatter kernel copies");
  if (opts.inputLabels.length !== info.inCount) throw new Error(`scatterDiagram: ${opts.inputLabels.length} input labels for ${info.inCount} cells`);
  if (opts.kernelLabels.length !== info.kernelCount) throw new Error(`scatterDiagram: ${opts.kernelLabels.length} kernel labels for ${info.kernelCount} taps`);
  if (opts.outputLabels && opts.outputLabels.length !== info.outCount) throw new Error(`scatterDiagram: ${opts.outputLabels.length} output labels for ${info.outCount} cells`);
  if (opts.inputNames && opts.inputNames.length !== info.inCount) throw new Error(`scatterDiagram: ${opts.inputNames.length} input names for ${info.inCount} cells`);
  const lang = opts.lang ?? "en", S = diagramStrings(lang);
  const max = opts.maxCells ?? DEFAULT_MAX_CELLS, base = opts.indexBase ?? 0;
  const prefix = opts.idPrefix ?? "tcs" + shortHash(JSON.stringify([info, opts]));
  const plane = planeOf(info.rank), hasRows = plane.rowAxis >= 0, oneD = !hasRows;
  const focus = focusOf(info, opts.focus, "scatterDiagram");
  const colouring = opts.colouring ?? defaultColouring(info, focus);
  const names = opts.inputNames ?? opts.inputLabels;
  const tables = tapTables(info);

  // Leading axes: the output slice holds the focus cell; the input slices reaching it, each through one kernel slice.
  let links: SliceLink[] = [{ input: [], tap: [] }];
  for (const ax of plane.fixedAxes) {
    const g = tables.gather[ax]!, o = focus[ax]!, next: SliceLink[] = [];
    for (const l of links) {
      for (let j = g.start[o]!; j < g.start[o + 1]!; j++) {
        const input = [...l.input], tap = [...l.tap];
        input[ax] = g.index[j]!; tap[ax] = g.tap[j]!;
        next.push({ input, tap });
      }
    }
    links = next;
  }
  const sliceReached = links.length > 0;
  if (!sliceReached) links = [{ input: plane.fixedAxes.map(() => 0), tap: plane.fixedAxes.map(() => 0) }];
  const sliced = plane.fixedAxes.length > 0;

  const frames = info.axes.map((_, ax) => frameAxis(info, ax));
  const [inRows, inCols] = planeSlots(info, plane, (ax) => info.inSpatial[ax]!, max);
  const [kRows, kCols] = planeSlots(info, plane, (ax) => info.kernelSpatial[ax]!, max);
  const [fRows, fCols] = planeSlots(info, plane, (ax) => frames[ax]!.size, max);
  // Drawn input cells of the plane (row, col), in order; 1-D: the copy rows.
  const drawnRC: Array<[number, number]> = [];
  inRows.slots.forEach((r) => inCols.slots.forEach((c) => { if (r !== null && c !== null) drawnRC.push([r, c]); }));
  const cell = cellSizeFor(Math.max(fRows.slots.length, fCols.slots.length, inRows.slots.length, inCols.slots.length));

  // Input and kernel panels: one grid per linked slice, side by side.
  const left = 34, top = 46, gap = 56, sliceGap = 18;
  const subtitle = sliced ? 16 : 0;
  // A slice named by its position, (1, ·, ·), as the walkthrough's TeX names it: no index letter to define.
  const sliceText = (vals: readonly number[]) =>
    `(${Array.from({ length: info.rank }, (_, ax) => (plane.fixedAxes.includes(ax) ? String(vals[ax]! + base) : "·")).join(", ")})`;
  const inGrids: GridBox[] = [], kGrids: GridBox[] = [];
  let x = left;
  links.forEach(() => { const g = gridBox(x, top, cell, inRows, inCols); inGrids.push(g); x += g.width + sliceGap; });
  const inPanelW = panelWidth(x - sliceGap - left, S.input);
  x = left + inPanelW + gap;
  const kX0 = x;
  const kernelLinks = links.filter((l, i) => links.findIndex((m) => m.tap.join() === l.tap.join()) === i);
  kernelLinks.forEach(() => { const g = gridBox(x, top, cell, kRows, kCols); kGrids.push(g); x += g.width + sliceGap; });
  const rowWidth = kX0 + panelWidth(x - sliceGap - kX0, S.kernel) + gap;
  const panelsBottom = top + Math.max(inGrids[0]!.height, kGrids[0]!.height) + subtitle;

  // Output: 2-D and up, one grid; 1-D, one row per drawn copy and then the sum row.
  const labelW = oneD ? Math.max(...drawnRC.map(([, c]) => approxLabelWidth(names[c]!) + 34), 60) : 0;
  const outW = fCols.slots.length * cell;
  const stacked = oneD || rowWidth + outW > 940;
  const outTop = stacked ? panelsBottom + 56 : top;
  const outX = stacked ? left + labelW : rowWidth;
  const copyRowGap = 6;
  const sumTop = oneD ? outTop + drawnRC.length * (cell + copyRowGap) + 14 : outTop;
  const outG = gridBox(outX, sumTop, cell, fRows, fCols);
  const outTitle = `${S.output} (${info.outSpatial.join("×")})` + (sliced ? ` — ${sliceText(focus)}` : "");
  const outRight = Math.max(outG.x + outG.width, outX - labelW + panelWidth(0, outTitle));
  const width = Math.max(stacked ? Math.max(rowWidth - gap, outRight) : outRight, 420) + 20;

  const outPos = (fr: number, fc: number): number[] => info.axes.map((_, ax) =>
    ax === plane.colAxis ? fc - frames[ax]!.offset : ax === plane.rowAxis ? fr - frames[ax]!.offset : focus[ax]!);
  const inside = (pos: readonly number[]) => pos.every((o, ax) => o >= 0 && o < info.axes[ax]!.outSize);
  const coloured = (f: number) => (colouring.slots[f] ?? -1) >= 0;

  // Spatial indices (0-based, comma-separated) on input cells and their copies, as the playground's grids carry them.
  const inAttr = (f: number) => ` data-in="${unflatten(f, info.inSpatial).join(",")}"`;
  const used = new Set<number>();
  let body = "", overlay = "";
  body += panelTitle(left, 18, S.input);
  body += panelTitle(kX0, 18, S.kernel);
  body += panelTitle(outX - labelW, outTop - 28, outTitle);
  if (!stacked) body += text(rowWidth - gap + 16, top + Math.min(outG.height, kGrids[0]!.height) / 2 + 6, "→", { size: 20, fill: NEUTRAL.grid, plain: true });

  // Input grids (one per linked input slice) and kernel grids (one per kernel slice).
  links.forEach((l, i) => {
    const g = inGrids[i]!;
    g.rows.slots.forEach((r) => g.cols.slots.forEach((c) => { if (r !== null && c !== null) used.add(sliceFlat(plane, info.inSpatial, l.input, r, c)); }));
    body += labelledGrid(g, (r, c) => sliceFlat(plane, info.inSpatial, l.input, r, c), "input-cell",
      (f) => `url(#${inputPatternId(prefix, f, colouring)})`, (f) => inputCellColour(f, colouring), (f) => opts.inputLabels[f]!, inAttr);
    body += axisIndexLabels(g, (v) => String(v + base), undefined, hasRows);
    if (sliced) body += text(g.x, g.y + g.height + 14, sliceText(l.input), { size: 11, anchor: "start", fill: NEUTRAL.grid, plain: true });
  });
  kernelLinks.forEach((l, i) => {
    const g = kGrids[i]!;
    body += labelledGrid(g, (r, c) => sliceFlat(plane, info.kernelSpatial, l.tap, r, c), "kernel-cell", () => NEUTRAL.faint, () => NEUTRAL.grid,
      (f) => opts.kernelLabels[f]!);
    body += axisIndexLabels(g, (v) => String(v + base), undefined, hasRows);
    if (sliced) body += text(g.x, g.y + g.height + 14, sliceText(l.tap), { size: 11, anchor: "start", fill: NEUTRAL.grid, plain: true });
  });

  // The sum grid: stripes per contributor, the value in the middle, the count in the cell's corner.
  let anyCropped = false, anyOverlap = false;
  fRows.slots.forEach((fr, kr) => fCols.slots.forEach((fc, kc) => {
    if (fr === null || fc === null) return;
    const pos = outPos(fr, fc);
    const flats = contributorsAt(info, pos);
    flats.forEach((f) => used.add(f));
    const [cx, cy] = slotXY(outG, kr, kc);
    if (inside(pos)) {
      const outFlat = sliceFlat(plane, info.outSpatial, focus, hasRows ? pos[plane.rowAxis]! : 0, pos[plane.colAxis]!);
      body += `<g class="output-cell" data-index="${outFlat}" data-out="${unflatten(outFlat, info.outSpatial).join(",")}" data-terms="${flats.length}">`
        + `<rect x="${num(cx)}" y="${num(cy)}" width="${num(cell)}" height="${num(cell)}" fill="#FFFFFF"/>`
        + stripes(prefix, cx, cy, cell, flats, colouring)
        + `<rect class="cell-box" x="${num(cx)}" y="${num(cy)}" width="${num(cell)}" height="${num(cell)}" fill="none" stroke="${NEUTRAL.grid}" stroke-width="1"/>`
        + `</g>`;
      const l = opts.outputLabels?.[outFlat];
      if (l !== undefined && l !== "") overlay += text(cx + cell / 2, cy + cell / 2 + 4, l, { size: fitSize(l, cell - 14, 13), backing: true });
      if (flats.length >= 2) {
        anyOverlap = true;
        overlay += countBadge(cx, cy, cell, flats.length, outFlat);
      }
    } else {
      anyCropped = true;
      body += `<g class="cropped-cell" data-terms="${flats.length}">`
        + `<rect x="${num(cx)}" y="${num(cy)}" width="${num(cell)}" height="${num(cell)}" fill="url(#${prefix}-crop)"/>`
        + stripes(prefix, cx, cy, cell, flats, colouring, 0.3)
        + `<rect x="${num(cx + 0.75)}" y="${num(cy + 0.75)}" width="${num(cell - 1.5)}" height="${num(cell - 1.5)}" fill="none" stroke="${NEUTRAL.croppedInk}" stroke-dasharray="4 3"/>`
        + `</g>`;
    }
  }));
  body += ellipsisBands(outG);
  const colFrame = frames[plane.colAxis]!;
  const colLabel = (f: number) => String(f - colFrame.offset + base);
  const colInk = (f: number) => { const o = f - colFrame.offset; return o >= 0 && o < colFrame.outSize ? NEUTRAL.grid : NEUTRAL.croppedInk; };
  if (oneD) {
    // Index numbers above the first copy row, and "Σ" before the sum row.
    const firstRow = gridBox(outX, outTop, cell, fRows, fCols);
    body += axisIndexLabels(firstRow, colLabel, colInk, false);
    body += text(outX - 8, sumTop + cell / 2 + 5, "Σ", { size: 15, anchor: "end", weight: "bold", plain: true });
    body += `<line x1="${num(outX)}" y1="${num(sumTop - 8)}" x2="${num(outX + outW)}" y2="${num(sumTop - 8)}" stroke="${NEUTRAL.grid}" stroke-width="1.2"/>`;
  } else {
    body += axisIndexLabels(outG, colLabel, colInk, false);
    const fa = frames[plane.rowAxis]!;
    fRows.slots.forEach((fr, kr) => {
      if (fr === null) return;
      const [, ry] = slotXY(outG, kr, 0);
      const o = fr - fa.offset;
      body += text(outG.x - 5, ry + cell / 2 + 4, String(o + base), { size: 10, anchor: "end", fill: o >= 0 && o < fa.outSize ? NEUTRAL.grid : NEUTRAL.croppedInk });
    });
  }
  // The kept output region, framed.
  const colSpan = slotSpan(fCols, colFrame.offset, colFrame.offset + colFrame.outSize - 1);
  const rowSpan = hasRows ? slotSpan(fRows, frames[plane.rowAxis]!.offset, frames[plane.rowAxis]!.offset + frames[plane.rowAxis]!.outSize - 1) : [0, 0] as [number, number];
  if (colSpan && rowSpan) {
    const [x0, y0] = slotXY(outG, rowSpan[0], colSpan[0]);
    body += `<rect class="output-frame" x="${num(x0)}" y="${num(y0)}" width="${num((colSpan[1] - colSpan[0] + 1) * cell)}" height="${num((rowSpan[1] - rowSpan[0] + 1) * cell)}" fill="none" stroke="${NEUTRAL.ink}" stroke-width="2.5"/>`;
  }

  // The kernel copies of the coloured input cells: only their tap cells are outlined, and the
  // first one carries the input cell's name, so copies stay apart without colour.
  const tapSlots = (ax: number, a: number, slots: AxisSlots): number[] => {
    const axis = info.axes[ax]!, off = frames[ax]!.offset, out: number[] = [];
    for (let t = 0; t < axis.kernel; t++) out.push(slots.slotOf(widePosition(axis, a, t) + off));
    return out.filter((v) => v >= 0);
  };
  if (sliceReached) {
    links.forEach((l, li) => {
      drawnRC.forEach(([r, c], k) => {
        const flat = sliceFlat(plane, info.inSpatial, l.input, r, c);
        if (!coloured(flat)) return;
        const colSlots = tapSlots(plane.colAxis, c, fCols);
        const rowSlots = hasRows ? tapSlots(plane.rowAxis, r, fRows) : [0];
        if (colSlots.length === 0 || rowSlots.length === 0) return;
        const colour = inputCellColour(flat, colouring);
        if (oneD) {
          // Its own row: the copy's tap cells, each with its product.
          const rowY = outTop + k * (cell + copyRowGap);
          body += text(outX - 8, rowY + cell / 2 + 5, `${names[flat]!}·w`, { size: 12, anchor: "end", fill: colour });
          const axis = info.axes[plane.colAxis]!;
          for (let t = 0; t < axis.kernel; t++) {
            const slot = fCols.slotOf(widePosition(axis, c, t) + colFrame.offset);
            if (slot < 0) continue;
            const [tx] = slotXY(outG, 0, slot);
            const kFlat = t;
            const label = opts.productLabel ? opts.productLabel(flat, kFlat) : opts.kernelLabels[kFlat]!;
            body += `<g class="copy-cell" data-input="${flat}"${inAttr(flat)} data-tap="${kFlat}">`
              + `<rect x="${num(tx)}" y="${num(rowY)}" width="${num(cell)}" height="${num(cell)}" fill="url(#${inputPatternId(prefix, flat, colouring)})" stroke="${colour}" stroke-width="2"${outlineDash(colouring, flat)}/>`
              + text(tx + cell / 2, rowY + cell / 2 + 4, label, { size: fitSize(label, cell - 8, 13), backing: true })
              + `</g>`;
          }
          return;
        }
        const inset = 2 + ((li * drawnRC.length + k) % 4) * 2.5;
        for (const [r0, r1] of runs(rowSlots)) for (const [c0, c1] of runs(colSlots)) {
          const [x0, y0] = slotXY(outG, r0, c0);
          body += `<rect class="footprint" data-input="${flat}"${inAttr(flat)} x="${num(x0 + inset)}" y="${num(y0 + inset)}" `
            + `width="${num((c1 - c0 + 1) * cell - 2 * inset)}" height="${num((r1 - r0 + 1) * cell - 2 * inset)}" `
            + `rx="3" fill="none" stroke="${colour}" stroke-width="2.2"${outlineDash(colouring, flat)}/>`;
        }
        // Name tag in the copy's first tap cell (its top-left corner, inside the cell).
        const [tx, ty] = slotXY(outG, Math.min(...rowSlots), Math.min(...colSlots));
        // Copies of several input slices start in the same cell: their tags take different corners.
        if (li < 3) overlay += copyTag(tx, ty, cell, names[flat]!, colour, flat, (["top-left", "bottom-left", "top-right"] as const)[li]!);
      });
    });
  }

  body += overlay;

  // Legend and caption.
  let y = Math.max(outG.y + outG.height, panelsBottom) + 22;
  const legend: Array<readonly [(x: number, y: number) => string, string]> = [];
  if (anyCropped) legend.push([(lx, ly) => `<rect x="${num(lx)}" y="${num(ly)}" width="14" height="14" fill="url(#${prefix}-crop)" stroke="${NEUTRAL.croppedInk}" stroke-dasharray="3 2"/>`, S.croppedLegend]);
  if (anyOverlap) legend.push([(lx, ly) => `<rect x="${num(lx)}" y="${num(ly + 1)}" width="14" height="12" rx="3" fill="#FFFFFF" stroke="${NEUTRAL.ink}"/><text x="${num(lx + 7)}" y="${num(ly + 10.5)}" font-size="9" text-anchor="middle" font-weight="bold">n</text>`, S.overlapBadgeLegend]);
  const [legSvg, legH] = legendRows(left, y, width - left - 10, legend);
  body += legSvg;
  y += legH + 8;
  const paragraphs = [oneD ? S.scatterCaption1d : S.scatterCaption,
    ...(colouring.limited ? [S.neutralNote(colouring.coloured.length, info.inCount)] : []),
    ...elisionNotes(lang, S.input, inRows, inCols, hasRows),
    ...elisionNotes(lang, S.output, fRows, fCols, hasRows),
    ...(sliced ? [S.focusSlice(sliceText(focus), links.map((l) => S.sliceLink(sliceText(l.input), sliceText(l.tap))).join(lang === "zh-CN" ? "；" : "; "), sliceReached)] : [])];
  const [capSvg, capH] = captionBlock(left, y + 4, width - left - 10, paragraphs);
  body += capSvg;

  const defs = inputPatternDefs(prefix, [...used].sort((a, b) => a - b), colouring) + neutralHatchDef(`${prefix}-crop`, NEUTRAL.cropped, "#BDBDBD");
  return svgDocument({
    width, height: y + capH + 6, title: S.scatterTitle, desc: paragraphs.join(" "), idPrefix: prefix, defs, body, kind: "scatter",
  });
}

function approxLabelWidth(label: string): number {
  return approxTextWidth(plainText(label), 12);
}

/** The term count of an output cell, in a pill inside the cell's bottom-right corner. */
function countBadge(x: number, y: number, cell: number, n: number, outFlat: number): string {
  const w = n >= 10 ? 17 : 12, h = 12;
  const bx = x + cell - w - 2, by = y + cell - h - 2;
  return `<g class="overlap-badge" data-index="${outFlat}"><rect x="${num(bx)}" y="${num(by)}" width="${w}" height="${h}" rx="3" fill="#FFFFFF" stroke="${NEUTRAL.ink}" stroke-width="1"/>`
    + text(bx + w / 2, by + 9.5, String(n), { size: 9, weight: "bold" }) + `</g>`;
}

/** The name of an input cell on its kernel copy: white text on the cell's colour, inside the cell's top-left corner. */
function copyTag(
  x: number, y: number, cell: number, name: string, colour: string, flat: number, corner: "top-left" | "bottom-left" | "top-right",
): string {
  const size = fitSize(name, cell * 0.62, 9);
  const w = Math.min(approxTextWidth(plainText(name), size) + 5, cell - 4), h = size + 3;
  const tx = corner === "top-right" ? x + cell - 2 - w : x + 2, ty = corner === "bottom-left" ? y + cell - 2 - h : y + 2;
  return `<g class="copy-tag" data-input="${flat}"><rect x="${num(tx)}" y="${num(ty)}" width="${num(w)}" height="${num(h)}" rx="2" fill="${colour}"/>`
    + text(tx + w / 2, ty + size, name, { size, fill: "#FFFFFF" }) + `</g>`;
}
