import { describe, expect, it } from "vitest";
import { read, SEED } from "./read.ts";

describe("CSV and TSV", () => {
  it("comma-separated lines", () => {
    expect(read("1,2,0\n3,3,-2\n0,-3,-4\n")).toMatchObject({ form: "csv", shape: [3, 3], cells: SEED });
  });

  it("tab-separated lines", () => {
    expect(read("1\t2\t0\n3\t3\t-2\n0\t-3\t-4")).toMatchObject({ form: "csv", shape: [3, 3], cells: SEED });
  });

  it("a header of labels is dropped", () => {
    expect(read("c0,c1\n1.5,2\n3,4").cells).toEqual(["3/2", "2", "3", "4"]);
  });
});
