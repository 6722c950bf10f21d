import { describe, expect, it } from "vitest";
import { computeConvInfo } from "../../../src/geometry/conv-info.ts";
import { overlapCounts } from "../../../src/geometry/overlap.ts";
import { forEachCellTerm, scatterTable, tapTables } from "../../../src/geometry/taps.ts";
import { canonicalParams, type CanonicalParams } from "../../../src/spec/problem.ts";
import { scatterDiagram } from "../../../src/render/svg/scatter.ts";
import { NEUTRAL_INPUT, inputCellColour, inputCellFill } from "../../../src/render/svg/palette.ts";
import { findAll, groups, texts, xmlProblems } from "./svg-utils.ts";
import fc from "fast-check";
import { paramsArb } from "../../tensor/problems.ts";

type P = Partial<CanonicalParams> & Pick<CanonicalParams, "inputSize" | "kernelSize">;
const infoOf = (p: P) => computeConvInfo(canonicalParams(p));
const labels = (n: number, b: string) => Array.from({ length: n }, (_, i) => `${b}_{${i}}`);
const seed = infoOf({ inputSize: [2, 2], kernelSize: [2, 2] });
const seedSvg = scatterDiagram(seed, {
  inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"],
  outputLabels: ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"],
});

/** The contributors of each output cell as the tap tables list them. */
function gathered(info: ReturnType<typeof infoOf>): number[][] {
  const t = tapTables(info);
  return Array.from({ length: info.outCount }, (_, o) => {
    const list: number[] = [];
    forEachCellTerm(info, t, o, (inFlat) => list.push(inFlat));
    return list;
  });
}

type Box = Record<string, string>;
const num = (b: Box, k: string) => Number(b[k]);
/** Whether box `a` lies inside box `b` (both with x, y, width, height). */
function inside(a: Box, b: Box): boolean {
  return num(a, "x") >= num(b, "x") && num(a, "y") >= num(b, "y")
    && num(a, "x") + num(a, "width") <= num(b, "x") + num(b, "width") && num(a, "y") + num(a, "height") <= num(b, "y") + num(b, "height");
}

/** Output flat → the outline rect of that output cell. */
function cellRects(svg: string): Map<number, Box> {
  return new Map(groups(svg, "output-cell").map((c) => [Number(c.attrs["data-index"]), findAll(c.inner, "rect", "cell-box")[0]!]));
}

/** Every count badge sits wholly inside the output cell it counts, and says that cell's number of terms. */
function expectBadgesInsideCells(svg: string): void {
  const cells = cellRects(svg);
  const terms = new Map(groups(svg, "output-cell").map((c) => [Number(c.attrs["data-index"]), c.attrs["data-terms"]]));
  const badges = groups(svg, "overlap-badge");
  expect(badges.length).toBe([...terms.values()].filter((t) => Number(t) >= 2).length);
  for (const b of badges) {
    const o = Number(b.attrs["data-index"]);
    const pill = findAll(b.inner, "rect")[0]!;
    expect(inside(pill, cells.get(o)!)).toBe(true);
    expect(texts(b.inner)).toEqual([terms.get(o)]);
  }
}

/**
 * The footprint rects of each input cell cover exactly the output cells its taps reach (scatter
 * table, 2-D problems without padding): no cell outside, none missing.
 */
