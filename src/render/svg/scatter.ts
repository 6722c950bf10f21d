/**
 * The scatter picture of a transposed convolution: the input grid with one colour and hatch per
 * cell, the kernel, and the output grid where every input cell's copy of the kernel lands.
 * Positions come from the geometry layer's tap tables (inside the output) and its one index
 * relation (for positions padding crops away); nothing here computes an index any other way.
 */
import type { ConvInfo } from "../../geometry/conv-info.ts";
import { narrowPosition, widePosition } from "../../geometry/relation.ts";
import { rowMajorStrides, tapTables, type TapTables } from "../../geometry/taps.ts";
import { NEUTRAL, inputCellColour } from "./palette.ts";
import {
  axisIndexLabels, captionBlock, ellipsisBands, fitSize, inputPatternDefs, inputPatternId, legendRows,
  neutralHatchDef, panelTitle, panelWidth, svgDocument, text,
} from "./draw.ts";
import { DEFAULT_MAX_CELLS, axisSlots, gridBox, planeFlat, planeOf, slotXY, type AxisSlots, type GridBox, type Plane } from "./layout.ts";
import { diagramLang, diagramStrings, type DiagramLang } from "./strings.ts";
import { num, shortHash } from "./xml.ts";

/** Options shared by the diagrams. */
export interface DiagramCommonOptions {
  /** `en` (default) or `zh-CN` (`zh` accepted). */
  lang?: DiagramLang | "zh";
  /** Slots drawn per axis before the ellipsis band takes over (default 16). */
  maxCells?: number;
  /** How index numbers along the axes are written: from 0 (default) or 1. */
  indexBase?: 0 | 1;
  /** Prefix of element ids; default: derived from the diagram's content, so it is deterministic. */
  idPrefix?: string;
}

export interface ScatterDiagramOptions extends DiagramCommonOptions {
  /** Display strings of the input's spatial cells (one channel), row-major: `"1"`, `"x_{0,1}"`. */
  inputLabels: readonly string[];
  /** Display strings of the kernel taps, row-major. */
  kernelLabels: readonly string[];
  /** Display strings of the output cells, row-major (optional: e.g. their values). */
  outputLabels?: readonly string[];
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
  return slots <= 6 ? 52 : slots <= 10 ? 44 : 34;
}

/** Vertical stripes, one per contributing input cell, in that cell's pattern. */
function stripes(prefix: string, x: number, y: number, cell: number, flats: readonly number[], opacity = 1): string {
  if (flats.length === 0) return "";
  const w = cell / flats.length;
  return flats.map((f, i) =>
    `<rect data-input="${f}" x="${num(x + i * w)}" y="${num(y)}" width="${num(w)}" height="${num(cell)}" `
    + `fill="url(#${inputPatternId(prefix, f)})"${opacity < 1 ? ` fill-opacity="${opacity}"` : ""}/>`).join("");
}

function planeSlots(info: ConvInfo, plane: Plane, size: (ax: number) => number, max: number): [AxisSlots, AxisSlots] {
  return [plane.rowAxis < 0 ? axisSlots(1, max) : axisSlots(size(plane.rowAxis), max), axisSlots(size(plane.colAxis), max)];
}

/** Draws a grid of labelled cells (input or kernel). */
function labelledGrid(
  g: GridBox, plane: Plane, shape: readonly number[], cls: string,
  fill: (flat: number) => string, stroke: (flat: number) => string, label: (flat: number) => string,
): string {
  let out = "";
  g.rows.slots.forEach((r, kr) => g.cols.slots.forEach((c, kc) => {
    if (r === null || c === null) return;
    const flat = planeFlat(plane, shape, r, c);
    const [x, y] = slotXY(g, kr, kc);
    out += `<g class="${cls}" data-index="${flat}"><rect x="${num(x)}" y="${num(y)}" width="${num(g.cell)}" height="${num(g.cell)}" `
      + `fill="${fill(flat)}" stroke="${stroke(flat)}" stroke-width="1.5"/>`;
    const l = label(flat);
    if (l !== "") out += text(x + g.cell / 2, y + g.cell / 2 + 4, l, { size: fitSize(l, g.cell - 8, 13), backing: true });
    out += `</g>`;
  }));
  return out + ellipsisBands(g);
}

