import { describe, expect, it } from "vitest";
import { read, refusal, SEED } from "./read.ts";

describe("numpy", () => {
  it("an assignment y = np.array(...)", () => {
    expect(read("y = np.array([[1, 2, 0], [3, 3, -2], [0, -3, -4]])")).toMatchObject({ form: "numpy", shape: [3, 3], cells: SEED });
  });

  it("the repr array(..., dtype=float32) sets float32 precision", () => {
    const c = read("array([[ 1.,  2.,  0.],\n       [ 3.,  3., -2.],\n       [ 0., -3., -4.]], dtype=float32)");
    expect(c.cells).toEqual(SEED);
    expect(c.claim.dtype).toBe("float32");
  });

  it("numpy's e-notation 1.e+00 is read", () => {
    expect(read("array([1.e+00, 2.5e-01])").cells).toEqual(["1", "1/4"]);
  });

  it("a summarised print without a stated shape asks for --claim-shape, and --claim-shape fills it", () => {
    const printed = "[[ 0  1 ...  8  9]\n [10 11 ... 18 19]\n ...\n [90 91 ... 98 99]]";
    expect(refusal(printed).message).toMatch(/give the full shape with --claim-shape/);
    expect(refusal(printed).path).toBe("--claim");
    const c = read(printed, { shape: [10, 10] });
    expect(c.form).toBe("numpy");
    expect(c.claim.elided).toBe(88);
    expect(c.cells.filter((x) => x !== "?")).toEqual(["0", "1", "8", "9", "10", "11", "18", "19", "90", "91", "98", "99"]);
  });

  it("--claim-shape may leave out the print's size-1 axes", () => {
    const c = read("array([[[[0, 1, ..., 4]]]])", { shape: [5] });
    expect(c.shape).toEqual([1, 1, 1, 5]);
    expect(c.cells).toEqual(["0", "1", "?", "?", "4"]);
  });

  it("a gap wider than the shape allows is refused", () => {
    expect(refusal("array([0, 1, ..., 3, 4])", { shape: [3] }).message).toMatch(/shows 4 items around "..." but the shape gives it 3/);
  });
});
