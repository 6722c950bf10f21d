/**
 * The direct-convolution picture: for a transposed convolution, the input with s − 1 zeros
 * inserted and d(k − 1) − p padding on each side (negative padding crops), the kernel rotated by
 * 180° and one highlighted window; for an ordinary convolution, the padded input and the kernel
 * as it is. Positions come from the geometry layer (`directConvGeometry`, the index relation).
 */
import type { ConvInfo } from "../../geometry/conv-info.ts";
import { directConvGeometry, directWindowAxes } from "../../geometry/direct-conv.ts";
import { overlapCounts } from "../../geometry/overlap.ts";
import { rowMajorStrides, tapTables, unflatten } from "../../geometry/taps.ts";
import { NEUTRAL, inputCellColour } from "./palette.ts";
import {
  axisIndexLabels, captionBlock, ellipsisBands, fitSize, inputPatternDefs, inputPatternId, legendRows,
  neutralHatchDef, panelTitle, panelWidth, svgDocument, text,
} from "./draw.ts";
import { DEFAULT_MAX_CELLS, axisSlots, gridBox, planeOf, sliceFlat, slotXY } from "./layout.ts";
import { cellSizeFor, defaultColouring, elisionNotes, slotSpan, type DiagramCommonOptions } from "./scatter.ts";
import { diagramStrings } from "./strings.ts";
import { num, shortHash } from "./xml.ts";

export interface DirectConvDiagramOptions extends DiagramCommonOptions {
  /** Display strings of the input's spatial cells (one channel), row-major. */
  inputLabels: readonly string[];
  /** Display strings of the kernel taps, row-major, unflipped (the diagram flips them). */
  kernelLabels: readonly string[];
  /** Display strings of the output cells, row-major (optional). */
  outputLabels?: readonly string[];
  /**
   * The output cell whose window is highlighted: [row, col] of the drawn plane ([col] for 1-D), or
   * a full spatial index. Default: the first cell with the most terms.
   */
  window?: readonly number[];
}

/** What sits at one cell of the drawn (padded) input. */
export type DirectCellKind = "input" | "inserted-zero" | "padding" | "cropped";

/** The first output cell (row-major) with the most terms. */
export function busiestCell(info: ConvInfo): number[] {
  const counts = overlapCounts(info);
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  const idx: number[] = [];
  let rest = best;
  for (let ax = info.rank - 1; ax >= 0; ax--) {
    const n = info.outSpatial[ax]!;
    idx[ax] = rest % n;
    rest = Math.floor(rest / n);
  }
  return idx;
}

/**
 * The direct-convolution diagram (SVG) for the input's first channel.
 *
 * @example
 * const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
 * directConvDiagram(info, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"], window: [1, 1] });
 * // a 4×4 padded input (one padding zero on each side), the kernel rotated 180°, window at y[1,1]
 */
