import { describe, expect, it } from "vitest";
import { read, refusal, SEED } from "./read.ts";

describe("plain rows", () => {
  it("rows separated by ' / ', as typed in a chat", () => {
    expect(read("1 2 0 / 3 3 -2 / 0 -3 -4")).toMatchObject({ form: "rows", shape: [3, 3], cells: SEED });
  });

  it("rows on lines, aligned with blanks, after a name", () => {
    expect(read("Y =\n 1  2  0\n 3  3 -2\n 0 -3 -4")).toMatchObject({ form: "rows", shape: [3, 3], cells: SEED });
  });

  it("rows separated by ; and a fraction written without blanks", () => {
    expect(read("1 3/4; ? 2").cells).toEqual(["1", "3/4", "?", "2"]);
  });

  it("one row is a 1-D claim", () => {
    expect(read("1 2 3").shape).toEqual([3]);
  });

  it("ragged rows are refused", () => {
    expect(refusal("1 2 / 3").message).toMatch(/ragged/);
  });
});
