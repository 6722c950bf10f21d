import { describe, expect, it } from "vitest";
import { evaluate, evaluationJson } from "../../src/api/evaluate.ts";
import { explain, parseSections } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { closeTo, runScripts } from "../python.ts";

const seed = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };

describe("the optional code section", () => {
  it("is off by default and comes when --sections asks for it", () => {
    expect(explain(parseProblem(seed)).steps.map((s) => s.kind)).not.toContain("code");
    expect(explain(parseProblem({ ...seed, op: "conv" })).steps.map((s) => s.kind)).not.toContain("code");
    expect(parseSections("problem,code", parseProblem({ ...seed, op: "conv" }).info)).toEqual(["problem", "code"]);
    const d = explain(parseProblem(seed), { sections: ["problem", "code"] });
    expect(d.steps[1]).toEqual({ kind: "code", framework: "torch", layout: "plain", batched: false });
  });

  it("shows a PyTorch script that prints what eval --json prints, in the user's layout", () => {
    const problems = [
      { layout: "tf", input: "[[[[1],[2]],[[3],[4]]]]", kernel: "[[[[1]],[[2]]],[[[0]],[[-1]]]]", stride: 2, padding: "1,0,0,0", bias: "[1/2]" },
      { ...seed, op: "conv", padding: 1 },
    ];
    const scripts = problems.map((o) => {
      const md = renderDerivation(explain(parseProblem(o), { sections: ["code"] }), { format: "md", locale: "en" });
      const m = /```python\n([\s\S]*?)```/.exec(md);
      expect(m, md).not.toBeNull();
      return m![1]!;
    });
    const results = runScripts(scripts);
    problems.forEach((o, i) => {
      const res = results[i]!;
      if (!("stdout" in res)) throw new Error(res.error);
      const ours = JSON.parse(evaluationJson(evaluate(o))) as { shape: number[]; output: unknown };
      const theirs = JSON.parse(res.stdout) as { shape: number[]; output: unknown };
      expect(theirs.shape).toEqual(ours.shape);
      expect(closeTo(theirs.output, ours.output)).toBe(true);
    });
  }, 60_000);

  it("the problem section points to it only when it is there", () => {
    const withCode = renderDerivation(explain(parseProblem(seed), { sections: ["problem", "size", "code"] }), { format: "md", locale: "en" });
    expect(withCode).toContain("Section 3 (Code) has a runnable PyTorch script");
    const without = renderDerivation(explain(parseProblem(seed), { sections: ["problem", "size"] }), { format: "md", locale: "en" });
    expect(without).not.toContain("(Code)");
    const zh = renderDerivation(explain(parseProblem(seed), { sections: ["problem", "code"] }), { format: "md", locale: "zh-CN" });
    expect(zh).toContain("第 2 节（代码）给出一个可运行的 PyTorch 脚本");
    expect(zh).toContain("## 2. 代码");
  });

  it("says why there is no script: symbols, or more axes than PyTorch has", () => {
    const sym = explain(parseProblem({ input: "[[a, 2], [3, 4]]", kernel: "[[1, 0], [0, -1]]", allowSymbols: true }), { sections: ["code"] });
    expect(sym.steps[0]).toMatchObject({ kind: "code", refusal: "symbolic" });
    expect(renderDerivation(sym, { format: "md", locale: "en" })).toContain("a script computes with numbers, so there is no script here");
    const four = explain(parseProblem({ input: "[[[[1, 2]]]]", kernel: "[[[[1]]]]" }), { sections: ["code"] });
    expect(four.steps[0]).toMatchObject({ kind: "code", refusal: "rank" });
    expect(renderDerivation(four, { format: "md", locale: "zh-CN" })).toContain("这个问题有 4 个空间轴");
  });

  it("renders in LaTeX as verbatim and in HTML as a code block", () => {
    const d = explain(parseProblem(seed), { sections: ["code"] });
    expect(renderDerivation(d, { format: "tex", locale: "en" })).toMatch(/\\begin\{verbatim\}\n# A 2-D transposed convolution/);
    expect(renderDerivation(d, { format: "html", locale: "en" })).toContain("F.conv_transpose2d(x, w, None");
  });
});