export function directConvDiagram(info: ConvInfo, opts: DirectConvDiagramOptions): string {
  if (opts.inputLabels.length !== info.inCount) throw new Error(`directConvDiagram: ${opts.inputLabels.length} input labels for ${info.inCount} cells`);
  if (opts.kernelLabels.length !== info.kernelCount) throw new Error(`directConvDiagram: ${opts.kernelLabels.length} kernel labels for ${info.kernelCount} taps`);
  if (opts.outputLabels && opts.outputLabels.length !== info.outCount) throw new Error(`directConvDiagram: ${opts.outputLabels.length} output labels for ${info.outCount} cells`);
  const transposed = info.op === "transposed";
  const lang = opts.lang ?? "en", S = diagramStrings(lang);
  const max = opts.maxCells ?? DEFAULT_MAX_CELLS, base = opts.indexBase ?? 0;
  const prefix = opts.idPrefix ?? "tcd" + shortHash(JSON.stringify([info, opts]));
  const plane = planeOf(info.rank), hasRows = plane.rowAxis >= 0;
  const axes = directWindowAxes(info);

  // The window's output cell, full spatial index (leading axes 0).
  let win: number[];
  if (!opts.window) win = busiestCell(info);
  else if (opts.window.length === info.rank) win = [...opts.window];
  else {
    win = info.axes.map(() => 0);
    const w = opts.window;
    if (hasRows) { win[plane.rowAxis] = w[0] ?? 0; win[plane.colAxis] = w[1] ?? 0; } else win[plane.colAxis] = w[0] ?? 0;
  }
  win.forEach((o, ax) => {
    if (!Number.isInteger(o) || o < 0 || o >= info.outSpatial[ax]!) throw new Error(`directConvDiagram: window ${win.join(",")} outside the output ${info.outSpatial.join("×")}`);
  });

  const colouring = opts.colouring ?? defaultColouring(info, win);
  const rAxis = hasRows ? axes[plane.rowAxis]! : undefined, cAxis = axes[plane.colAxis]!;
  const rows = axisSlots(rAxis ? rAxis.hi - rAxis.lo : 1, max), cols = axisSlots(cAxis.hi - cAxis.lo, max);
  const kRows = axisSlots(hasRows ? info.kernelSpatial[plane.rowAxis]! : 1, max), kCols = axisSlots(info.kernelSpatial[plane.colAxis]!, max);
  const oRows = axisSlots(hasRows ? info.outSpatial[plane.rowAxis]! : 1, max), oCols = axisSlots(info.outSpatial[plane.colAxis]!, max);
  const cell = cellSizeFor(Math.max(rows.slots.length, cols.slots.length));

  const left = 34, top = 46, gap = 48;
  const inTitle = transposed ? S.paddedInput : S.input, kTitle = transposed ? S.flippedKernel : S.kernel;
  const outTitle = `${S.output} (${info.outSpatial.join("×")})`;
  const inG = gridBox(left, top, cell, rows, cols);
  const kCell = Math.min(cell, 44), oCell = Math.min(cell, 44);
  const kW = panelWidth(kCols.slots.length * kCell, kTitle), oW = panelWidth(oCols.slots.length * oCell, outTitle);
  const stacked = panelWidth(inG.width, inTitle) + gap + kW + gap + oW > 900;
  const sideX = stacked ? left : left + panelWidth(inG.width, inTitle) + gap;
  const sideY = stacked ? top + inG.height + 56 : top;
  const kG = gridBox(sideX, sideY, kCell, kRows, kCols);
  const oG = gridBox(sideX + kW + gap, sideY, oCell, oRows, oCols);
  const width = Math.max(inG.x + panelWidth(inG.width, inTitle), oG.x + oW, 440) + 20;

  const kindAt = (r: number, c: number): DirectCellKind => {
    const rr = rAxis ? rAxis : undefined;
    if (!cAxis.inWindowRange(c) || (rr && !rr.inWindowRange(r))) return "cropped";
    if (cAxis.isPadding(c) || (rr && rr.isPadding(r))) return "padding";
    if (cAxis.inputAt(c) < 0 || (rr && rr.inputAt(r) < 0)) return "inserted-zero";
    return "input";
  };
  // Window cells (positions r, c) and which drawn kernel tap each one meets.
  const winTaps = new Map<string, [number, number]>();
  const kr = hasRows ? info.kernelSpatial[plane.rowAxis]! : 1, kc = info.kernelSpatial[plane.colAxis]!;
  for (let tr = 0; tr < kr; tr++) for (let tc = 0; tc < kc; tc++) {
    const r = rAxis ? rAxis.windowAt(win[plane.rowAxis]!, tr) : 0, c = cAxis.windowAt(win[plane.colAxis]!, tc);
    winTaps.set(`${r},${c}`, [tr, tc]);
  }
  // Leading axes (3-D and up): the output slice is the window's; the input slice drawn is the
  // first input index that reaches it (tap tables), and the kernel slice is the tap joining them.
  const tables = tapTables(info);
  const fixedTap = new Map<number, number>();
  const fixedIn: number[] = [];
  for (const ax of plane.fixedAxes) {
    const g = tables.gather[ax]!, o = win[ax]!;
    const has = g.start[o + 1]! > g.start[o]!;
    fixedIn[ax] = has ? g.index[g.start[o]!]! : 0;
    fixedTap.set(ax, has ? g.tap[g.start[o]!]! : -1);
  }
  const sliceMeets = [...fixedTap.values()].every((t) => t >= 0);
  const kStrides = rowMajorStrides(info.kernelSpatial);
  // The drawn kernel: rotated by 180° for the transposed view, so drawn tap t holds w[k−1−t].
  const kernelFlat = (tr: number, tc: number) => {
    let flat = 0;
    for (const [ax, t] of fixedTap) flat += Math.max(t, 0) * kStrides[ax]!;
    if (rAxis) flat += rAxis.kernelTap(tr) * kStrides[plane.rowAxis]!;
    return flat + cAxis.kernelTap(tc) * kStrides[plane.colAxis]!;
  };

  // For each drawn position, the output cells (of the window's slice) whose window covers it, so
  // a page can light any cell's window (the playground's trace): `data-windows="0,0 0,1"`.
  const windowsAt = new Map<string, string[]>();
  if (sliceMeets) {
    const oRowN = hasRows ? info.outSpatial[plane.rowAxis]! : 1, oColN = info.outSpatial[plane.colAxis]!;
    for (let orow = 0; orow < oRowN; orow++) for (let ocol = 0; ocol < oColN; ocol++) {
      const out = [...win];
      if (hasRows) out[plane.rowAxis] = orow;
      out[plane.colAxis] = ocol;
      const name = out.join(",");
      for (let tr = 0; tr < kr; tr++) {
        const r = rAxis ? rAxis.windowAt(orow, tr) : 0;
        if (rAxis && rows.slotOf(r - rAxis.lo) < 0) continue;
        for (let tc = 0; tc < kc; tc++) {
          const c = cAxis.windowAt(ocol, tc);
          if (cols.slotOf(c - cAxis.lo) < 0) continue;
          const key = `${r},${c}`;
          const list = windowsAt.get(key);
          if (list) list.push(name); else windowsAt.set(key, [name]);
        }
      }
    }
  }

  const used = new Set<number>();
  let body = "", overlay = "";
  body += panelTitle(inG.x, 18, inTitle);
  body += panelTitle(kG.x, kG.y - 28, kTitle);
  body += panelTitle(oG.x, oG.y - 28, outTitle);

  const kinds = new Set<DirectCellKind>();
  rows.slots.forEach((rs, kR) => cols.slots.forEach((cs, kC) => {
    if (rs === null || cs === null) return;
    const r = (rAxis ? rAxis.lo : 0) + rs, c = cAxis.lo + cs;
    const kind = kindAt(r, c);
    kinds.add(kind);
    const [x, y] = slotXY(inG, kR, kC);
    const a = rAxis ? rAxis.inputAt(r) : 0, b = cAxis.inputAt(c);
    const flat = a >= 0 && b >= 0 ? sliceFlat(plane, info.inSpatial, fixedIn, a, b) : -1;
    let fill = "#FFFFFF", stroke: string = NEUTRAL.grid, label = "0", ink: string = NEUTRAL.croppedInk, dash = "";
    if (kind === "input" || (kind === "cropped" && flat >= 0)) {
      used.add(flat);
      fill = `url(#${inputPatternId(prefix, flat, colouring)})`; stroke = inputCellColour(flat, colouring); label = opts.inputLabels[flat]!; ink = NEUTRAL.ink;
    } else if (kind === "inserted-zero") fill = NEUTRAL.faint;
    else if (kind === "padding") fill = `url(#${prefix}-pad)`;
    if (kind === "cropped") dash = ` stroke-dasharray="4 3"`;
    const windows = windowsAt.get(`${r},${c}`);
    body += `<g class="padded-cell ${kind}"${flat >= 0 ? ` data-input="${flat}" data-in="${unflatten(flat, info.inSpatial).join(",")}"` : ""} data-pos="${r},${c}"`
      + `${windows ? ` data-windows="${windows.join(" ")}"` : ""}${kind === "cropped" ? ` opacity="0.45"` : ""}>`
      + `<rect x="${num(x)}" y="${num(y)}" width="${num(cell)}" height="${num(cell)}" fill="${fill}" stroke="${stroke}" stroke-width="${kind === "input" ? 1.5 : 1}"${dash}/>`;
    const tap = sliceMeets ? winTaps.get(`${r},${c}`) : undefined;
    const ly = tap && kind !== "cropped" ? y + cell / 2 - 1 : y + cell / 2 + 4;
    body += text(x + cell / 2, ly, label, { size: fitSize(label, cell - 8, 13), fill: ink, backing: kind === "input" || kind === "padding" });
    body += `</g>`;
    if (tap) {
      const w = opts.kernelLabels[kernelFlat(tap[0], tap[1])]!;
      const lbl = `×${w}`;
      overlay += `<rect class="window-tap" data-pos="${r},${c}" data-tap="${kernelFlat(tap[0], tap[1])}" x="${num(x + 1.5)}" y="${num(y + 1.5)}" width="${num(cell - 3)}" height="${num(cell - 3)}" fill="none" stroke="${NEUTRAL.highlight}" stroke-width="2"/>`;
      overlay += text(x + cell / 2, y + cell - 6, lbl, { size: fitSize(lbl, cell - 8, 10), backing: true });
    }
  }));
  body += ellipsisBands(inG);
  // Index labels in the zero-inserted input's coordinates, shifted so 0 is the first padded cell.
  body += axisIndexLabels(inG, (i) => String(i + base), undefined, hasRows);

  // Window frame: the bounding box of its taps.
  const rSpan = rAxis ? slotSpan(rows, rAxis.windowAt(win[plane.rowAxis]!, 0) - rAxis.lo, rAxis.windowAt(win[plane.rowAxis]!, kr - 1) - rAxis.lo) : [0, 0] as [number, number];
  const cSpan = slotSpan(cols, cAxis.windowAt(win[plane.colAxis]!, 0) - cAxis.lo, cAxis.windowAt(win[plane.colAxis]!, kc - 1) - cAxis.lo);
  const winName = `(${win.map((v) => v + base).join(", ")})`;
  if (rSpan && cSpan) {
    const [x0, y0] = slotXY(inG, rSpan[0], cSpan[0]);
    overlay += `<rect class="window" x="${num(x0 - 2)}" y="${num(y0 - 2)}" width="${num((cSpan[1] - cSpan[0] + 1) * cell + 4)}" height="${num((rSpan[1] - rSpan[0] + 1) * cell + 4)}" `
      + `fill="none" stroke="${NEUTRAL.highlight}" stroke-width="3.5" stroke-dasharray="10 4"/>`;
  }
  body += `<g class="window-overlay">${overlay}</g>`;

  // Kernel as drawn (rotated for the transposed view).
  kRows.slots.forEach((tr, a) => kCols.slots.forEach((tc, b) => {
    if (tr === null || tc === null) return;
    const [x, y] = slotXY(kG, a, b);
    const l = opts.kernelLabels[kernelFlat(tr, tc)]!;
    body += `<g class="kernel-cell" data-tap="${kernelFlat(tr, tc)}"><rect x="${num(x)}" y="${num(y)}" width="${num(kCell)}" height="${num(kCell)}" fill="${NEUTRAL.faint}" stroke="${NEUTRAL.grid}" stroke-width="1.5"/>`
      + text(x + kCell / 2, y + kCell / 2 + 4, l, { size: fitSize(l, kCell - 8, 13) }) + `</g>`;
  }));
  body += ellipsisBands(kG);
  body += axisIndexLabels(kG, (i) => String(i + base), undefined, hasRows);

  // Output with the window's cell marked.
  oRows.slots.forEach((orow, a) => oCols.slots.forEach((ocol, b) => {
    if (orow === null || ocol === null) return;
    const [x, y] = slotXY(oG, a, b);
    const flat = sliceFlat(plane, info.outSpatial, win, orow, ocol);
    const target = (!hasRows || orow === win[plane.rowAxis]) && ocol === win[plane.colAxis];
    body += `<g class="output-cell${target ? " target" : ""}" data-index="${flat}" data-out="${unflatten(flat, info.outSpatial).join(",")}"><rect x="${num(x)}" y="${num(y)}" width="${num(oCell)}" height="${num(oCell)}" `
      + `fill="${target ? "#FFF3BF" : "#FFFFFF"}" stroke="${target ? NEUTRAL.highlight : NEUTRAL.grid}" stroke-width="${target ? 3 : 1}"/>`;
    const l = opts.outputLabels?.[flat];
    if (l !== undefined && l !== "") body += text(x + oCell / 2, y + oCell / 2 + 4, l, { size: fitSize(l, oCell - 8, 13) });
    body += `</g>`;
  }));
  body += ellipsisBands(oG);
  body += axisIndexLabels(oG, (i) => String(i + base), undefined, hasRows);

  // Legend and caption.
  let y = Math.max(inG.y + inG.height, kG.y + kG.height, oG.y + oG.height) + 22;
  const firstInput = [...used][0] ?? 0;
  const legend: Array<readonly [(x: number, y: number) => string, string]> = [];
  if (kinds.has("input")) legend.push([(x, yy) => `<rect x="${num(x)}" y="${num(yy)}" width="14" height="14" fill="url(#${inputPatternId(prefix, firstInput, colouring)})" stroke="${inputCellColour(firstInput, colouring)}"/>`, S.inputValueLegend]);
  if (kinds.has("inserted-zero")) legend.push([(x, yy) => `<rect x="${num(x)}" y="${num(yy)}" width="14" height="14" fill="${NEUTRAL.faint}" stroke="${NEUTRAL.grid}"/>`, S.insertedZeroLegend]);
  if (kinds.has("padding")) legend.push([(x, yy) => `<rect x="${num(x)}" y="${num(yy)}" width="14" height="14" fill="url(#${prefix}-pad)" stroke="${NEUTRAL.grid}"/>`, S.paddingZeroLegend]);
  if (kinds.has("cropped")) legend.push([(x, yy) => `<rect x="${num(x)}" y="${num(yy)}" width="14" height="14" fill="#FFFFFF" stroke="${NEUTRAL.croppedInk}" stroke-dasharray="3 2"/>`, S.croppedInputLegend]);
  legend.push([(x, yy) => `<rect x="${num(x + 1)}" y="${num(yy + 1)}" width="12" height="12" fill="none" stroke="${NEUTRAL.highlight}" stroke-width="2.5" stroke-dasharray="5 2"/>`, S.windowLegend(`y${winName}`)]);
  const [legSvg, legH] = legendRows(left, y, width - left - 10, legend);
  body += legSvg;
  y += legH + 8;
  const axisName = (ax: number) => (ax === plane.colAxis ? (hasRows ? S.cols : "") : ax === plane.rowAxis ? S.rows : S.axis(ax));
  const perAxis = (f: (ax: number) => string) => info.axes.map((_, ax) => (axisName(ax) ? `${axisName(ax)}${lang === "zh-CN" ? "：" : ": "}` : "") + f(ax)).join(lang === "zh-CN" ? "；" : "; ");
  let main: string;
  if (transposed) {
    const geo = directConvGeometry(info);
    main = S.directCaption(perAxis((ax) => String(geo[ax]!.zerosBetween)), perAxis((ax) => S.beforeAfter(geo[ax]!.padBegin, geo[ax]!.padEnd)));
  } else main = S.convCaption;
  const paragraphs = [main,
    ...elisionNotes(lang, transposed ? S.paddedInput : S.input, rows, cols, hasRows),
    ...elisionNotes(lang, S.output, oRows, oCols, hasRows),
    ...(plane.fixedAxes.length
      ? [S.sliceAt(plane.fixedAxes.map((ax) => S.slicePart(ax, fixedIn[ax]! + base, win[ax]! + base, (fixedTap.get(ax) ?? 0) + base)).join("; "))]
      : []),
    ...(sliceMeets ? [] : [S.sliceMisses])];
  const [capSvg, capH] = captionBlock(left, y + 4, width - left - 10, paragraphs);
  body += capSvg;

  const defs = inputPatternDefs(prefix, [...used].sort((p, q) => p - q), colouring) + neutralHatchDef(`${prefix}-pad`, "#FFFFFF", "#9A9A9A");
  return svgDocument({
    width, height: y + capH + 6, title: transposed ? S.directTitle : S.convTitle, desc: paragraphs.join(" "),
    idPrefix: prefix, defs, body, kind: "direct-conv",
  });
}
