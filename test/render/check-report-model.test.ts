/**
 * The check report's model is data: counts, flags that choose sentences, and TeX strings. The
 * size formulas are the walkthrough's own, and large outputs are elided by the walkthrough's
 * LIMITS instead of a limit of the report's own.
 */
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { LIMITS } from "../../src/explain/elision.ts";
import { explain } from "../../src/explain/index.ts";
import { checkReportModel } from "../../src/render/check-report.ts";
import { sizeFormula, sizeView } from "../../src/render/steps/size.ts";
import type { SizeStep } from "../../src/explain/types.ts";
import type { MathKit } from "../../src/render/math.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";

const SEED = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };
const model = (opts: Parameters<typeof check>[0], lang: "en" | "zh-CN" = "en") => {
  const { problem, result } = check(opts);
  return checkReportModel(problem, result, { lang });
};

describe("the check report model", () => {
  it("a correct claim: correct, nothing to derive, no diagnosis, no flip", () => {
    const m = model({ ...SEED, claim: "[[1,2,0],[3,3,-2],[0,-3,-4]]" });
    expect(m).toMatchObject({ correct: true, outputCorrect: true, compared: 9, wrongCount: 0, cells: [], diagnosis: [], sole: false, lang: "en" });
    expect(m.flip).toBeUndefined();
  });

  it("one slip: the wrong cell derived, boxed in the grids, and the sole diagnosis", () => {
    const m = model({ ...SEED, claim: "[[1,2,0],[3,3,-2],[0,-3,4]]" }, "zh-CN");
    expect(m.lang).toBe("zh-CN");
    expect(m.cells.map((c) => [c.label, c.derivation, c.claimedPlain, c.expectedPlain]))
      .toEqual([["y_{2,2}", "y_{2,2} = x_{1,1}w_{1,1} = 4\\cdot(-1) = -4", "4", "-4"]]);
    expect(m.sole).toBe(true);
    expect(m.diagnosis.map((d) => d.id)).toEqual(["sign-error"]);
    expect(m.matrices?.boxed).toBe(true);
    expect(m.matrices?.claimed).toContain("\\boxed{{\\color{red}4}}");
    expect(m.matrices?.expected).toBe("\\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & \\boxed{-4} \\end{bmatrix}");
  });

  it("a wrong size is explained with the walkthrough's size formula and numbers, for transposed and conv", () => {
    const transposed = model({ ...SEED, claim: "[[1,2],[3,4]]" });
    const d = explain(parseProblem(SEED), { sections: ["size"] });
    const step = d.steps.find((s) => s.kind === "size") as SizeStep;
    const walk = sizeView(step, {} as MathKit);
    expect(transposed.shape.ok).toBe(false);
    expect(transposed.shape.axes.map((a) => [a.formula, "o = " + a.numbers])).toEqual([
      [walk.formula, "o = " + walk.lines[0]!.substituted], [walk.formula, "o = " + walk.lines[0]!.substituted],
    ]);
    const conv = model({ op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]", claim: "[[1,2,3],[4,5,6],[7,8,9]]" });
    expect(conv.shape.axes[0]).toMatchObject({ formula: sizeFormula("conv", "tex"), expected: 2, claimed: 3 });
    expect(conv.shape.axes[0]!.numbers).toBe("\\left\\lfloor \\frac{3 + 0 + 0 - 1\\cdot(2 - 1) - 1}{1} \\right\\rfloor + 1 = 2");
  });

  it("shapes are written in the user's layout, without N for an unbatched tf input", () => {
    const m = model({ layout: "tf", input: "[[[1],[2]],[[3],[4]]]", kernel: "[[[[1],[0]],[[0],[1]]],[[[0],[1]],[[-1],[0]]]]", claimShape: "2,2,2" });
    expect(m.shape).toMatchObject({ ok: false, expected: "3\\times 3\\times 2", claimed: "2\\times 2\\times 2" });
  });

  it("a long output is elided past LIMITS.axis as the walkthrough's grids are, keeping the wrong cell in view", () => {
    const n = 2 * LIMITS.axis;
    const input = `[${Array.from({ length: n }, (_, i) => i + 1).join(",")}]`;
    const truth = Array.from({ length: n }, (_, i) => i + 1);
    const claim = [...truth];
    claim[n - 4] = 0;
    const m = model({ input, kernel: "[1]", claim: `[${claim.join(",")}]` });
    expect(m.matrices?.expected).toContain("\\cdots");
    expect(m.matrices?.expected).toContain(`\\boxed{${n - 3}}`);
    expect(m.problem.input).toContain("\\cdots");
    expect(m.matrices?.expected.split("&").length).toBeLessThan(n);
  });
});
