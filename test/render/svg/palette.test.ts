import { describe, expect, it } from "vitest";
import {
  HATCHES, INPUT_PALETTE, NEUTRAL_INPUT, inputCellColour, inputCellFill, inputCellHatch, inputColouring, paletteEntry, rampColour, texColour,
} from "../../../src/render/svg/palette.ts";

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const c = channels(hex).map(linear);
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** OKLab of a hex colour (Björn Ottosson's matrices). */
const oklab = (hex: string) => {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s] as const;
};
const chroma = (hex: string) => { const [, a, b] = oklab(hex); return Math.hypot(a, b); };
/** HSL saturation, the other usual measure of "not grey". */
const saturation = (hex: string) => {
  const c = channels(hex), max = Math.max(...c), min = Math.min(...c), l = (max + min) / 2;
  return max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
};
const distance = (p: string, q: string) => { const a = oklab(p), b = oklab(q); return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]); };

describe("the input-cell palette", () => {
  it("has 16 entries with 16 different strong colours and 16 different fills", () => {
    expect(INPUT_PALETTE).toHaveLength(16);
    expect(new Set(INPUT_PALETTE.map((e) => e.strong)).size).toBe(16);
    expect(new Set(INPUT_PALETTE.map((e) => e.fill)).size).toBe(16);
    expect(new Set(Array.from({ length: 16 }, (_, i) => inputCellColour(i))).size).toBe(16);
  });

  it("keeps every two strong colours visibly apart (OKLab distance ≥ 0.08)", () => {
    for (let i = 0; i < 16; i++) for (let j = i + 1; j < 16; j++) {
      expect(distance(INPUT_PALETTE[i]!.strong, INPUT_PALETTE[j]!.strong), `${INPUT_PALETTE[i]!.name} / ${INPUT_PALETTE[j]!.name}`).toBeGreaterThanOrEqual(0.08);
    }
  });

  it("gives every strong colour at least 4.5:1 contrast on white, so \\textcolor text stays readable", () => {
    for (const e of INPUT_PALETTE) expect(contrast(e.strong, "#FFFFFF"), e.name).toBeGreaterThanOrEqual(4.5);
  });

  it("has no grey or black input colour: every strong colour is saturated (OKLCH chroma ≥ 0.1, HSL saturation ≥ 0.4)", () => {
    for (const e of INPUT_PALETTE) {
      expect(chroma(e.strong), e.name).toBeGreaterThanOrEqual(0.1);
      expect(saturation(e.strong), e.name).toBeGreaterThanOrEqual(0.4);
      expect(luminance(e.strong), `${e.name} is not near-black`).toBeGreaterThan(0.04);
    }
    // The old near-black grey is gone.
    expect(INPUT_PALETTE.map((e) => e.strong)).not.toContain("#4D4D4D");
    // …and the neutral entry, which only cells past the 16th use, is the grey one.
    expect(chroma(NEUTRAL_INPUT.strong)).toBeLessThan(0.01);
  });

  it("keeps dark text readable on every fill", () => {
    for (const e of INPUT_PALETTE) expect(contrast(e.fill, "#1A1A1A"), e.name).toBeGreaterThanOrEqual(7);
  });

  it("stays distinguishable in greyscale: fills sit on three grey levels ≥ 0.15 apart, and no two entries share level and hatch", () => {
    const levels = [...new Set(INPUT_PALETTE.map((e) => Math.round(luminance(e.fill) * 20) / 20))].sort();
    expect(levels).toHaveLength(3);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeGreaterThanOrEqual(0.15);
    const pairs = new Set(INPUT_PALETTE.map((e) => `${Math.round(luminance(e.fill) * 20)}/${e.hatch}`));
    expect(pairs.size).toBe(16);
    // Neighbouring cells (flat i and i + 1) differ in grey level by ≥ 0.15 and in hatch.
    for (let i = 0; i + 1 < 16; i++) {
      expect(Math.abs(luminance(inputCellFill(i)) - luminance(inputCellFill(i + 1)))).toBeGreaterThanOrEqual(0.15);
      expect(inputCellHatch(i)).not.toBe(inputCellHatch(i + 1));
    }
    expect(HATCHES).toHaveLength(6);
    for (const e of INPUT_PALETTE) expect(HATCHES).toContain(e.hatch);
  });

  it("is written as #RRGGBB hex, usable in KaTeX \\textcolor", () => {
    for (const e of [...INPUT_PALETTE, NEUTRAL_INPUT]) {
      expect(e.strong).toMatch(/^#[0-9A-F]{6}$/);
      expect(e.fill).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it("colours cell 0 Okabe–Ito blue and never repeats: past the 16th slot comes the neutral entry", () => {
    expect(inputCellColour(0)).toBe("#0072B2");
    expect(inputCellColour(6)).not.toBe(inputCellColour(0));
    expect(paletteEntry(16)).toBe(NEUTRAL_INPUT);
    expect(paletteEntry(-1)).toBe(NEUTRAL_INPUT);
  });

  it("ramps the heatmap from light to dark", () => {
    expect(luminance(rampColour(0, 3))).toBeGreaterThan(luminance(rampColour(1, 3)));
    expect(luminance(rampColour(1, 3))).toBeGreaterThan(luminance(rampColour(2, 3)));
  });

  it("colours TeX with \\textcolor, scoped to its argument, and leaves a neutral cell uncoloured", () => {
    expect(texColour(1, "x_{0,1}")).toBe("\\textcolor{#B84E00}{x_{0,1}}");
    expect(texColour(-1, "x_{0,1}")).toBe("x_{0,1}");
  });
});

describe("inputColouring: which cells of a page take which colour", () => {
  it("up to 16 cells: cell i takes slot i, all coloured", () => {
    const c = inputColouring(16, [3]);
    expect(c.limited).toBe(false);
    expect(c.slots).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });

  it("a 5×5 input (25 cells): only the cells feeding the focus cell are coloured, in distinct colours; the rest neutral", () => {
    const feeding = [6, 7, 8, 11, 12, 13, 16, 17, 18];
    const c = inputColouring(25, feeding);
    expect(c.limited).toBe(true);
    expect(c.coloured).toEqual(feeding);
    feeding.forEach((f, i) => expect(c.slots[f]).toBe(i));
    expect(c.slots.filter((s) => s < 0)).toHaveLength(16);
    expect(new Set(feeding.map((f) => inputCellColour(f, c))).size).toBe(9);
    expect(inputCellColour(0, c)).toBe(NEUTRAL_INPUT.strong);
  });

  it("more than 16 feeding cells: the first 16 of them are coloured", () => {
    const feeding = Array.from({ length: 25 }, (_, i) => i);
    const c = inputColouring(36, feeding);
    expect(c.coloured).toEqual(feeding.slice(0, 16));
    expect(c.feeding).toHaveLength(25);
  });
});
