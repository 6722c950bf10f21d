import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { SEED_FORMS } from "../check/claim/read.ts";

describe("check() reads what people paste", () => {
  it.each(SEED_FORMS)("%s: the seed's answer is correct", (_name, claim) => {
    const { result } = check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim });
    expect(result.correct).toBe(true);
    expect(result.compared).toBe(9);
  });

  it("claimShape places a summarised print's elided cells; a stated shape that disagrees is refused on claim", () => {
    expect(check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: "tensor([[1., ..., 0.], [3., ..., -2.], [0., ..., -4.]])", claimShape: [3, 3] }).result)
      .toMatchObject({ correct: true, unknown: 3, reading: { form: "torch", elided: 3 } });
    expect(() => check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: "<tf.Tensor: shape=(3, 2), dtype=int32, numpy=array([[1, 2, 0]], dtype=int32)>" }))
      .toThrow(expect.objectContaining({ path: "claim", code: "claim-shape-mismatch" }));
  });
});