/** Caption lines for elided axes and sliced 3-D problems. */
export function elisionNotes(
  lang: DiagramLang, what: string, rows: AxisSlots, cols: AxisSlots, hasRows: boolean,
): string[] {
  const S = diagramStrings(lang), notes: string[] = [];
  if (hasRows && rows.elided > 0) notes.push(S.elided(`${what} (${S.rows})`, rows.size - rows.elided, rows.size));
  if (cols.elided > 0) notes.push(S.elided(`${what} (${S.cols})`, cols.size - cols.elided, cols.size));
  return notes;
}

/** "axis 0" / "axes 0, 1" for the slice note. */
export function sliceNote(lang: DiagramLang, plane: Plane): string[] {
  if (plane.fixedAxes.length === 0) return [];
  const names = plane.fixedAxes.map((a) => (lang === "zh-CN" ? `第 ${a} 轴` : `axis ${a}`)).join(", ");
  return [diagramStrings(lang).slice(names)];
}

/**
 * The scatter diagram (SVG) of a transposed convolution, for the input's first channel.
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
  const lang = diagramLang(opts.lang), S = diagramStrings(lang);
  const max = opts.maxCells ?? DEFAULT_MAX_CELLS, base = opts.indexBase ?? 0;
  const prefix = opts.idPrefix ?? "tcs" + shortHash(JSON.stringify([info, opts]));
  const plane = planeOf(info.rank), hasRows = plane.rowAxis >= 0;

  const frames = info.axes.map((_, ax) => frameAxis(info, ax));
  const [inRows, inCols] = planeSlots(info, plane, (ax) => info.inSpatial[ax]!, max);
  const [kRows, kCols] = planeSlots(info, plane, (ax) => info.kernelSpatial[ax]!, max);
  const [fRows, fCols] = planeSlots(info, plane, (ax) => frames[ax]!.size, max);
  const cell = cellSizeFor(Math.max(fRows.slots.length, fCols.slots.length, inRows.slots.length, inCols.slots.length));

  // Place the three grids in a row, or the output below when a row would be too wide to read.
  const left = 34, top = 46, gap = 56;
  const inG0 = gridBox(left, top, cell, inRows, inCols);
  const kG = gridBox(left + panelWidth(inG0.width, S.input) + gap, top, cell, kRows, kCols);
  const rowWidth = kG.x + panelWidth(kG.width, S.kernel) + gap;
  const outW = fCols.slots.length * cell;
  const stacked = rowWidth + outW > 940;
  const outTop = stacked ? top + Math.max(inG0.height, kG.height) + 56 : top;
  const outG = gridBox(stacked ? left : rowWidth, outTop, cell, fRows, fCols);
  const width = Math.max(stacked ? Math.max(rowWidth, outG.x + outG.width) : outG.x + outG.width, 420) + 20;

  const fixedPos = (ax: number) => (plane.fixedAxes.includes(ax) ? 0 : -1);
  const outPos = (fr: number, fc: number): number[] => info.axes.map((_, ax) =>
    ax === plane.colAxis ? fc - frames[ax]!.offset : ax === plane.rowAxis ? fr - frames[ax]!.offset : fixedPos(ax));
  const inside = (pos: readonly number[]) => pos.every((o, ax) => o >= 0 && o < info.axes[ax]!.outSize);

  const used = new Set<number>();
  let body = "";
  // Panel titles.
  body += panelTitle(inG0.x, 18, S.input);
  body += panelTitle(kG.x, 18, S.kernel);
  body += panelTitle(outG.x, outG.y - 28, `${S.output} (${info.outSpatial.join("×")})`);
  if (!stacked) body += text(rowWidth - gap + 16, top + Math.min(outG.height, kG.height) / 2 + 6, "→", { size: 20, fill: NEUTRAL.grid, plain: true });

  // Input grid.
  inRows.slots.forEach((r) => inCols.slots.forEach((c) => { if (r !== null && c !== null) used.add(planeFlat(plane, info.inSpatial, r, c)); }));
  body += labelledGrid(inG0, plane, info.inSpatial, "input-cell",
    (f) => `url(#${inputPatternId(prefix, f)})`, (f) => inputCellColour(f), (f) => opts.inputLabels[f]!);
  body += axisIndexLabels(inG0, (i) => String(i + base), undefined, hasRows);
  // Kernel grid.
  body += labelledGrid(kG, plane, info.kernelSpatial, "kernel-cell", () => NEUTRAL.faint, () => NEUTRAL.grid, (f) => opts.kernelLabels[f]!);
  body += axisIndexLabels(kG, (i) => String(i + base), undefined, hasRows);

  // Output frame: stripes per contributor, cropped border greyed and dashed.
  let anyCropped = false, anyOverlap = false;
  // Labels and overlap badges go on a layer above the footprint outlines so lines never cross them.
  let overlay = "";
  fRows.slots.forEach((fr, kr) => fCols.slots.forEach((fc, kc) => {
    if (fr === null || fc === null) return;
    const pos = outPos(fr, fc);
    const flats = contributorsAt(info, pos);
    flats.forEach((f) => used.add(f));
    const [x, y] = slotXY(outG, kr, kc);
    if (inside(pos)) {
      const outFlat = planeFlat(plane, info.outSpatial, hasRows ? pos[plane.rowAxis]! : 0, pos[plane.colAxis]!);
      body += `<g class="output-cell" data-index="${outFlat}" data-terms="${flats.length}">`
        + `<rect x="${num(x)}" y="${num(y)}" width="${num(cell)}" height="${num(cell)}" fill="#FFFFFF"/>`
        + stripes(prefix, x, y, cell, flats)
        + `<rect x="${num(x)}" y="${num(y)}" width="${num(cell)}" height="${num(cell)}" fill="none" stroke="${NEUTRAL.grid}" stroke-width="1"/>`;
      const l = opts.outputLabels?.[outFlat];
      if (l !== undefined && l !== "") overlay += text(x + cell / 2, y + cell / 2 + 4, l, { size: fitSize(l, cell - 10, 13), backing: true });
      if (flats.length >= 2) {
        anyOverlap = true;
        overlay += `<circle class="overlap-badge" cx="${num(x + cell - 9)}" cy="${num(y + 9)}" r="7.5" fill="#FFFFFF" stroke="${NEUTRAL.ink}" stroke-width="1"/>`
          + text(x + cell - 9, y + 12.5, String(flats.length), { size: 10, weight: "bold" });
      }
      body += `</g>`;
    } else {
      anyCropped = true;
      body += `<g class="cropped-cell" data-terms="${flats.length}">`
        + `<rect x="${num(x)}" y="${num(y)}" width="${num(cell)}" height="${num(cell)}" fill="url(#${prefix}-crop)"/>`
        + stripes(prefix, x, y, cell, flats, 0.3)
        + `<rect x="${num(x + 0.75)}" y="${num(y + 0.75)}" width="${num(cell - 1.5)}" height="${num(cell - 1.5)}" fill="none" stroke="${NEUTRAL.croppedInk}" stroke-dasharray="4 3"/>`
        + `</g>`;
    }
  }));
  body += ellipsisBands(outG);
  body += axisIndexLabels(outG, (f) => {
    // Frame index → output index along the column axis (rows use the row axis' offset below).
    return String(f - frames[plane.colAxis]!.offset + base);
  }, (f) => { const o = f - frames[plane.colAxis]!.offset; return o >= 0 && o < frames[plane.colAxis]!.outSize ? NEUTRAL.grid : NEUTRAL.croppedInk; }, false);
  if (hasRows) {
    const fa = frames[plane.rowAxis]!;
    fRows.slots.forEach((fr, kr) => {
      if (fr === null) return;
      const [, y] = slotXY(outG, kr, 0);
      const o = fr - fa.offset;
      body += text(outG.x - 5, y + cell / 2 + 4, String(o + base), { size: 10, anchor: "end", fill: o >= 0 && o < fa.outSize ? NEUTRAL.grid : NEUTRAL.croppedInk });
    });
  }
  // The kept output region, framed.
  const colSpan = slotSpan(fCols, frames[plane.colAxis]!.offset, frames[plane.colAxis]!.offset + frames[plane.colAxis]!.outSize - 1);
  const rowSpan = hasRows ? slotSpan(fRows, frames[plane.rowAxis]!.offset, frames[plane.rowAxis]!.offset + frames[plane.rowAxis]!.outSize - 1) : [0, 0] as [number, number];
  if (colSpan && rowSpan) {
    const [x0, y0] = slotXY(outG, rowSpan[0], colSpan[0]);
    body += `<rect class="output-frame" x="${num(x0)}" y="${num(y0)}" width="${num((colSpan[1] - colSpan[0] + 1) * cell)}" height="${num((rowSpan[1] - rowSpan[0] + 1) * cell)}" fill="none" stroke="${NEUTRAL.ink}" stroke-width="2.5"/>`;
  }

  // Footprints: each drawn input cell's kernel copy, outlined in its colour (few cells only).
  const drawnInputs: Array<[number, number, number]> = [];
  inRows.slots.forEach((r) => inCols.slots.forEach((c) => { if (r !== null && c !== null) drawnInputs.push([r, c, planeFlat(plane, info.inSpatial, r, c)]); }));
  const reachesSlice = plane.fixedAxes.every((ax) => {
    const axis = info.axes[ax]!;
    for (let t = 0; t < axis.kernel; t++) if (widePosition(axis, 0, t) === 0) return true;
    return false;
  });
  if (drawnInputs.length <= 36 && reachesSlice) {
    for (const [r, c, flat] of drawnInputs) {
      const span = (ax: number, a: number, slots: AxisSlots): [number, number] | null => {
        const axis = info.axes[ax]!, off = frames[ax]!.offset;
        const lo = widePosition(axis, a, 0) + off, hi = widePosition(axis, a, axis.kernel - 1) + off;
        return slotSpan(slots, lo, hi);
      };
      const cs = span(plane.colAxis, c, fCols);
      const rs = hasRows ? span(plane.rowAxis, r, fRows) : [0, 0] as [number, number];
      if (!cs || !rs) continue;
      const inset = 2.5 + (flat % 4) * 3;
      const [x0, y0] = slotXY(outG, rs[0], cs[0]);
      const w = (cs[1] - cs[0] + 1) * cell - 2 * inset, h = (rs[1] - rs[0] + 1) * cell - 2 * inset;
      body += `<rect class="footprint" data-input="${flat}" x="${num(x0 + inset)}" y="${num(y0 + inset)}" width="${num(w)}" height="${num(h)}" `
        + `rx="3" fill="none" stroke="${inputCellColour(flat)}" stroke-width="2.2"/>`;
    }
  }

  body += overlay;

  // Legend and caption.
  let y = Math.max(outG.y + outG.height, inG0.y + inG0.height, kG.y + kG.height) + 22;
  const legend: Array<readonly [(x: number, y: number) => string, string]> = [];
  if (anyCropped) legend.push([(x, yy) => `<rect x="${num(x)}" y="${num(yy)}" width="14" height="14" fill="url(#${prefix}-crop)" stroke="${NEUTRAL.croppedInk}" stroke-dasharray="3 2"/>`, S.croppedLegend]);
  if (anyOverlap) legend.push([(x, yy) => `<circle cx="${num(x + 7)}" cy="${num(yy + 7)}" r="7" fill="#FFFFFF" stroke="${NEUTRAL.ink}"/><text x="${num(x + 7)}" y="${num(yy + 10.5)}" font-size="9" text-anchor="middle" font-weight="bold">n</text>`, S.overlapBadgeLegend]);
  const [legSvg, legH] = legendRows(left, y, width - left - 10, legend);
  body += legSvg;
  y += legH + 8;
  const paragraphs = [S.scatterCaption,
    ...elisionNotes(lang, S.input, inRows, inCols, hasRows),
    ...elisionNotes(lang, S.output, fRows, fCols, hasRows),
    ...sliceNote(lang, plane)];
  const [capSvg, capH] = captionBlock(left, y + 4, width - left - 10, paragraphs);
  body += capSvg;

  const defs = inputPatternDefs(prefix, [...used].sort((a, b) => a - b)) + neutralHatchDef(`${prefix}-crop`, NEUTRAL.cropped, "#BDBDBD");
  return svgDocument({
    width, height: y + capH + 6, title: S.scatterTitle, desc: paragraphs.join(" "), idPrefix: prefix, defs, body, kind: "scatter",
  });
}
