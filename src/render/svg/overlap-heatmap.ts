/**
 * The overlap heatmap: every output cell shaded by how many terms it sums, with the count written
 * in the cell (so the picture does not depend on colour) and a legend. Counts come from the
 * geometry layer's `overlapCounts`.
 */
import type { ConvInfo } from "../../geometry/conv-info.ts";
import { overlapCounts } from "../../geometry/overlap.ts";
import { NEUTRAL, rampColour, rampInk } from "./palette.ts";
import { axisIndexLabels, captionBlock, ellipsisBands, legendRows, panelTitle, svgDocument, text } from "./draw.ts";
import { DEFAULT_MAX_CELLS, axisSlots, gridBox, planeOf, sliceFlat, slotXY } from "./layout.ts";
import { cellSizeFor, elisionNotes, type DiagramCommonOptions } from "./scatter.ts";
import { diagramStrings, type HeatmapVerdict } from "./strings.ts";
import { num, shortHash } from "./xml.ts";

export interface OverlapHeatmapOptions extends DiagramCommonOptions {
  /** An output cell to frame (full spatial index or plane [row, col]), e.g. the one explained in full. */
  highlight?: readonly number[];
  /** The verdict the caption states (from the overlap step); omitted, the caption says only what shading means. */
  verdict?: HeatmapVerdict;
}

/**
 * The heatmap (SVG) of terms per output cell.
 *
 * @example
 * const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
 * overlapHeatmap(info); // 3×3 cells reading 1 2 1 / 2 4 2 / 1 2 1, legend 1, 2, 4 terms
 */
export function overlapHeatmap(info: ConvInfo, opts: OverlapHeatmapOptions = {}): string {
  const lang = opts.lang ?? "en", S = diagramStrings(lang);
  const max = opts.maxCells ?? DEFAULT_MAX_CELLS, base = opts.indexBase ?? 0;
  const prefix = opts.idPrefix ?? "tch" + shortHash(JSON.stringify([info, opts]));
  const plane = planeOf(info.rank), hasRows = plane.rowAxis >= 0;
  const counts = overlapCounts(info);
  const levels = [...new Set(counts)].sort((a, b) => a - b);
  const level = (n: number) => levels.indexOf(n);

  const rows = axisSlots(hasRows ? info.outSpatial[plane.rowAxis]! : 1, max);
  const cols = axisSlots(info.outSpatial[plane.colAxis]!, max);
  const cell = Math.min(cellSizeFor(Math.max(rows.slots.length, cols.slots.length)), 44);
  const left = 34, top = 46;
  const g = gridBox(left, top, cell, rows, cols);
  const width = Math.max(g.x + g.width, 420) + 20;

  // The drawn slice: the highlighted cell's leading indices when a full index is given, else 0.
  const fixed = opts.highlight && opts.highlight.length === info.rank ? [...opts.highlight] : [];
  let hl: number[] | undefined;
  if (opts.highlight) {
    const h = opts.highlight;
    hl = h.length === info.rank ? [hasRows ? h[plane.rowAxis]! : 0, h[plane.colAxis]!] : hasRows ? [h[0]!, h[1]!] : [0, h[0]!];
  }

  let body = panelTitle(left, 18, `${S.output} (${info.outSpatial.join("×")})`);
  rows.slots.forEach((r, kr) => cols.slots.forEach((c, kc) => {
    if (r === null || c === null) return;
    const flat = sliceFlat(plane, info.outSpatial, fixed, r, c);
    const n = counts[flat]!, lv = level(n);
    const [x, y] = slotXY(g, kr, kc);
    body += `<g class="heat-cell" data-index="${flat}" data-terms="${n}"><rect x="${num(x)}" y="${num(y)}" width="${num(cell)}" height="${num(cell)}" `
      + `fill="${rampColour(lv, levels.length)}" stroke="#FFFFFF" stroke-width="1"/>`
      + text(x + cell / 2, y + cell / 2 + 5, String(n), { size: 14, weight: "bold", fill: rampInk(lv, levels.length) }) + `</g>`;
  }));
  if (hl) {
    const kr = rows.slotOf(hl[0]!), kc = cols.slotOf(hl[1]!);
    if (kr >= 0 && kc >= 0) {
      const [x, y] = slotXY(g, kr, kc);
      body += `<rect class="highlight" x="${num(x - 1.5)}" y="${num(y - 1.5)}" width="${num(cell + 3)}" height="${num(cell + 3)}" fill="none" stroke="#B84E00" stroke-width="3"/>`;
    }
  }
  body += ellipsisBands(g);
  body += axisIndexLabels(g, (i) => String(i + base), undefined, hasRows);

  let y = g.y + g.height + 22;
  const legend = levels.map((n, i) => [
    (x: number, yy: number) => `<rect x="${num(x)}" y="${num(yy)}" width="14" height="14" fill="${rampColour(i, levels.length)}" stroke="${NEUTRAL.grid}" stroke-width="0.5"/>`,
    S.terms(n),
  ] as const);
  const [legSvg, legH] = legendRows(left, y, width - left - 10, legend);
  body += legSvg;
  y += legH + 8;
  const paragraphs = [opts.verdict ? `${S.heatmapCaption}${lang === "zh-CN" ? "" : " "}${S.heatmapVerdict[opts.verdict]}` : S.heatmapCaption, ...elisionNotes(lang, S.output, rows, cols, hasRows), ...(plane.fixedAxes.length
    ? [S.outputSlice(plane.fixedAxes.map((ax) => `${S.axis(ax)} = ${(fixed[ax] ?? 0) + base}`).join(", "))]
    : [])];
  const [capSvg, capH] = captionBlock(left, y + 4, width - left - 10, paragraphs);
  body += capSvg;
  return svgDocument({
    width, height: y + capH + 6, title: S.heatmapTitle, desc: paragraphs.join(" "), idPrefix: prefix, defs: "", body, kind: "overlap-heatmap",
  });
}
