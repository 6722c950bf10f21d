import { describe, expect, it } from "vitest";
import { read, refusal, SEED } from "./read.ts";

describe("PyTorch prints", () => {
  it("d2l's print with grad_fn=<ConvolutionBackward0> and four axes", () => {
    const c = read("tensor([[[[ 1.,  2.,  0.],\n          [ 3.,  3., -2.],\n          [ 0., -3., -4.]]]], grad_fn=<ConvolutionBackward0>)");
    expect(c).toMatchObject({ form: "torch", shape: [1, 1, 3, 3], cells: SEED });
  });

  it("device='cuda:0' and requires_grad=True are accepted and ignored", () => {
    const c = read("tensor([[ 1.,  2.,  0.],\n        [ 3.,  3., -2.],\n        [ 0., -3., -4.]], device='cuda:0', requires_grad=True)");
    expect(c).toMatchObject({ form: "torch", shape: [3, 3], cells: SEED });
    expect(c.claim.dtype).toBeUndefined();
  });

  it("scientific notation 1.0000e+00 is read exactly, with the digits printed", () => {
    const c = read("tensor([[ 1.0000e+00,  2.5000e-01],\n        [-3.0000e+00,  1.2346e+03]])");
    expect(c.cells).toEqual(["1", "1/4", "-3", "6173/5"]);
    expect(c.claim.entries.map((e) => (e.kind === "decimal" ? e.digits : e.kind))).toEqual([4, 5, 4, 1]);
  });

  it("dtype=torch.float64 is kept and sets a float64 tolerance on every cell; integer dtypes set none", () => {
    const f = read("tensor([[1., 2.]], dtype=torch.float64)");
    expect(f.claim.dtype).toBe("float64");
    expect(f.claim.entries.every((e) => e.kind !== "unknown" && e.relTol !== undefined && e.relTol < 1e-15)).toBe(true);
    const i = read("tensor([[1, 2]], dtype=torch.int32)");
    expect(i.claim.dtype).toBe("int32");
    expect(i.claim.entries.every((e) => e.kind !== "unknown" && e.relTol === undefined)).toBe(true);
  });

  it("an unknown keyword is refused, naming it", () => {
    expect(refusal("tensor([[1., 2.]], colour='red')").message).toMatch(/unexpected colour=/);
  });
});
