/**
 * SVG primitives shared by the diagrams: the document shell, hatch patterns, text with a
 * readable backing, ellipsis bands, wrapped captions and legend rows. Every string that comes
 * from outside goes through `escapeXml` / `svgTextContent` here.
 */
import { NEUTRAL, inputCellEntry, type Hatch, type InputColouring } from "./palette.ts";
import { approxTextWidth, escapeXml, num, plainText, svgTextContent } from "./xml.ts";
import { slotXY, type GridBox } from "./layout.ts";

/** The font stack of diagram text; CJK fonts come before the generic family. */
export const SVG_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** How far a diagram may grow past its drawn size to fill a wide column (text stays in proportion). */
export const MAX_SCALE = 1.5;

/**
 * Wraps a body into a standalone, accessible SVG document. The diagram takes the width of its
 * container (`width="100%"`, height from the viewBox) up to {@link MAX_SCALE} times its drawn
 * width, so it fills a page column without its text growing oversized; `data-width` keeps the
 * drawn width.
 */
export function svgDocument(o: {
  width: number; height: number; title: string; desc: string; idPrefix: string; defs: string; body: string; kind: string;
}): string {
  const w = Math.ceil(o.width), h = Math.ceil(o.height);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="tconv-diagram tconv-${o.kind}" role="img" `
    + `width="100%" viewBox="0 0 ${w} ${h}" style="max-width: ${Math.round(w * MAX_SCALE)}px" data-width="${w}" data-height="${h}" `
    + `aria-labelledby="${o.idPrefix}-title ${o.idPrefix}-desc" `
    + `font-family="${escapeXml(SVG_FONT)}" font-size="13">`
    + `<title id="${o.idPrefix}-title">${escapeXml(o.title)}</title>`
    + `<desc id="${o.idPrefix}-desc">${escapeXml(o.desc)}</desc>`
    + `<defs>${o.defs}</defs>`
    + `<rect width="${w}" height="${h}" fill="#FFFFFF"/>`
    + o.body
    + `</svg>`;
}

function hatchMarks(h: Hatch, stroke: string): string {
  const line = (d: string) => `<path d="${d}" stroke="${stroke}" stroke-width="1.3" stroke-opacity="0.6" fill="none"/>`;
  switch (h) {
    case "diagonal": return line("M-2,2l4,-4M0,8l8,-8M6,10l4,-4");
    case "anti-diagonal": return line("M-2,6l4,4M0,0l8,8M6,-2l4,4");
    case "horizontal": return line("M0,4h8");
    case "cross": return line("M0,4h8M4,0v8");
    case "vertical": return line("M4,0v8");
    case "dots": return `<circle cx="4" cy="4" r="1.4" fill="${stroke}" fill-opacity="0.7"/>`;
    case "none": return "";
    default: { const never: never = h; throw new Error(`unknown hatch ${String(never)}`); }
  }
}

/** Id of the pattern that fills input cell `flat` (one pattern per palette entry; `n`: neutral). */
export function inputPatternId(prefix: string, flat: number, colouring?: InputColouring): string {
  const slot = colouring ? (colouring.slots[flat] ?? -1) : flat;
  return `${prefix}-p${slot >= 0 ? slot : "n"}`;
}

/** `<pattern>` definitions for the input cells `flats` (deduplicated, in first-use order). */
export function inputPatternDefs(prefix: string, flats: Iterable<number>, colouring?: InputColouring): string {
  const seen = new Set<string>();
  let out = "";
  for (const f of flats) {
    const id = inputPatternId(prefix, f, colouring);
    if (seen.has(id)) continue;
    seen.add(id);
    const e = inputCellEntry(f, colouring);
    out += `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">`
      + `<rect width="8" height="8" fill="${e.fill}"/>${hatchMarks(e.hatch, e.strong)}</pattern>`;
  }
  return out;
}

