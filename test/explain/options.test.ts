import { describe, expect, it } from "vitest";
import { parseCell, parseSections } from "../../src/explain/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { TconvError } from "../../src/spec/error.ts";

const info = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).info;
const convInfo = parseProblem({ op: "conv", input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).info;
const strided = parseProblem({ input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" }).info;

describe("--sections and --cell", () => {
  it("parses size,cells in that order", () => {
    expect(parseSections("size, cells", info)).toEqual(["size", "cells"]);
  });

  it("refuses an unknown section and names the known ones", () => {
    expect(() => parseSections("size,foo", info)).toThrow(/unknown section "foo"; known: problem, size/);
  });

  it("refuses scatter for an ordinary convolution", () => {
    expect(() => parseSections("scatter", convInfo)).toThrow(/applies to --op transposed only/);
  });

  it("refuses phases on a stride-1 problem, saying it needs a stride above 1 and naming --sections", () => {
    expect(() => parseSections("size,phases", info)).toThrow(/^section "phases" needs a stride above 1 on some axis; this problem has stride 1,1$/);
    try { parseSections("phases", info); } catch (e) { expect((e as TconvError).path).toBe("--sections"); }
    expect.assertions(2);
  });

  it("accepts phases on a stride-2 transposed problem and refuses it on an ordinary convolution", () => {
    expect(parseSections("phases,check", strided)).toEqual(["phases", "check"]);
    expect(() => parseSections("phases", convInfo)).toThrow(/applies to --op transposed only/);
  });

  it("refuses a section listed twice", () => {
    expect(() => parseSections("size,size", info)).toThrow(TconvError);
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
