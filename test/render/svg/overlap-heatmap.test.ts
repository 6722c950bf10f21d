import { describe, expect, it } from "vitest";
import { computeConvInfo } from "../../../src/geometry/conv-info.ts";
import { overlapCounts } from "../../../src/geometry/overlap.ts";
import { canonicalParams } from "../../../src/spec/problem.ts";
import { overlapHeatmap } from "../../../src/render/svg/overlap-heatmap.ts";
import { rampColour } from "../../../src/render/svg/palette.ts";
import { findAll, groups, texts, xmlProblems } from "./svg-utils.ts";

describe("overlapHeatmap", () => {
  it("seed problem: counts 1 2 1 / 2 4 2 / 1 2 1 written in the cells, one shade per count, a legend", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
    const svg = overlapHeatmap(info);
    expect(xmlProblems(svg)).toEqual([]);
    const cells = groups(svg, "heat-cell");
    expect(cells.map((c) => Number(c.attrs["data-terms"]))).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
    expect(cells.map((c) => texts(c.inner)[0])).toEqual(["1", "2", "1", "2", "4", "2", "1", "2", "1"]);
    const fills = cells.map((c) => findAll(c.inner, "rect")[0]!.fill);
    expect(fills[4]).toBe(rampColour(2, 3));
    expect(fills[0]).toBe(rampColour(0, 3));
    expect(texts(svg)).toEqual(expect.arrayContaining(["1 term", "2 terms", "4 terms"]));
  });

  it("stride 2, kernel 3: the uneven checkerboard counts", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [4, 4], kernelSize: [3, 3], stride: [2, 2] }));
    const svg = overlapHeatmap(info, { highlight: [2, 2] });
    expect(groups(svg, "heat-cell").map((c) => Number(c.attrs["data-terms"]))).toEqual([...overlapCounts(info)]);
    expect(new Set(overlapCounts(info)).size).toBeGreaterThan(1);
    expect(findAll(svg, "rect", "highlight")).toHaveLength(1);
  });

  it("3-D with a highlighted cell: draws that cell's depth slice and names it", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2, 2], kernelSize: [2, 2, 2] }));
    const svg = overlapHeatmap(info, { highlight: [1, 1, 1] });
    const counts = overlapCounts(info);
    expect(groups(svg, "heat-cell").map((c) => Number(c.attrs["data-terms"]))).toEqual([...counts.slice(9, 18)]);
    expect(groups(svg, "heat-cell")[4]!.attrs["data-terms"]).toBe("8");
    expect(texts(svg).join(" ")).toContain("only the slice at axis 0 = 1 is drawn");
  });

  it("1-based index labels when asked", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
    const t = texts(overlapHeatmap(info, { indexBase: 1 }));
    expect(t).toContain("3");
    expect(t.filter((x) => x === "0")).toEqual([]);
  });

  it("Chinese legend", () => {
    const info = computeConvInfo(canonicalParams({ inputSize: [2, 2], kernelSize: [2, 2] }));
    expect(texts(overlapHeatmap(info, { lang: "zh-CN" }))).toContain("4 项");
  });
});