/** A neutral hatch (for padding zeros and cropped cells). */
export function neutralHatchDef(id: string, background: string, stroke: string): string {
  return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`
    + `<rect width="6" height="6" fill="${background}"/><path d="M0,0v6" stroke="${stroke}" stroke-width="1.6"/></pattern>`;
}

export interface TextOptions {
  size?: number;
  anchor?: "start" | "middle" | "end";
  fill?: string;
  weight?: "normal" | "bold";
  /** Draw a white rounded box behind the text so it stays readable over hatching. */
  backing?: boolean;
  /** Interface wording: escape only, no TeX-like conversion (hyphens stay hyphens). */
  plain?: boolean;
}

/** One line of label text (display string → escaped SVG text with subscripts). */
export function text(x: number, y: number, label: string, o: TextOptions = {}): string {
  const size = o.size ?? 13, anchor = o.anchor ?? "middle";
  let back = "";
  if (o.backing) {
    const w = approxTextWidth(o.plain ? label : plainText(label), size) + 6, h = size + 4;
    const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
    back = `<rect x="${num(left)}" y="${num(y - size * 0.8 - 2)}" width="${num(w)}" height="${num(h)}" rx="3" fill="#FFFFFF" fill-opacity="0.88"/>`;
  }
  return back + `<text x="${num(x)}" y="${num(y)}" font-size="${num(size)}" text-anchor="${anchor}"`
    + (o.fill ? ` fill="${o.fill}"` : ` fill="${NEUTRAL.ink}"`)
    + (o.weight === "bold" ? ` font-weight="bold"` : "")
    + `>${o.plain ? escapeXml(label) : svgTextContent(label)}</text>`;
}

/** A bold panel title above a grid. */
export function panelTitle(x: number, y: number, label: string): string {
  return text(x, y, label, { anchor: "start", weight: "bold", plain: true });
}

/** Width a panel needs: its grid or its bold title, whichever is wider. */
export function panelWidth(gridWidth: number, title: string): number {
  return Math.max(gridWidth, approxTextWidth(title, 13) * 1.1);
}

/** Shrinks the font so a label fits in `width` (never below 8 px). */
export function fitSize(label: string, width: number, preferred: number): number {
  const w = approxTextWidth(plainText(label), preferred);
  return w <= width ? preferred : Math.max(8, preferred * width / w);
}

/** Draws the ellipsis bands of a grid (slots whose index is `null`). */
export function ellipsisBands(g: GridBox): string {
  let out = "";
  g.cols.slots.forEach((c, k) => {
    if (c !== null) return;
    const [x] = slotXY(g, 0, k);
    out += `<rect x="${num(x)}" y="${num(g.y)}" width="${num(g.cell)}" height="${num(g.height)}" fill="#FFFFFF" stroke="${NEUTRAL.grid}" stroke-dasharray="2 3"/>`;
    out += text(x + g.cell / 2, g.y + g.height / 2 + 5, "⋯", { size: 16, fill: NEUTRAL.grid });
  });
  g.rows.slots.forEach((r, k) => {
    if (r !== null) return;
    const [, y] = slotXY(g, k, 0);
    out += `<rect x="${num(g.x)}" y="${num(y)}" width="${num(g.width)}" height="${num(g.cell)}" fill="#FFFFFF" stroke="${NEUTRAL.grid}" stroke-dasharray="2 3"/>`;
    out += text(g.x + g.width / 2, y + g.cell / 2 + 5, "⋮", { size: 16, fill: NEUTRAL.grid });
  });
  return out;
}

/** Index numbers above the columns and left of the rows of a grid. */
export function axisIndexLabels(
  g: GridBox, label: (index: number) => string, colour: (index: number) => string = () => NEUTRAL.grid,
  showRows = true,
): string {
  let out = "";
  g.cols.slots.forEach((c, k) => {
    if (c === null) return;
    const [x] = slotXY(g, 0, k);
    out += text(x + g.cell / 2, g.y - 5, label(c), { size: 10, fill: colour(c) });
  });
  if (showRows) {
    g.rows.slots.forEach((r, k) => {
      if (r === null) return;
      const [, y] = slotXY(g, k, 0);
      out += text(g.x - 5, y + g.cell / 2 + 4, label(r), { size: 10, anchor: "end", fill: colour(r) });
    });
  }
  return out;
}

/** Chinese punctuation that never starts a line (kinsoku): it stays at the end of the line before. */
const NO_LINE_START = /^[，。、；：！？）】」』”’》〉…]/;

/**
 * Splits text into lines no wider than `width` (spaces for Latin text, any character for CJK;
 * closing punctuation may overhang rather than start a line).
 *
 * @example wrapText("输出出现图案：这就是棋盘格伪影。", 84, 12) // → a line never begins with "："
 */
export function wrapText(s: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  const tokens = s.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  for (const tok of tokens) {
    if (line !== "" && !NO_LINE_START.test(tok) && approxTextWidth((line + tok).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else {
      line += tok;
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

/** A block of wrapped caption lines starting at baseline y; returns the SVG and the height used. */
export function captionBlock(x: number, y: number, width: number, paragraphs: readonly string[], size = 12): [string, number] {
  let out = "", dy = 0;
  for (const p of paragraphs) {
    for (const l of wrapText(p, width, size)) {
      out += `<text x="${num(x)}" y="${num(y + dy)}" font-size="${size}" fill="${NEUTRAL.ink}">${escapeXml(l)}</text>`;
      dy += size * 1.4;
    }
  }
  return [out, dy];
}

/** A legend row: a swatch (any SVG drawn in a 14×14 box at the given corner) and its text. */
export function legendItem(x: number, y: number, swatch: (x: number, y: number) => string, label: string): [string, number] {
  const w = 14 + 6 + approxTextWidth(label, 12) + 18;
  return [swatch(x, y) + `<text x="${num(x + 20)}" y="${num(y + 11)}" font-size="12" fill="${NEUTRAL.ink}">${escapeXml(label)}</text>`, w];
}

/** Lays legend items left to right, wrapping at `width`; returns SVG and height. */
export function legendRows(
  x: number, y: number, width: number, items: ReadonlyArray<readonly [swatch: (x: number, y: number) => string, label: string]>,
): [string, number] {
  let out = "", cx = x, cy = y;
  for (const [sw, label] of items) {
    const w = 14 + 6 + approxTextWidth(label, 12) + 18;
    if (cx > x && cx + w > x + width) { cx = x; cy += 22; }
    out += legendItem(cx, cy, sw, label)[0];
    cx += w;
  }
  return [out, items.length ? cy - y + 22 : 0];
}
