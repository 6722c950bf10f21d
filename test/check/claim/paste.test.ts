import { describe, expect, it } from "vitest";
import { lastTensor, tensorsIn, withoutPrompts } from "../../../src/check/claim/paste.ts";
import { read, SEED } from "./read.ts";

describe("what surrounds a tensor in a paste", () => {
  it("Jupyter's Out[7]: prefix", () => {
    expect(read("Out[7]: tensor([[ 1.,  2.,  0.],\n        [ 3.,  3., -2.],\n        [ 0., -3., -4.]])")).toMatchObject({ form: "torch", cells: SEED });
  });

  it("a Python assignment Y = [[...]]", () => {
    expect(read("Y = [[1, 2, 0], [3, 3, -2], [0, -3, -4]]")).toMatchObject({ form: "array-literal", shape: [3, 3], cells: SEED });
  });

  it("several tensors: the last is the claim, and the count is kept", () => {
    const c = read("X = tensor([[1., 2.], [3., 4.]])\nK = tensor([[1., 0.], [0., -1.]])\ntensor([[ 1.,  2.,  0.],\n        [ 3.,  3., -2.],\n        [ 0., -3., -4.]])");
    expect(c.cells).toEqual(SEED);
    expect(c.claim.tensors).toBe(3);
    expect(read("[[1, 2]]").claim.tensors).toBeUndefined();
  });

  it("LaTeX with several matrices says how many it held", () => {
    expect(read("$$ \\begin{bmatrix} 1 \\end{bmatrix} = \\begin{bmatrix} 2 \\end{bmatrix} $$").claim.tensors).toBe(2);
  });

  it("prompts are dropped, the code around a print is passed over", () => {
    expect(withoutPrompts(">>> print(y)\nOut[3]: 5")).toBe("print(y)\n5");
    expect(tensorsIn("print(torch.tensor([[1, 2]]))")).toEqual(["torch.tensor([[1, 2]])"]);
    expect(tensorsIn("<tf.Tensor: shape=(1,), dtype=int32, numpy=array([1], dtype=int32)> then [2]"))
      .toEqual(["<tf.Tensor: shape=(1,), dtype=int32, numpy=array([1], dtype=int32)>", "[2]"]);
    expect(lastTensor("1 2 / 3 4")).toEqual({ text: "1 2 / 3 4", count: 1 });
  });

  it("a quoted ) inside a print does not end it", () => {
    expect(tensorsIn("tensor([1.], device='cuda:0)')")).toEqual(["tensor([1.], device='cuda:0)')"]);
  });
});
