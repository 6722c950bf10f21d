/**
 * The one colour per input cell, shared by every diagram and by the TeX of every walkthrough
 * (`\textcolor{#0072B2}{x_{0,0}}`), so a reader can follow one input value through a whole document.
 *
 * Sixteen entries, so up to 16 input cells on a page never share a colour. The first five are
 * Okabe & Ito's colour-blind-safe hues (their grey left out: a near-black reads as uncoloured);
 * the other eleven were picked, among saturated sRGB colours dark enough for text, to lie as far
 * as possible (in OKLab) from those already chosen. Each entry has
 * - a `strong` colour for text and outlines: contrast ≥ 4.5:1 on white (WCAG AA), never grey;
 * - a lighter `fill` at one of three grey levels, and a `hatch`: no two entries share the pair,
 *   and neighbouring entries differ in both, so cells stay apart in greyscale print.
 * Diagrams also write each cell's value inside it and its name on its kernel copy: colour is
 * never the only cue.
 *
 * A page with more than 16 input cells colours only the cells that feed its focus cell
 * ({@link inputColouring}); the rest take {@link NEUTRAL_INPUT}, and the walkthrough says so.
 */

/** Hatch patterns of the fills; `none` only for the neutral entry. */
export const HATCHES = Object.freeze(["diagonal", "dots", "horizontal", "anti-diagonal", "cross", "vertical"] as const);
export type Hatch = (typeof HATCHES)[number] | "none";

export interface PaletteEntry {
  /** Hue name, for legends and tests. */
  readonly name: string;
  /** For text and outlines: ≥ 4.5:1 contrast against white. */
  readonly strong: string;
  /** For cell backgrounds: light enough for dark text on top (≥ 7:1 against #1A1A1A). */
  readonly fill: string;
  /** The fill's hatch. */
  readonly hatch: Hatch;
}

const entry = (name: string, strong: string, fill: string, hatch: Hatch): PaletteEntry => Object.freeze({ name, strong, fill, hatch });

/**
 * The sixteen entries, in the order cells take them (row-major flat index). Entry i has hatch
 * `HATCHES[i mod 6]` and fill grey level `(i + ⌊i/6⌋) mod 3` (light, middle, dark): 18 distinct pairs.
 */
export const INPUT_PALETTE: readonly PaletteEntry[] = Object.freeze([
  entry("blue", "#0072B2", "#D5EAFB", "diagonal"),
  entry("vermillion", "#B84E00", "#F8BB9F", "dots"),
  entry("bluish green", "#00785A", "#60BA9A", "horizontal"),
  entry("reddish purple", "#A3417F", "#FCE0EF", "anti-diagonal"),
  entry("ochre", "#8F6500", "#ECC27C", "cross"),
  entry("violet", "#6421BF", "#B0A0E5", "vertical"),
  entry("indigo", "#665BF3", "#C0C5F7", "diagonal"),
  entry("crimson", "#A20027", "#E69493", "dots"),
  entry("orchid", "#A63ECE", "#F3E1FC", "horizontal"),
  entry("rose", "#DA154C", "#F8B8BC", "anti-diagonal"),
  entry("magenta", "#8A0093", "#CE98D1", "cross"),
  entry("royal blue", "#1740CC", "#DEE8FC", "vertical"),
  entry("leaf green", "#268500", "#85B67A", "diagonal"),
  entry("olive", "#475F00", "#D6F1A7", "dots"),
  entry("brown", "#873D00", "#F8BB9A", "horizontal"),
  entry("plum", "#990064", "#DE94B7", "anti-diagonal"),
]);

/**
 * The entry of input cells left uncoloured on a page with more than 16 of them: grey outline, a
 * plain light fill, no hatch; in TeX such a cell is not coloured at all.
 */
export const NEUTRAL_INPUT: PaletteEntry = entry("neutral", "#595959", "#F0F0F0", "none");

/** How the input cells of one page take colours: a palette slot per spatial cell, or -1 (neutral). */
export interface InputColouring {
  /** `slots[flat]`: index into {@link INPUT_PALETTE}, or -1 for {@link NEUTRAL_INPUT}. */
  readonly slots: readonly number[];
  /** True when the page has more input cells than colours, so only some are coloured. */
  readonly limited: boolean;
  /** The cells that feed the focus cell (row-major spatial flats, ascending), as given. */
  readonly feeding: readonly number[];
  /** The coloured cells (ascending); every cell when not limited. */
  readonly coloured: readonly number[];
}

