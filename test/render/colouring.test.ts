import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { feedingCells, pageColouring } from "../../src/render/colouring.ts";
import { INPUT_PALETTE, NEUTRAL_INPUT, inputCellColour } from "../../src/render/svg/palette.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";
import { SHOWCASE } from "../../src/showcase.ts";
import type { Derivation } from "../../src/explain/types.ts";

const derive = (p: ProblemOptions, opts: Parameters<typeof explain>[1] = {}) => explain(parseProblem({ allowSymbols: true, ...p }), opts);

/** Every coloured input name in a page's TeX (also a name under a value of X′), with its colour. */
function colouredNames(md: string): Array<[name: string, colour: string]> {
  return [...md.matchAll(/\\textcolor\{(#[0-9A-F]{6})\}\{(?:\\underset\{)?(x_\{[^{}]*\})/g)].map((m) => [m[2]!, m[1]!]);
}

/** Input names that appear in the TeX without a colour around them. */
function uncolouredNames(md: string): string[] {
  return [...md.matchAll(/(\\textcolor\{#[0-9A-F]{6}\}\{)?(\\underset\{)?(x_\{[^{}]*\})/g)]
    .filter((m) => m[1] === undefined && m[2] === undefined).map((m) => m[3]!);
}

/** The TeX colour of each spatial input cell, checked to be one colour per cell and the page colouring's. */
function expectOneColourPerCell(d: Derivation, md: string): Map<number, string> {
  const colouring = pageColouring(d);
  const bySpatial = new Map<number, string>();
  const pairs = colouredNames(md);
  expect(pairs.length).toBeGreaterThan(0);
  for (const [name, colour] of pairs) {
    const flat = d.names.x.indexOf(name);
    expect(flat, name).toBeGreaterThanOrEqual(0);
    const spatial = flat % d.info.inCount;
    expect(colour, name).toBe(inputCellColour(spatial, colouring));
    const seen = bySpatial.get(spatial);
    if (seen) expect(colour, name).toBe(seen);
    bySpatial.set(spatial, colour);
  }
  // Different cells, different colours.
  expect(new Set(bySpatial.values()).size).toBe(bySpatial.size);
  return bySpatial;
}

describe("one colour per input cell on every showcase page", () => {
  for (const entry of SHOWCASE) {
    for (const locale of entry.locales) {
      it(`${entry.stem} (${locale}): the Markdown's TeX colours each input cell one way, distinct from every other cell, and the diagrams use the same colours`, () => {
        const d = derive(entry.problem);
        const md = renderDerivation(d, { format: "md", locale });
        const bySpatial = expectOneColourPerCell(d, md);
        const html = renderDerivation(d, { format: "html", locale });
        // Input cells of the scatter diagram and input values of the padded input in the direct-convolution diagram.
        const strokes = [...html.matchAll(/<g class="(?:input-cell" data-index|padded-cell input" data-input)="(\d+)"[^>]*><rect [^>]*stroke="(#[0-9A-F]{6})"/g)];
        expect(strokes.length).toBeGreaterThan(0);
        for (const [, flat, stroke] of strokes) {
          const tex = bySpatial.get(Number(flat));
          if (tex) expect(stroke).toBe(tex);
          expect(stroke).toBe(inputCellColour(Number(flat), pageColouring(d)));
        }
      });
    }
  }

  it("a 3×3 input (9 cells) uses 9 different colours, so x₀,₀ and x₂,₀ are no longer both blue", () => {
    const d = derive({ input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" });
    const md = renderDerivation(d, { format: "md", locale: "en" });
    const bySpatial = expectOneColourPerCell(d, md);
    expect(bySpatial.size).toBe(9);
    expect(bySpatial.get(6)).not.toBe(bySpatial.get(0));
  });

  it("a 4×4 input (16 cells) still gives every cell its own colour", () => {
    const d = derive({ input: "[[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]]", kernel: "[[1,1],[1,1]]" });
    expect(pageColouring(d).limited).toBe(false);
    const bySpatial = expectOneColourPerCell(d, renderDerivation(d, { format: "md", locale: "en" }));
    expect(bySpatial.size).toBe(16);
    expect(new Set(bySpatial.values())).toEqual(new Set(INPUT_PALETTE.map((e) => e.strong)));
  });
});

describe("past 16 input cells: only the cells feeding the focus cell are coloured", () => {
  const five = "[[1,2,3,4,5],[6,7,8,9,10],[11,12,13,14,15],[16,17,18,19,20],[21,22,23,24,25]]";

  it("a 5×5 input: the cells feeding the focus cell are coloured (distinct), the other 16 are left black, and the conventions say so", () => {
    const d = derive({ input: five, kernel: "[[1,0,1],[0,1,0],[1,0,1]]" });
    const feeding = feedingCells(d.info, d.focus % d.info.outCount);
    const colouring = pageColouring(d);
    expect(colouring.limited).toBe(true);
    expect(colouring.coloured).toEqual(feeding);
    const md = renderDerivation(d, { format: "md", locale: "en" });
    const bySpatial = expectOneColourPerCell(d, md);
    expect([...bySpatial.keys()].sort((a, b) => a - b)).toEqual(feeding);
    const others = d.names.x.filter((_, f) => !feeding.includes(f));
    expect(others).toHaveLength(25 - feeding.length);
    for (const name of others) expect(colouredNames(md).map(([n]) => n)).not.toContain(name);
    expect(uncolouredNames(md).some((n) => others.includes(n))).toBe(true);
    const focusName = d.names.y[d.focus]!;
    expect(md).toContain(`The input has 25 cells, more than the 16 colours, so only the ${feeding.length} cells that feed $${focusName}$ (the cell derived in full) are coloured; the other cells are printed in black.`);
    const zh = renderDerivation(d, { format: "md", locale: "zh-CN" });
    expect(zh).toContain(`输入共有 25 个元素，多于 16 种颜色`);
    // The diagrams agree: neutral outline for the cells that do not feed the focus cell.
    const html = renderDerivation(d, { format: "html", locale: "en" });
    expect(html).toContain("the other cells are printed in black (light grey in the diagrams).");
    const drawn = [...html.matchAll(/<g class="(?:input-cell" data-index|padded-cell input" data-input)="(\d+)"[^>]*><rect [^>]*stroke="(#[0-9A-F]{6})"/g)];
    expect(drawn.length).toBeGreaterThan(25);
    for (const [, flat, stroke] of drawn) {
      expect(stroke).toBe(feeding.includes(Number(flat)) ? bySpatial.get(Number(flat)) : NEUTRAL_INPUT.strong);
    }
  });

  it("LaTeX: 16 named colours in the preamble, feeding cells in tconva…, the others not wrapped in \\textcolor", () => {
    const d = derive({ input: five, kernel: "[[1,0,1],[0,1,0],[1,0,1]]" });
    const tex = renderDerivation(d, { format: "tex", locale: "en" });
    expect(tex.match(/\\definecolor\{tconv[a-p]\}/g)).toHaveLength(16);
    const feeding = pageColouring(d).coloured;
    feeding.forEach((f, i) => expect(tex).toContain(`\\textcolor{tconv${String.fromCharCode(97 + i)}}{${d.names.x[f]!}}`));
    const other = d.names.x.find((_, f) => !feeding.includes(f))!;
    expect(tex).not.toContain(`}{${other}}`);
    expect(tex).toContain(other);
  });

  it("says nothing about a colour limit on a page of 16 cells or fewer", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const md = renderDerivation(derive(SHOWCASE[1]!.problem), { format: "md", locale });
      expect(md).not.toContain("more than the 16 colours");
      expect(md).not.toContain("多于 16 种颜色");
    }
  });

  it("a 6×6 input with a 5×5 kernel: 25 cells feed the focus, so 16 of them are coloured and the sentence says 16 of 25", () => {
    const rows = Array.from({ length: 6 }, (_, r) => `[${Array.from({ length: 6 }, (_, c) => r * 6 + c + 1).join(",")}]`).join(",");
    const kernel = `[${Array.from({ length: 5 }, () => "[1,1,1,1,1]").join(",")}]`;
    const d = derive({ input: `[${rows}]`, kernel });
    const colouring = pageColouring(d);
    expect(colouring.feeding.length).toBeGreaterThan(16);
    expect(colouring.coloured).toHaveLength(16);
    const md = renderDerivation(d, { format: "md", locale: "en" });
    expect(md).toContain(`only 16 of the ${colouring.feeding.length} cells that feed`);
    expect(expectOneColourPerCell(d, md).size).toBe(16);
  });
});

describe("the conventions' promise that colour is never the only clue", () => {
  it("X′ writes the name of every input value under it", () => {
    const d = derive(SHOWCASE[1]!.problem);
    const md = renderDerivation(d, { format: "md", locale: "en" });
    const xPrime = md.split("\n").find((l) => l.startsWith("X' = "))!;
    expect(xPrime).toBeDefined();
    const named = [...xPrime.matchAll(/\\underset\{(x_\{[^{}]*\})\}\{([^{}]*)\}/g)];
    expect(named.map((m) => m[1])).toEqual(d.names.x);
    named.forEach((m, f) => expect(m[2]).toBe(String(f + 1)));
    expect(md).toContain("$X'$ writes each value's name under it");
  });

  it("every kernel copy in the scatter section is introduced by its cell's name", () => {
    const d = derive(SHOWCASE[1]!.problem);
    const md = renderDerivation(d, { format: "md", locale: "en" });
    for (const name of d.names.x) expect(md).toMatch(new RegExp(`\\\\textcolor\\{#[0-9A-F]{6}\\}\\{${name.replace(/[{}]/g, "\\$&")}\\}\\\\,W = `));
  });

  it("mentions the diagrams only on the HTML page, the one format that draws them", () => {
    const d = derive(SHOWCASE[0]!.problem);
    expect(renderDerivation(d, { format: "md", locale: "en" })).not.toContain("in the diagrams");
    expect(renderDerivation(d, { format: "html", locale: "en" })).toContain("in the diagrams every input cell shows its value and every copy carries its cell's name");
    expect(renderDerivation(d, { format: "html", locale: "zh-CN" })).toContain("图中每个输入元素都标出数值，每份副本都带有所属元素的名字");
  });

  it("with only the cells section, names the one clue it keeps: the sums name their terms", () => {
    const md = renderDerivation(derive(SHOWCASE[0]!.problem, { sections: ["cells"] }), { format: "md", locale: "en" });
    expect(md).toContain("Each input cell keeps one colour through the whole document, and colour is never the only clue: every sum names its terms before it puts the numbers in.");
    const none = renderDerivation(derive(SHOWCASE[0]!.problem, { sections: ["size"] }), { format: "md", locale: "en" });
    expect(none).toContain("Each input cell keeps one colour through the whole document.");
    expect(none).not.toContain("never the only clue");
  });

  it("states only the clues its sections hold: without the direct section it does not mention X′; symbolic entries are their own names", () => {
    const d = derive(SHOWCASE[0]!.problem, { sections: ["problem", "size", "cells"] });
    const md = renderDerivation(d, { format: "md", locale: "en" });
    expect(md).not.toContain("writes each value's name under it");
    expect(md).not.toContain("kernel copy is introduced");
    expect(md).toContain("the grid of names after $X$ says which cell each value is");
    const sym = renderDerivation(derive({ input: "[[x_{0,0},x_{0,1}],[x_{1,0},x_{1,1}]]", kernel: "[[1,0],[0,-1]]" }), { format: "md", locale: "en" });
    expect(sym).toContain("the entries are written as their own names");
    expect(sym).not.toContain("\\underset");
  });
});