function expectFootprintsMatchScatterTable(info: ReturnType<typeof infoOf>, svg: string): void {
  const cells = cellRects(svg);
  const rows = scatterTable("transposed", info.axes[0]!), cols = scatterTable("transposed", info.axes[1]!);
  const outCols = info.outSpatial[1]!, inCols = info.inSpatial[1]!;
  const byInput = new Map<number, Box[]>();
  for (const fp of findAll(svg, "rect", "footprint")) {
    const a = Number(fp["data-input"]);
    expect(fp.stroke).toBe(inputCellColour(a));
    byInput.set(a, [...(byInput.get(a) ?? []), fp]);
  }
  expect(byInput.size).toBe(info.inCount);
  for (const [a, rects] of byInput) {
    const ar = Math.floor(a / inCols), ac = a % inCols;
    const covered = [...cells].filter(([, r]) => {
      const cx = num(r, "x") + num(r, "width") / 2, cy = num(r, "y") + num(r, "height") / 2;
      return rects.some((fp) => cx > num(fp, "x") && cx < num(fp, "x") + num(fp, "width") && cy > num(fp, "y") && cy < num(fp, "y") + num(fp, "height"));
    }).map(([o]) => o).sort((p, q) => p - q);
    const expected: number[] = [];
    for (let j = rows.start[ar]!; j < rows.start[ar + 1]!; j++) {
      for (let k = cols.start[ac]!; k < cols.start[ac + 1]!; k++) expected.push(rows.index[j]! * outCols + cols.index[k]!);
    }
    expect(covered, `copy of input ${a}`).toEqual(expected.sort((p, q) => p - q));
  }
}

