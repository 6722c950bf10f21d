import { describe, expect, it } from "vitest";
import { parseCell, parseSections } from "../../src/explain/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { TconvError } from "../../src/spec/error.ts";

const info = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).info;

describe("--sections and --cell", () => {
  it("parses size,cells in that order", () => {
    expect(parseSections("size, cells", "transposed")).toEqual(["size", "cells"]);
  });

  it("refuses an unknown section and names the known ones", () => {
    expect(() => parseSections("size,foo", "transposed")).toThrow(/unknown section "foo"; known: problem, size/);
  });

  it("refuses scatter for an ordinary convolution", () => {
    expect(() => parseSections("scatter", "conv")).toThrow(/applies to --op transposed only/);
  });

  it("refuses a section listed twice", () => {
    expect(() => parseSections("size,size", "transposed")).toThrow(TconvError);
  });

  it("reads a cell in the 1-based index base", () => {
    expect(parseCell("2,2", info, 1)).toEqual([1, 1]);
  });

  it("refuses a cell outside the 3×3 output, with the valid range", () => {
    expect(() => parseCell("3,0", info, 0)).toThrow(/outside 0..2/);
  });

  it("refuses a cell with the wrong number of indices", () => {
    expect(() => parseCell("1", info, 0)).toThrow(/expected 2 indices/);
  });
});
