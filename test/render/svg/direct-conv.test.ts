import { describe, expect, it } from "vitest";
import { computeConvInfo } from "../../../src/geometry/conv-info.ts";
import { directConvGeometry } from "../../../src/geometry/direct-conv.ts";
import { forEachCellTerm, tapTables, unflatten } from "../../../src/geometry/taps.ts";
import { canonicalParams, type CanonicalParams } from "../../../src/spec/problem.ts";
import { busiestCell, directConvDiagram } from "../../../src/render/svg/direct-conv.ts";
import { findAll, groups, texts, xmlProblems } from "./svg-utils.ts";

type P = Partial<CanonicalParams> & Pick<CanonicalParams, "inputSize" | "kernelSize">;
const infoOf = (p: P) => computeConvInfo(canonicalParams(p));
const labels = (n: number, b: string) => Array.from({ length: n }, (_, i) => `${b}_{${i}}`);
const seed = infoOf({ inputSize: [2, 2], kernelSize: [2, 2] });
const kindCount = (svg: string, kind: string) => groups(svg, "padded-cell").filter((g) => g.attrs.class!.split(" ").includes(kind)).length;

/** (input, kernel tap) pairs the highlighted window multiplies, read from the drawing. */
function windowPairs(svg: string): string[] {
  const inputAt = new Map(groups(svg, "padded-cell").map((g) => [g.attrs["data-pos"]!, g.attrs["data-input"]]));
  return findAll(svg, "rect", "window-tap")
    .filter((r) => inputAt.get(r["data-pos"]!) !== undefined)
    .map((r) => `${inputAt.get(r["data-pos"]!)}·${r["data-tap"]}`).sort();
}

/** The same pairs from the tap tables. */
function tablePairs(info: ReturnType<typeof infoOf>, outFlat: number): string[] {
  const list: string[] = [];
  forEachCellTerm(info, tapTables(info), outFlat, (i, k) => list.push(`${i}·${k}`));
  return list.sort();
}