/**
 * Colours for `count` input cells. Up to 16: cell i takes entry i. More: the cells in `feeding`
 * (those that feed the focus cell; the first 16 of them if there are more) take entries 0, 1, …
 * in ascending order and every other cell is neutral.
 *
 * @example
 * inputColouring(4).slots // [0, 1, 2, 3]
 * inputColouring(25, [6, 7, 11, 12]).slots[12] // 3 (cell 0 is neutral: -1)
 */
export function inputColouring(count: number, feeding: readonly number[] = []): InputColouring {
  const sorted = [...new Set(feeding)].filter((f) => f >= 0 && f < count).sort((a, b) => a - b);
  if (count <= INPUT_PALETTE.length) {
    const all = Array.from({ length: count }, (_, i) => i);
    return Object.freeze({ slots: all, limited: false, feeding: sorted, coloured: all });
  }
  const coloured = sorted.slice(0, INPUT_PALETTE.length);
  const slots = Array.from({ length: count }, () => -1);
  coloured.forEach((f, i) => { slots[f] = i; });
  return Object.freeze({ slots, limited: true, feeding: sorted, coloured });
}

/** The palette entry of slot `slot` (-1 or out of range: the neutral entry). */
export function paletteEntry(slot: number): PaletteEntry {
  return slot >= 0 && slot < INPUT_PALETTE.length ? INPUT_PALETTE[slot]! : NEUTRAL_INPUT;
}

/** The palette entry of input cell `flatIndex` under a colouring (default: cell i takes slot i). */
export function inputCellEntry(flatIndex: number, colouring?: InputColouring): PaletteEntry {
  return paletteEntry(colouring ? (colouring.slots[flatIndex] ?? -1) : flatIndex);
}

/**
 * The text/outline colour (hex) of an input cell; use it in TeX as `\textcolor{<hex>}{...}`.
 *
 * @example
 * inputCellColour(0) // "#0072B2"
 * inputCellColour(7) // "#A20027" (16 distinct colours, then neutral grey)
 */
export function inputCellColour(flatIndex: number, colouring?: InputColouring): string {
  return inputCellEntry(flatIndex, colouring).strong;
}

/**
 * The background colour (hex) of an input cell in diagrams.
 *
 * @example
 * inputCellFill(0) // "#D5EAFB"
 */
export function inputCellFill(flatIndex: number, colouring?: InputColouring): string {
  return inputCellEntry(flatIndex, colouring).fill;
}

/**
 * The hatch pattern of an input cell: with the fill's grey level, distinct for the 16 coloured cells.
 *
 * @example
 * inputCellHatch(1) // "dots"
 */
export function inputCellHatch(flatIndex: number, colouring?: InputColouring): Hatch {
  return inputCellEntry(flatIndex, colouring).hatch;
}

/** Neutral colours shared by the diagrams. */
export const NEUTRAL = Object.freeze({
  ink: "#1A1A1A",
  grid: "#595959",
  faint: "#F2F2F2",
  cropped: "#D9D9D9",
  croppedInk: "#6E6E6E",
  highlight: "#000000",
});

/**
 * A sequential ramp for counts (light to dark, one hue), so the heatmap reads the same in
 * greyscale: step `i` of `n` (0 = fewest terms). Text on a step uses `rampInk`.
 *
 * @example
 * rampColour(0, 3) // "#EEF3F8"
 */
export function rampColour(i: number, n: number): string {
  const light = [0xee, 0xf3, 0xf8], dark = [0x08, 0x30, 0x6b];
  const t = n <= 1 ? 0.5 : Math.min(1, Math.max(0, i / (n - 1)));
  return "#" + light.map((l, k) => Math.round(l + (dark[k]! - l) * t).toString(16).padStart(2, "0").toUpperCase()).join("");
}

/** Text colour that stays readable on `rampColour(i, n)`. */
export function rampInk(i: number, n: number): string {
  const t = n <= 1 ? 0.5 : i / (n - 1);
  return t > 0.45 ? "#FFFFFF" : NEUTRAL.ink;
}

/**
 * TeX that colours `tex` in the colour of palette slot `slot` (for a page of up to 16 input
 * cells, the cell's flat index). Uses `\textcolor{c}{...}`, which KaTeX and MathJax both scope to
 * its argument (`\color{c}` is a switch in KaTeX: it would colour everything after it). A neutral
 * slot (-1, or past the palette) leaves `tex` uncoloured.
 *
 * @example
 * texColour(1, "x_{0,1}") // "\\textcolor{#B84E00}{x_{0,1}}"
 * texColour(-1, "x_{0,1}") // "x_{0,1}"
 */
export function texColour(slot: number, tex: string): string {
  if (slot < 0 || slot >= INPUT_PALETTE.length) return tex;
  return `\\textcolor{${INPUT_PALETTE[slot]!.strong}}{${tex}}`;
}
