/**
 * The one colour per input cell, shared by every diagram and by the TeX of every walkthrough
 * (`\color{#0072B2}{x_{0,0}}`), so a reader can follow one input value through a whole document.
 *
 * Hues follow Okabe & Ito's colour-blind-safe set. Each entry has a `strong` colour for text and
 * outlines (contrast ≥ 5:1 on white, so `\color` text stays legible) and a lighter `fill` whose
 * grey level alternates between neighbours, so adjacent cells stay apart in greyscale print. Every
 * cell also gets a hatch pattern and a written label: colour is never the only cue.
 */

export interface PaletteEntry {
  /** Hue name, for legends and tests. */
  readonly name: string;
  /** For text and outlines: ≥ 5:1 contrast against white. */
  readonly strong: string;
  /** For cell backgrounds: light enough for dark text on top. */
  readonly fill: string;
}

/** The six entries, in the order cells take them (flat index modulo 6). */
export const INPUT_PALETTE: readonly PaletteEntry[] = Object.freeze([
  Object.freeze({ name: "blue", strong: "#0072B2", fill: "#7FC3EC" }),
  Object.freeze({ name: "vermillion", strong: "#B84E00", fill: "#F2C8A5" }),
  Object.freeze({ name: "bluish green", strong: "#00785A", fill: "#6CC3A8" }),
  Object.freeze({ name: "reddish purple", strong: "#A3417F", fill: "#E8C3DA" }),
  Object.freeze({ name: "grey", strong: "#4D4D4D", fill: "#B5B5B5" }),
  Object.freeze({ name: "ochre", strong: "#8F6500", fill: "#F3D57A" }),
]);

/** Hatch patterns, cycled with a period (5) coprime to the palette's (6): 30 distinct pairs. */
export const HATCHES = Object.freeze(["diagonal", "dots", "horizontal", "anti-diagonal", "cross"] as const);
export type Hatch = (typeof HATCHES)[number];

/** The palette entry of the input cell with row-major spatial index `flatIndex`. */
export function inputCellEntry(flatIndex: number): PaletteEntry {
  return INPUT_PALETTE[((flatIndex % INPUT_PALETTE.length) + INPUT_PALETTE.length) % INPUT_PALETTE.length]!;
}

/**
 * The text/outline colour (hex) of an input cell; use it in TeX as `\color{<hex>}{...}`.
 *
 * @example
 * inputCellColour(0) // "#0072B2"
 * inputCellColour(7) // "#B84E00" (cycles every 6 cells)
 */
export function inputCellColour(flatIndex: number): string {
  return inputCellEntry(flatIndex).strong;
}

/**
 * The background colour (hex) of an input cell in diagrams.
 *
 * @example
 * inputCellFill(0) // "#7FC3EC"
 */
export function inputCellFill(flatIndex: number): string {
  return inputCellEntry(flatIndex).fill;
}

/**
 * The hatch pattern of an input cell: together with the colour, distinct for the first 30 cells.
 *
 * @example
 * inputCellHatch(1) // "dots"
 */
export function inputCellHatch(flatIndex: number): Hatch {
  return HATCHES[((flatIndex % HATCHES.length) + HATCHES.length) % HATCHES.length]!;
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
 * TeX that colours `tex` in the colour of input cell `flatIndex`. Uses `\textcolor{c}{...}`, which
 * KaTeX and MathJax both scope to its argument (`\color{c}` is a switch in KaTeX: it would colour
 * everything after it).
 *
 * @example
 * texColour(1, "x_{0,1}") // "\\textcolor{#B84E00}{x_{0,1}}"
 */
export function texColour(flatIndex: number, tex: string): string {
  return `\\textcolor{${inputCellColour(flatIndex)}}{${tex}}`;
}
