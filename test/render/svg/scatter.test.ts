import { describe, expect, it } from "vitest";
import { computeConvInfo } from "../../../src/geometry/conv-info.ts";
import { overlapCounts } from "../../../src/geometry/overlap.ts";
import { forEachCellTerm, scatterTable, tapTables } from "../../../src/geometry/taps.ts";
import { canonicalParams, type CanonicalParams } from "../../../src/spec/problem.ts";
import { scatterDiagram } from "../../../src/render/svg/scatter.ts";
import { inputCellColour, inputCellFill } from "../../../src/render/svg/palette.ts";
import { findAll, groups, texts, xmlProblems } from "./svg-utils.ts";

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

describe("scatterDiagram, seed problem input [[1,2],[3,4]], kernel [[1,0],[0,-1]]", () => {
  it("is a well-formed standalone SVG with xmlns, viewBox, width, height and a title", () => {
    expect(xmlProblems(seedSvg)).toEqual([]);
    const root = findAll(seedSvg, "svg")[0]!;
    expect(root.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(root.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(Number(root.width)).toBeGreaterThan(0);
    expect(Number(root.height)).toBeGreaterThan(0);
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
    expect(findAll(seedSvg, "circle", "overlap-badge")).toHaveLength(5);
  });

  it("stripes each output cell with its contributors in the tap tables' order", () => {
    const cells = groups(seedSvg, "output-cell");
    const stripes = cells.map((c) => findAll(c.inner, "rect").filter((r) => r["data-input"] !== undefined).map((r) => Number(r["data-input"])));
    expect(stripes).toEqual(gathered(seed));
    expect(stripes[4]).toEqual([0, 1, 2, 3]);
  });

  it("outlines each input cell's kernel copy over exactly the output cells the scatter table gives", () => {
    const cellRects = new Map(groups(seedSvg, "output-cell").map((c) => [Number(c.attrs["data-index"]), findAll(c.inner, "rect")[0]!]));
    const rows = scatterTable("transposed", seed.axes[0]!), cols = scatterTable("transposed", seed.axes[1]!);
    for (const fp of findAll(seedSvg, "rect", "footprint")) {
      const a = Number(fp["data-input"]), ar = Math.floor(a / 2), ac = a % 2;
      expect(fp.stroke).toBe(inputCellColour(a));
      const x0 = Number(fp.x), y0 = Number(fp.y), x1 = x0 + Number(fp.width), y1 = y0 + Number(fp.height);
      const covered = [...cellRects].filter(([, r]) => {
        const cx = Number(r.x) + Number(r.width) / 2, cy = Number(r.y) + Number(r.height) / 2;
        return cx > x0 && cx < x1 && cy > y0 && cy < y1;
      }).map(([o]) => o).sort((p, q) => p - q);
      const expected: number[] = [];
      for (let j = rows.start[ar]!; j < rows.start[ar + 1]!; j++) {
        for (let k = cols.start[ac]!; k < cols.start[ac + 1]!; k++) expected.push(rows.index[j]! * 3 + cols.index[k]!);
      }
      expect(covered).toEqual(expected.sort((p, q) => p - q));
    }
    expect(findAll(seedSvg, "rect", "footprint")).toHaveLength(4);
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

  it("1-D: one row of output cells", () => {
    const info = infoOf({ inputSize: [4], kernelSize: [3], stride: [2] });
    const svg = scatterDiagram(info, { inputLabels: labels(4, "x"), kernelLabels: labels(3, "w") });
    expect(groups(svg, "output-cell")).toHaveLength(9);
    const ys = new Set(groups(svg, "output-cell").map((c) => findAll(c.inner, "rect")[0]!.y));
    expect(ys.size).toBe(1);
  });

  it("3-D: draws the first depth slice and says so", () => {
    const info = infoOf({ inputSize: [2, 2, 2], kernelSize: [2, 2, 2] });
    const svg = scatterDiagram(info, { inputLabels: labels(8, "x"), kernelLabels: labels(8, "w") });
    expect(groups(svg, "output-cell")).toHaveLength(9);
    expect(groups(svg, "input-cell")).toHaveLength(4);
    expect(texts(svg).join(" ")).toContain("only the slice at index 0 of axis 0");
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

  it("Chinese captions when lang is zh", () => {
    const svg = scatterDiagram(seed, { inputLabels: labels(4, "x"), kernelLabels: labels(4, "w"), lang: "zh" });
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