describe("directConvDiagram", () => {
  it("seed problem: a 4×4 grid, the 4 input values ringed by 12 padding zeros, well-formed SVG", () => {
    const svg = directConvDiagram(seed, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"], window: [1, 1] });
    expect(xmlProblems(svg)).toEqual([]);
    expect(groups(svg, "padded-cell")).toHaveLength(16);
    expect(kindCount(svg, "input")).toBe(4);
    expect(kindCount(svg, "padding")).toBe(12);
    expect(kindCount(svg, "inserted-zero")).toBe(0);
  });

  it("seed problem: the kernel is drawn rotated by 180°", () => {
    const svg = directConvDiagram(seed, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"] });
    expect(groups(svg, "kernel-cell").map((g) => g.attrs["data-tap"])).toEqual(["3", "2", "1", "0"]);
  });

  it("seed problem: the window of y[1,1] multiplies the four input cells by the taps of the cell's sum", () => {
    const svg = directConvDiagram(seed, { inputLabels: ["1", "2", "3", "4"], kernelLabels: ["1", "0", "0", "-1"], window: [1, 1] });
    expect(windowPairs(svg)).toEqual(tablePairs(seed, 4));
    expect(groups(svg, "output-cell").filter((g) => g.attrs.class!.includes("target")).map((g) => g.attrs["data-index"])).toEqual(["4"]);
  });

  it("defaults the window to the first cell with the most terms", () => {
    expect(busiestCell(seed)).toEqual([1, 1]);
    const svg = directConvDiagram(seed, { inputLabels: labels(4, "x"), kernelLabels: labels(4, "w") });
    expect(texts(svg).join(" ")).toContain("window for output cell y(1, 1)");
  });

  const problems: Array<[string, P]> = [
    ["stride 2, padding 1, output padding 1", { inputSize: [3, 3], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1] }],
    ["dilation 2", { inputSize: [3, 3], kernelSize: [2, 2], dilation: [2, 2] }],
    ["padding beyond d(k−1): negative direct padding", { inputSize: [3, 3], kernelSize: [3, 3], stride: [2, 2], padBegin: [3, 3], padEnd: [3, 3] }],
    ["asymmetric 2×3, stride 3,1", { inputSize: [2, 3], kernelSize: [2, 3], stride: [3, 1], padBegin: [0, 1], padEnd: [1, 0] }],
    ["1-D stride 2", { inputSize: [4], kernelSize: [3], stride: [2] }],
    ["ordinary convolution, stride 2, padding 1", { op: "conv", inputSize: [4, 4], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1] }],
  ];
  for (const [name, p] of problems) {
    it(`${name}: every window multiplies exactly the tap tables' pairs`, () => {
      const info = infoOf(p);
      for (let o = 0; o < info.outCount; o++) {
        const idx = info.rank === 1 ? [o] : [Math.floor(o / info.outSpatial[1]!), o % info.outSpatial[1]!];
        const svg = directConvDiagram(info, { inputLabels: labels(info.inCount, "x"), kernelLabels: labels(info.kernelCount, "w"), window: idx });
        expect(windowPairs(svg)).toEqual(tablePairs(info, o));
      }
    });
  }

  for (const [name, p] of problems) {
    it(`${name}: each drawn cell lists the output cells whose window covers it, so any cell's window is the tap tables' inputs`, () => {
      const info = infoOf(p);
      const svg = directConvDiagram(info, { inputLabels: labels(info.inCount, "x"), kernelLabels: labels(info.kernelCount, "w") });
      const cells = groups(svg, "padded-cell");
      for (let o = 0; o < info.outCount; o++) {
        const name = unflatten(o, info.outSpatial).join(",");
        const under = cells.filter((g) => (g.attrs["data-windows"] ?? "").split(" ").includes(name));
        // Nothing is elided at these sizes: the whole window is drawn, one cell per tap.
        expect(under, `y(${name})`).toHaveLength(info.kernelCount);
        const inputs = under.filter((g) => g.attrs["data-input"] !== undefined && !g.attrs.class!.includes("cropped")).map((g) => Number(g.attrs["data-input"]));
        expect(inputs.sort((a, b) => a - b), `y(${name})`).toEqual([...new Set(tablePairs(info, o).map((t) => Number(t.split("·")[0])))].sort((a, b) => a - b));
      }
      // Input cells name their spatial index as the playground's grids do; output cells theirs.
      for (const g of cells.filter((c) => c.attrs["data-input"] !== undefined)) {
        expect(g.attrs["data-in"]).toBe(unflatten(Number(g.attrs["data-input"]), info.inSpatial).join(","));
      }
      for (const g of groups(svg, "output-cell")) expect(g.attrs["data-out"]).toBe(unflatten(Number(g.attrs["data-index"]), info.outSpatial).join(","));
      expect(xmlProblems(svg)).toEqual([]);
    });
  }

  it("3-D, padding 1 on the depth axis: the window's products in the drawn slice are the tap tables' pairs with input depth 0", () => {
    const info = infoOf({ inputSize: [2, 2, 2], kernelSize: [3, 2, 2], padBegin: [1, 0, 0], padEnd: [1, 0, 0] });
    const perSlice = 4;
    for (let o = 0; o < info.outSpatial[1]! * info.outSpatial[2]!; o++) {
      const idx = [0, Math.floor(o / info.outSpatial[2]!), o % info.outSpatial[2]!];
      const svg = directConvDiagram(info, { inputLabels: labels(info.inCount, "x"), kernelLabels: labels(info.kernelCount, "w"), window: idx });
      const expected = tablePairs(info, o).filter((pair) => Number(pair.split("·")[0]) < perSlice);
      expect(windowPairs(svg)).toEqual(expected);
    }
  });

  it("3-D, window in output depth 2: draws that output slice and the first input slice reaching it, and says so", () => {
    const info = infoOf({ inputSize: [3, 2, 2], kernelSize: [2, 2, 2] });
    const perSlice = 4, outPerSlice = info.outSpatial[1]! * info.outSpatial[2]!;
    const idx = [2, 1, 1], outFlat = 2 * outPerSlice + 1 * info.outSpatial[2]! + 1;
    const svg = directConvDiagram(info, { inputLabels: labels(info.inCount, "x"), kernelLabels: labels(info.kernelCount, "w"), window: idx });
    // Output depth 2 is reached by input depth 1 (tap 1) and 2 (tap 0); the first is drawn.
    const expected = tablePairs(info, outFlat).filter((pair) => Math.floor(Number(pair.split("·")[0]) / perSlice) === 1);
    expect(expected.length).toBeGreaterThan(0);
    expect(windowPairs(svg)).toEqual(expected);
    expect(groups(svg, "output-cell").filter((g) => g.attrs.class!.includes("target")).map((g) => Number(g.attrs["data-index"]))).toEqual([outFlat]);
    expect(texts(svg).join(" ")).toContain("axis 0: input index 1 meets output index 2 through kernel index 1");
    expect(texts(svg).join(" ")).toContain("window for output cell y(2, 1, 1)");
  });

  it("stride 2: s − 1 zeros between values and d(k−1) − p padding, as directConvGeometry says", () => {
    const info = infoOf({ inputSize: [3, 3], kernelSize: [3, 3], stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1] });
    const geo = directConvGeometry(info);
    const svg = directConvDiagram(info, { inputLabels: labels(9, "x"), kernelLabels: labels(9, "w") });
    const side = geo[0]!.paddedSize;
    expect(groups(svg, "padded-cell")).toHaveLength(side * side);
    expect(kindCount(svg, "input")).toBe(9);
    expect(kindCount(svg, "inserted-zero")).toBe(5 * 5 - 9);
    expect(kindCount(svg, "padding")).toBe(side * side - 25);
    expect(texts(svg).join(" ")).toContain("rows: 1 before, 2 after");
  });

  it("negative direct padding: the cropped input cells are drawn dashed, outside the sliding range", () => {
    const info = infoOf({ inputSize: [3, 3], kernelSize: [3, 3], stride: [2, 2], padBegin: [3, 3], padEnd: [3, 3] });
    const svg = directConvDiagram(info, { inputLabels: labels(9, "x"), kernelLabels: labels(9, "w") });
    expect(kindCount(svg, "cropped")).toBe(25 - 9);
    expect(texts(svg)).toContain("cropped (negative padding)");
  });

  it("escapes hostile labels", () => {
    const svg = directConvDiagram(seed, { inputLabels: ["<script>", "&", "x", "y"], kernelLabels: ["<b>", "0", "0", "1"] });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
  });

  it("refuses a window outside the output", () => {
    expect(() => directConvDiagram(seed, { inputLabels: labels(4, "x"), kernelLabels: labels(4, "w"), window: [3, 0] })).toThrow(/outside the output/);
  });

  it("64×64: caps the drawing and states the elision", () => {
    const info = infoOf({ inputSize: [64, 64], kernelSize: [3, 3] });
    const svg = directConvDiagram(info, { inputLabels: labels(4096, "x"), kernelLabels: labels(9, "w") });
    expect(groups(svg, "padded-cell")).toHaveLength(15 * 15);
    expect(texts(svg).join(" ")).toMatch(/15 of 68 drawn/);
    expect(svg.length).toBeLessThan(200_000);
  });
});
