/**
 * The checker reads claims in the user's layout through the spec layer's one output permutation:
 * batched and unbatched, torch and tf. An unbatched tf claim is written [*out, C_out] and its
 * cells, shapes and report are given in that form, never with an N axis the user did not write.
 */
import { describe, expect, it } from "vitest";
import { canonicalShapeOf, layoutIndexOf, toCanonical, type OutputLayout } from "../../src/check/layout.ts";
import { check } from "../../src/api/check.ts";
import { evaluate, nestedOutput } from "../../src/api/evaluate.ts";
import { checkJson, renderCheckText } from "../../src/render/check-report.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("claims in a layout are mapped to the canonical output and back", () => {
  // Canonical output [N=1, C=2, 2, 3]: cell value = its canonical flat index.
  const canon = [1, 2, 2, 3];
  const cases: readonly (readonly [string, OutputLayout, number[]])[] = [
    ["torch, batched", { layout: "torch", batched: true }, [1, 2, 2, 3]],
    ["torch, unbatched", { layout: "torch", batched: false }, [2, 2, 3]],
    ["tf, batched", { layout: "tf", batched: true }, [1, 2, 3, 2]],
    ["tf, unbatched", { layout: "tf", batched: false }, [2, 3, 2]],
  ];
  it.each(cases)("%s: the shape, every index and the data agree", (_name, to, layoutShape) => {
    expect(canonicalShapeOf(layoutShape, to, 2)).toEqual(canon);
    // The claim written in the layout: entry at layout index = the canonical flat index of that cell.
    const written = range(12).map((flat) => layoutIndexOf(flat, canon, to, 2));
    const strides = layoutShape.map((_, a) => layoutShape.slice(a + 1).reduce((x, y) => x * y, 1));
    const data = new Array<number>(12);
    written.forEach((idx, flat) => { data[idx.reduce((s, v, a) => s + v * strides[a]!, 0)] = flat; });
    expect(toCanonical(data, layoutShape, to, 2)).toEqual(range(12));
  });

  it("tf writes the channel last: canonical cell (c=1, 0, 2) is [0, 2, 1] unbatched and [0, 0, 2, 1] batched", () => {
    const flat = 1 * 6 + 0 * 3 + 2;
    expect(layoutIndexOf(flat, canon, { layout: "tf", batched: false }, 2)).toEqual([0, 2, 1]);
    expect(layoutIndexOf(flat, canon, { layout: "tf", batched: true }, 2)).toEqual([0, 0, 2, 1]);
  });
});

describe("an unbatched tf problem checked end to end", () => {
  // Input [H, W, C_in] = [2, 2, 1]; kernel [kh, kw, C_out, C_in] = [2, 2, 2, 1]: output [3, 3, 2].
  const opts = { layout: "tf", input: "[[[1],[2]],[[3],[4]]]", kernel: "[[[[1],[0]],[[0],[1]]],[[[0],[1]],[[-1],[0]]]]" };
  const truth = nestedOutput(evaluate(opts)) as number[][][];

  it("the true output, written [H, W, C_out], is correct", () => {
    expect(check({ ...opts, claim: JSON.stringify(truth) }).result.correct).toBe(true);
  });

  it("a wrong cell is reported at its [i, j, c] index, and the JSON's shapes have no N axis", () => {
    const claim = truth.map((row) => row.map((cell) => [...cell]));
    claim[2]![1]![1] = 99;
    const { problem, result } = check({ ...opts, claim: JSON.stringify(claim) });
    expect(result.batched).toBe(false);
    const json = checkJson(problem, result);
    expect(json.wrong.map((w) => [w.index, w.expected, w.claimed])).toEqual([[[2, 1, 1], truth[2]![1]![1], 99]]);
    expect(json.shape).toMatchObject({ ok: true, expected: [3, 3, 2], claimed: [3, 3, 2] });
  });

  it("a wrong shape is stated in the user's unbatched layout (3×3×2, not 1×3×3×2)", async () => {
    const { problem, result } = check({ ...opts, claim: "[[[1,2],[3,4]],[[1,2],[3,4]]]" });
    expect(checkJson(problem, result).shape).toMatchObject({ ok: false, expected: [3, 3, 2], claimed: [2, 2, 2] });
    expect((await renderCheckText(problem, result)).split("\n")[0]).toBe("wrong shape: expected 3x3x2, claimed 2x2x2");
  });

  it("the same problem batched keeps its N axis everywhere", () => {
    const batched = { ...opts, input: "[[[[1],[2]],[[3],[4]]]]" };
    const { problem, result } = check({ ...batched, claim: JSON.stringify([truth]) });
    expect(result.correct).toBe(true);
    expect(checkJson(problem, result).shape.expected).toEqual([1, 3, 3, 2]);
  });
});
