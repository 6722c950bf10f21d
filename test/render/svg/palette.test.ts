import { describe, expect, it } from "vitest";
import {
  HATCHES, INPUT_PALETTE, inputCellColour, inputCellFill, inputCellHatch, rampColour, texColour,
} from "../../../src/render/svg/palette.ts";

const luminance = (hex: string) => {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("the input-cell palette", () => {
  it("gives every strong colour at least 4.5:1 contrast on white, so \\color text stays readable", () => {
    for (const e of INPUT_PALETTE) expect(contrast(e.strong, "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps dark text readable on every fill", () => {
    for (const e of INPUT_PALETTE) expect(contrast(e.fill, "#1A1A1A")).toBeGreaterThanOrEqual(7);
  });

  it("alternates the grey level of neighbouring fills so greyscale print keeps them apart", () => {
    for (let i = 0; i < INPUT_PALETTE.length; i++) {
      const next = INPUT_PALETTE[(i + 1) % INPUT_PALETTE.length]!;
      expect(Math.abs(luminance(INPUT_PALETTE[i]!.fill) - luminance(next.fill))).toBeGreaterThan(0.1);
    }
  });

  it("is written as #RRGGBB hex, usable in KaTeX \\color", () => {
    for (const e of INPUT_PALETTE) {
      expect(e.strong).toMatch(/^#[0-9A-F]{6}$/);
      expect(e.fill).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it("gives the first 30 cells 30 distinct colour-and-hatch pairs", () => {
    const pairs = new Set(Array.from({ length: 30 }, (_, i) => `${inputCellColour(i)}/${inputCellHatch(i)}`));
    expect(pairs.size).toBe(30);
    expect(HATCHES).toHaveLength(5);
  });

  it("colours cell 0 Okabe–Ito blue and cycles every six cells", () => {
    expect(inputCellColour(0)).toBe("#0072B2");
    expect(inputCellColour(6)).toBe(inputCellColour(0));
    expect(inputCellFill(7)).toBe(inputCellFill(1));
  });

  it("ramps the heatmap from light to dark", () => {
    expect(luminance(rampColour(0, 3))).toBeGreaterThan(luminance(rampColour(1, 3)));
    expect(luminance(rampColour(1, 3))).toBeGreaterThan(luminance(rampColour(2, 3)));
  });

  it("colours TeX with \\textcolor, scoped to its argument", () => {
    expect(texColour(1, "x_{0,1}")).toBe("\\textcolor{#B84E00}{x_{0,1}}");
  });
});
