import { describe, expect, it } from "vitest";
import { read, refusal, SEED } from "./read.ts";

const NHWC = "tf.Tensor(\n[[[[ 1.]\n   [ 2.]\n   [ 0.]]\n\n  [[ 3.]\n   [ 3.]\n   [-2.]]\n\n  [[ 0.]\n   [-3.]\n   [-4.]]]], shape=(1, 3, 3, 1), dtype=float32)";

describe("TensorFlow prints", () => {
  it("print(t): numpy rows, NHWC with a trailing channel, shape= and dtype= read", () => {
    const c = read(NHWC);
    expect(c).toMatchObject({ form: "tf", shape: [1, 3, 3, 1], cells: SEED });
    expect(c.claim.statedShape).toEqual([1, 3, 3, 1]);
    expect(c.claim.dtype).toBe("float32");
  });

  it("float32 sets a relative tolerance of a few float32 units on every cell", () => {
    const e = read(NHWC).claim.entries[0]!;
    expect(e.kind !== "unknown" && e.relTol).toBeGreaterThan(2 ** -24);
    expect(e.kind !== "unknown" && e.relTol).toBeLessThan(2 ** -20);
  });

  it("the eager repr <tf.Tensor: shape=..., dtype=..., numpy=array(...)>", () => {
    const c = read("<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\narray([[ 1.,  2.,  0.],\n       [ 3.,  3., -2.],\n       [ 0., -3., -4.]], dtype=float32)>");
    expect(c).toMatchObject({ form: "tf", shape: [3, 3], cells: SEED });
  });

  it("a stated shape that is not the data's is refused", () => {
    const e = refusal("tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 3), dtype=float32)");
    expect(e.code).toBe("claim-shape-mismatch");
    expect(e.message).toMatch(/states shape \(2, 3\) but its data has shape \(2, 2\)/);
  });

  it("the stated shape places the cells of a summarised print", () => {
    const c = read("tf.Tensor(\n[[ 0.  1. ...  8.  9.]\n [10. 11. ... 18. 19.]\n ...\n [90. 91. ... 98. 99.]], shape=(10, 10), dtype=float32)");
    expect(c.shape).toEqual([10, 10]);
    expect(c.claim.elided).toBe(100 - 3 * 4);
    expect(c.cells.slice(0, 4)).toEqual(["0", "1", "?", "?"]);
    expect(c.cells.slice(96)).toEqual(["?", "?", "98", "99"]);
  });
});