describe("scatterDiagram, seed problem input [[1,2],[3,4]], kernel [[1,0],[0,-1]]", () => {
  it("is a well-formed standalone SVG with xmlns, a viewBox, the container's width (capped at 1.5× its drawn size) and a title", () => {
    expect(xmlProblems(seedSvg)).toEqual([]);
    const root = findAll(seedSvg, "svg")[0]!;
    expect(root.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(root.viewBox).toMatch(/^0 0 \d+ \d+$/);
    const [, , w, h] = root.viewBox!.split(" ").map(Number);
    expect(root.width).toBe("100%");
    expect(root.height).toBeUndefined();
    expect(root.style).toBe(`max-width: ${Math.round(w! * 1.5)}px`);
    expect(Number(root["data-width"])).toBe(w);
    expect(Number(root["data-height"])).toBe(h);
    expect(seedSvg).toMatch(/<title id="[^"]+">Scatter view/);
  });

  it("draws the 2×2 input in each cell's palette colour and pattern", () => {
    const cells = groups(seedSvg, "input-cell");
    expect(cells.map((c) => c.attrs["data-index"])).toEqual(["0", "1", "2", "3"]);
    for (const c of cells) {
      const i = Number(c.attrs["data-index"]);
      const rect = findAll(c.inner, "rect")[0]!;
      expect(rect.stroke).toBe(inputCellColour(i));
      const pattern = /url\(#([^)]+)\)/.exec(rect.fill!)![1]!;
      const def = new RegExp(`<pattern id="${pattern}"[^>]*><rect [^>]*fill="([^"]+)"`).exec(seedSvg)!;
      expect(def[1]).toBe(inputCellFill(i));
    }
  });

  it("draws a 3×3 output whose term counts are the overlap counts, 4 in the centre", () => {
    const cells = groups(seedSvg, "output-cell");
    expect(cells).toHaveLength(9);
    expect(cells.map((c) => Number(c.attrs["data-terms"]))).toEqual([...overlapCounts(seed)]);
    expect(cells[4]!.attrs["data-terms"]).toBe("4");
    expect(groups(seedSvg, "overlap-badge")).toHaveLength(5);
  });

  it("stripes each output cell with its contributors in the tap tables' order", () => {
    const cells = groups(seedSvg, "output-cell");
    const stripes = cells.map((c) => findAll(c.inner, "rect").filter((r) => r["data-input"] !== undefined).map((r) => Number(r["data-input"])));
    expect(stripes).toEqual(gathered(seed));
    expect(stripes[4]).toEqual([0, 1, 2, 3]);
  });

  it("outlines each input cell's kernel copy over exactly the output cells the scatter table gives", () => {
    expectFootprintsMatchScatterTable(seed, seedSvg);
    expect(findAll(seedSvg, "rect", "footprint")).toHaveLength(4);
  });

  it("names input cells, their copies and output cells by spatial index (data-in, data-out), as the playground's grids do", () => {
    expect(groups(seedSvg, "input-cell").map((g) => g.attrs["data-in"])).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(findAll(seedSvg, "rect", "footprint").map((r) => r["data-in"])).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(groups(seedSvg, "output-cell").map((g) => g.attrs["data-out"])).toEqual(["0,0", "0,1", "0,2", "1,0", "1,1", "1,2", "2,0", "2,1", "2,2"]);
  });

  it("draws the four copy outlines with four different line patterns, so they differ in greyscale print too", () => {
    const dashes = findAll(seedSvg, "rect", "footprint").map((r) => r["stroke-dasharray"] ?? "solid");
    expect(new Set(dashes).size).toBe(4);
  });

  it("writes each overlap count inside its own output cell, clear of the cell's borders", () => {
    expectBadgesInsideCells(seedSvg);
  });

  it("tags each kernel copy with its input cell's name, inside the copy's first output cell", () => {
    const svg = scatterDiagram(seed, {
      inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"], inputNames: ["x_{0,0}", "x_{0,1}", "x_{1,0}", "x_{1,1}"],
    });
    const tags = groups(svg, "copy-tag");
    expect(tags.map((t) => t.attrs["data-input"])).toEqual(["0", "1", "2", "3"]);
    expect(tags.map((t) => texts(t.inner)[0])).toEqual(["x0,0", "x0,1", "x1,0", "x1,1"]);
    const cells = cellRects(svg);
    // Copy of x_{a,b} starts at output (a, b) (stride 1, no padding).
    tags.forEach((t, i) => {
      const r = findAll(t.inner, "rect")[0]!, cell = cells.get(Math.floor(i / 2) * 3 + (i % 2))!;
      expect(r.fill).toBe(inputCellColour(i));
      expect(inside(r, cell)).toBe(true);
    });
  });

  it("writes the labels given, with minus signs as −", () => {
    const t = texts(seedSvg);
    expect(t).toContain("−1");
    expect(t).toContain("−4");
  });

  it("is deterministic: the same problem gives the same bytes", () => {
    expect(scatterDiagram(seed, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"],
      outputLabels: ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"] })).toBe(seedSvg);
  });
});

describe("scatterDiagram on other problems", () => {
  it("escapes hostile labels: no live <script>, ampersands as entities, still well-formed", () => {
    const svg = scatterDiagram(seed, {
      inputLabels: ["<script>alert(1)</script>", "&", `"'`, "a&b<c>"], kernelLabels: ["</svg>", "&amp;", "0", "]]>"],
    });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("</svg><");
    expect(svg).toContain("&lt;script&gt;");
    expect(texts(svg)).toEqual(expect.arrayContaining(["<script>alert(1)</script>", "&", "a&b<c>", "&amp;"]));
  });

  it("stride 2, padding 1, output padding 1: greys out the cropped border and keeps 6×6 output cells", () => {
    const info = infoOf({ inputSize: [3, 3], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1] });
    const svg = scatterDiagram(info, { inputLabels: labels(9, "x"), kernelLabels: labels(9, "w") });
    expect(xmlProblems(svg)).toEqual([]);
    const out = groups(svg, "output-cell");
    expect(out).toHaveLength(36);
    expect(out.map((c) => Number(c.attrs["data-terms"]))).toEqual([...overlapCounts(info)]);
    // Frame 7×7 (full size 7, output shifted by p = 1): the first row and column are cropped.
    expect(groups(svg, "cropped-cell")).toHaveLength(49 - 36);
    expect(texts(svg)).toContain("cropped by padding (not in the output)");
  });

  it("dilation 2: stripes follow the tap tables, gaps included", () => {
    const info = infoOf({ inputSize: [3, 3], kernelSize: [2, 2], dilation: [2, 2] });
    const svg = scatterDiagram(info, { inputLabels: labels(9, "x"), kernelLabels: labels(4, "w") });
    const stripes = groups(svg, "output-cell").map((c) => findAll(c.inner, "rect").filter((r) => r["data-input"] !== undefined).map((r) => Number(r["data-input"])));
    expect(stripes).toEqual(gathered(info));
  });

  it("dilated page (input [[1,2],[3,4]], kernel [[1,0],[0,-1]], dilation 2): outlines only the tap cells, so copies never overlap where no taps do", () => {
    const info = infoOf({ inputSize: [2, 2], kernelSize: [2, 2], dilation: [2, 2] });
    const svg = scatterDiagram(info, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"] });
    expectFootprintsMatchScatterTable(info, svg);
    // Four separate tap cells per copy (a bounding box would be one 3×3 rectangle per copy).
    const fps = findAll(svg, "rect", "footprint");
    expect(fps).toHaveLength(16);
    // Every output cell gets one term, so no overlap badge at all.
    expect(groups(svg, "overlap-badge")).toHaveLength(0);
  });

  it("stride 2, padding 1: every overlap count sits inside its own output cell", () => {
    const info = infoOf({ inputSize: [3, 3], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1] });
    const svg = scatterDiagram(info, { inputLabels: labels(9, "x"), kernelLabels: labels(9, "w") });
    expectBadgesInsideCells(svg);
    expect(groups(svg, "overlap-badge").length).toBeGreaterThan(0);
  });

  it("1-D (input 4, kernel 3, stride 2): one row per input cell's copy, holding its products at its taps, then the sum row below", () => {
    const info = infoOf({ inputSize: [4], kernelSize: [3], stride: [2] });
    const x = [1, 2, 3, 4], w = [1, 2, 1];
    const svg = scatterDiagram(info, {
      inputLabels: x.map(String), kernelLabels: w.map(String), inputNames: labels(4, "x"),
      productLabel: (i, k) => String(x[i]! * w[k]!),
    });
    const sum = groups(svg, "output-cell");
    expect(sum).toHaveLength(9);
    const sumY = new Set(sum.map((c) => findAll(c.inner, "rect")[0]!.y));
    expect(sumY.size).toBe(1);
    const copies = groups(svg, "copy-cell");
    const rowOf = new Map<string, Set<string>>();
    for (const c of copies) {
      const a = c.attrs["data-input"]!;
      rowOf.set(a, new Set([...(rowOf.get(a) ?? []), findAll(c.inner, "rect")[0]!.y!]));
    }
    // Four copies, each on its own row (one y per copy, four different ys), all above the sum row.
    expect([...rowOf.keys()]).toEqual(["0", "1", "2", "3"]);
    for (const ys of rowOf.values()) expect(ys.size).toBe(1);
    const ys = [...rowOf.values()].map((v) => Number([...v][0]));
    expect(new Set(ys).size).toBe(4);
    for (const y of ys) expect(y).toBeLessThan(Number([...sumY][0]));
    // Copy of x_a covers output cells 2a, 2a+1, 2a+2 with the products x_a·w_t.
    const xOf = (c: (typeof copies)[number]) => Number(findAll(c.inner, "rect")[0]!.x);
    const sumX = sum.map((c) => Number(findAll(c.inner, "rect")[0]!.x));
    for (let a = 0; a < 4; a++) {
      const mine = copies.filter((c) => c.attrs["data-input"] === String(a));
      expect(mine.map(xOf)).toEqual([0, 1, 2].map((t) => sumX[2 * a + t]));
      expect(mine.map((c) => texts(c.inner)[0])).toEqual(w.map((v) => String(x[a]! * v)));
    }
    expect(texts(svg)).toContain("Σ");
  });

  it("3-D (2×2×2 input and kernel): draws the output slice that holds the focus cell, with the input and kernel slices that reach it, and says which", () => {
    const info = infoOf({ inputSize: [2, 2, 2], kernelSize: [2, 2, 2] });
    const svg = scatterDiagram(info, { inputLabels: labels(8, "x"), kernelLabels: labels(8, "w"), focus: [1, 1, 1] });
    const out = groups(svg, "output-cell");
    expect(out).toHaveLength(9);
    // Output slice (1, ·, ·): flats 9…17 of the 3×3×3 output.
    expect(out.map((c) => Number(c.attrs["data-index"]))).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(out.map((c) => Number(c.attrs["data-terms"]))).toEqual([...overlapCounts(info)].slice(9, 18));
    // Both input slices reach it (through kernel slices 1 and 0): all 8 input cells are drawn.
    expect(groups(svg, "input-cell").map((c) => Number(c.attrs["data-index"])).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(groups(svg, "kernel-cell").map((c) => Number(c.attrs["data-index"]))).toEqual([4, 5, 6, 7, 0, 1, 2, 3]);
    const caption = texts(svg).join(" ");
    expect(caption).toContain("the output slice (1, ·, ·) is drawn, the one that holds the cell derived in full");
    expect(caption).toContain("input slice (0, ·, ·) through kernel slice (1, ·, ·); input slice (1, ·, ·) through kernel slice (0, ·, ·)");
    // Focus on the first slice: only input slice 0 reaches it.
    const first = scatterDiagram(info, { inputLabels: labels(8, "x"), kernelLabels: labels(8, "w"), focus: [0, 0, 0] });
    expect(groups(first, "output-cell").map((c) => Number(c.attrs["data-index"]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(groups(first, "input-cell")).toHaveLength(4);
    expect(texts(first).join(" ")).toContain("the output slice (0, ·, ·) is drawn");
  });

  it("3-D: a focus slice no input slice reaches (dilation 3 on the leading axis) is drawn empty and the caption says so", () => {
    const info = infoOf({ inputSize: [1, 2, 2], kernelSize: [2, 2, 2], dilation: [3, 1, 1] });
    const svg = scatterDiagram(info, { inputLabels: labels(4, "x"), kernelLabels: labels(8, "w"), focus: [1, 0, 0] });
    expect(xmlProblems(svg)).toEqual([]);
    expect(groups(svg, "output-cell").every((c) => c.attrs["data-terms"] === "0")).toBe(true);
    expect(findAll(svg, "rect", "footprint")).toHaveLength(0);
    expect(texts(svg).join(" ")).toContain("the output slice (1, ·, ·) is drawn, the one that holds the cell derived in full; no input slice reaches it.");
  });

  it("3-D: the default focus is the busiest cell, and a focus outside the output is refused", () => {
    const info = infoOf({ inputSize: [2, 2, 2], kernelSize: [2, 2, 2] });
    const svg = scatterDiagram(info, { inputLabels: labels(8, "x"), kernelLabels: labels(8, "w") });
    expect(texts(svg).join(" ")).toContain("(1, ·, ·)");
    expect(() => scatterDiagram(info, { inputLabels: labels(8, "x"), kernelLabels: labels(8, "w"), focus: [3, 0, 0] })).toThrow(/focus 3,0,0 outside/);
  });

  it("5×5 input (25 cells, more than 16 colours): colours and outlines only the cells feeding the focus cell, the rest neutral, and says so", () => {
    const info = infoOf({ inputSize: [5, 5], kernelSize: [3, 3] });
    const svg = scatterDiagram(info, { inputLabels: labels(25, "x"), kernelLabels: labels(9, "w"), focus: [3, 3] });
    // y[3,3] is fed by x[1..3, 1..3].
    const feeding = [6, 7, 8, 11, 12, 13, 16, 17, 18];
    const strokes = new Map(groups(svg, "input-cell").map((c) => [Number(c.attrs["data-index"]), findAll(c.inner, "rect")[0]!.stroke!]));
    for (const [f, stroke] of strokes) {
      if (feeding.includes(f)) expect(stroke).not.toBe(NEUTRAL_INPUT.strong);
      else expect(stroke).toBe(NEUTRAL_INPUT.strong);
    }
    expect(new Set(feeding.map((f) => strokes.get(f))).size).toBe(9);
    expect([...new Set(findAll(svg, "rect", "footprint").map((r) => Number(r["data-input"])))]).toEqual(feeding);
    expect(texts(svg).join(" ")).toContain("The input has 25 cells, more than the 16 colours: only the 9 that feed the cell derived in full are coloured");
  });

  it("64×64 input: draws at most 16 slots per axis, says what was left out, stays small", () => {
    const info = infoOf({ inputSize: [64, 64], kernelSize: [3, 3] });
    const svg = scatterDiagram(info, { inputLabels: labels(64 * 64, "x"), kernelLabels: labels(9, "w") });
    expect(groups(svg, "input-cell")).toHaveLength(15 * 15);
    expect(groups(svg, "output-cell")).toHaveLength(15 * 15);
    expect(texts(svg).join(" ")).toContain("15 of 66 drawn");
    expect(svg.length).toBeLessThan(400_000);
    expect(xmlProblems(svg)).toEqual([]);
  });

  it("Chinese captions when lang is zh-CN", () => {
    const svg = scatterDiagram(seed, { inputLabels: labels(4, "x"), kernelLabels: labels(4, "w"), lang: "zh-CN" });
    expect(svg).toContain("散射视图");
    expect(texts(svg)).toContain("输入 x");
  });

  it("two different problems never share element ids", () => {
    const other = scatterDiagram(infoOf({ inputSize: [2, 3], kernelSize: [2, 2] }), { inputLabels: labels(6, "x"), kernelLabels: labels(4, "w") });
    const ids = (s: string) => new Set([...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const a = ids(seedSvg), b = ids(other);
    expect([...a].filter((x) => b.has(x))).toEqual([]);
  });

  it("refuses an ordinary convolution and label lists of the wrong length", () => {
    expect(() => scatterDiagram(infoOf({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] }), { inputLabels: labels(9, "x"), kernelLabels: labels(4, "w") })).toThrow(/only transposed/);
    expect(() => scatterDiagram(seed, { inputLabels: labels(3, "x"), kernelLabels: labels(4, "w") })).toThrow(/3 input labels for 4 cells/);
  });
});

describe("scatterDiagram on random problems (property)", () => {
  it("counts sit inside their cells, and each copy's marks cover exactly the output cells its taps reach", () => {
    fc.assert(fc.property(
      paramsArb("transposed", [1, 2, 3], { input: 4, kernel: 3, stride: 3, dilation: 3, pad: 2, batch: 1, groups: 1, channels: 1, output: 12 }),
      (p) => {
        const info = computeConvInfo(p);
        const svg = scatterDiagram(info, { inputLabels: labels(info.inCount, "x"), kernelLabels: labels(info.kernelCount, "w") });
        expect(xmlProblems(svg)).toEqual([]);
        expectBadgesInsideCells(svg);
        const out = groups(svg, "output-cell").map((c) => ({
          rect: findAll(c.inner, "rect", "cell-box")[0]!,
          inputs: new Set(findAll(c.inner, "rect").filter((r) => r["data-input"] !== undefined).map((r) => Number(r["data-input"]))),
        }));
        const centre = (r: Box) => [num(r, "x") + num(r, "width") / 2, num(r, "y") + num(r, "height") / 2] as const;
        const marks = new Map<number, Box[]>();
        for (const r of findAll(svg, "rect", "footprint")) marks.set(Number(r["data-input"]), [...(marks.get(Number(r["data-input"])) ?? []), r]);
        for (const g of groups(svg, "copy-cell")) {
          // 1-D copy rows: a copy cell marks the sum cell in its column.
          const r = findAll(g.inner, "rect")[0]!, a = Number(g.attrs["data-input"]);
          const column = { x: r.x!, y: "-1e9", width: r.width!, height: "2e9" };
          marks.set(a, [...(marks.get(a) ?? []), column]);
        }
        for (const [a, boxes] of marks) {
          const covered = out.filter((c) => {
            const [cx, cy] = centre(c.rect);
            return boxes.some((b) => cx > num(b, "x") && cx < num(b, "x") + num(b, "width") && cy > num(b, "y") && cy < num(b, "y") + num(b, "height"));
          });
          const reached = out.filter((c) => c.inputs.has(a));
          expect(covered.map((c) => c.rect.x + "," + c.rect.y).sort(), `input ${a}`).toEqual(reached.map((c) => c.rect.x + "," + c.rect.y).sort());
        }
      },
    ), { numRuns: 60 });
  });
});
