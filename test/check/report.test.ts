import { describe, expect, it } from "vitest";
import { fc, test as fcTest } from "@fast-check/vitest";
import katex from "katex";
import { checkClaim, mistakeContext } from "../../src/check/check.ts";
import type { Claim } from "../../src/check/claim/index.ts";
import { problemMistakes } from "../../src/check/mistakes/index.ts";
import { checkJson, renderCheckHtml, renderCheckMarkdown, renderCheckText } from "../../src/render/check-report.ts";
import { Rational } from "../../src/algebra/rational.ts";
import type { Locale } from "../../src/spec/locale.ts";
import { arbitraryProblem } from "./arbitrary.ts";

/** Every $…$ and $$…$$ of a Markdown report. */
function mathOf(md: string): string[] {
  const display = [...md.matchAll(/\$\$([\s\S]+?)\$\$/g)].map((m) => m[1]!);
  const inline = [...md.replace(/\$\$[\s\S]+?\$\$/g, "").matchAll(/\$([^$\n]+?)\$/g)].map((m) => m[1]!);
  return [...display, ...inline];
}
const strict = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: "error", trust: false });

describe("reports of random mistakes", () => {
  fcTest.prop([arbitraryProblem({ maxRank: 2, channels: true }), fc.nat(), fc.constantFrom<Locale>("en", "zh-CN")], { numRuns: 40 })(
    "every formula of the Markdown report renders in KaTeX (strict), and the text and JSON forms build",
    async (problem, pick, lang) => {
      const ctx = mistakeContext(problem);
      const variants = problemMistakes.flatMap((m) => m.recompute(ctx));
      const v = variants[pick % variants.length];
      fc.pre(v !== undefined);
      const shape = problem.layout === "plain" ? v.info.outputShape.slice(2) : [...v.info.outputShape];
      const claim: Claim = { form: "array-literal", shape, entries: v.values.map((x) => ({ kind: "exact", value: x as Rational })) };
      const result = checkClaim({ problem, claim });
      const md = await renderCheckMarkdown(problem, result, { lang, indexBase: 1 });
      for (const tex of mathOf(md)) expect(() => strict(tex), tex).not.toThrow();
      expect(md).not.toMatch(/undefined|NaN|\[object/);
      const text = await renderCheckText(problem, result, { lang });
      expect(text).not.toMatch(/undefined|NaN|\[object/);
      expect(JSON.parse(JSON.stringify(checkJson(problem, result))).correct).toBe(result.correct);
    },
  );
});

describe("the HTML report", () => {
  it("in Chinese: lang zh-CN, KaTeX rendered, no error nodes, nothing external", async () => {
    const arb = arbitraryProblem({ maxRank: 2 });
    const [problem] = fc.sample(arb, { numRuns: 1, seed: 7 });
    const ctx = mistakeContext(problem!);
    const claim: Claim = {
      form: "array-literal", shape: [...problem!.info.outSpatial],
      entries: ctx.truth.map((x, i) => ({ kind: "exact", value: i === 0 ? (x as Rational).add(Rational.ONE) : x as Rational })),
    };
    const result = checkClaim({ problem: problem!, claim });
    expect(result.wrong.map((c) => c.cell)).toEqual([0]);
    const html = await renderCheckHtml(problem!, result, { lang: "zh-CN" });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("核对手算结果");
    expect(html).not.toContain("katex-error");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
