/**
 * The check report's views in Markdown, HTML and plain text: the model through the shared
 * templates and document helpers (the same path as `explain`).
 */
import type { CheckResult } from "../../check/check.ts";
import type { CheckProblem } from "../../check/problem.ts";
import { checkReportModel, type CheckReportModel } from "./model.ts";
import type { ReportOptions } from "./texts.ts";
import { documentBuilder, tidy } from "../document.ts";
import { finishHtml } from "../html.ts";
import { renderHtmlPage } from "../html-page.ts";
import { finishMarkdown } from "../markdown.ts";
import { renderTemplate } from "../templates.ts";

/** Runs a check template with the document builder; returns its text and the maths it collected. */
function renderWithDocument(name: string, model: CheckReportModel) {
  const doc = documentBuilder();
  const text = tidy(renderTemplate(model.lang, name, { ...model, m: doc.m, dm: doc.dm }));
  return { text, math: doc.math };
}

/**
 * The report in Markdown (math as `$…$` and `$$` blocks, KaTeX ∩ MathJax commands only).
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * renderCheckMarkdown(problem, result).includes("1 of 9 computed cells is wrong") // → true
 * renderCheckMarkdown(problem, result, { lang: "zh-CN" }).startsWith("# 核对手算结果") // → true
 */
export function renderCheckMarkdown(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): string {
  const { text, math } = renderWithDocument("check.md.eta", checkReportModel(problem, result, opts));
  return finishMarkdown(text, math);
}

/**
 * The concise plain-text summary printed when no format is asked for.
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * renderCheckText(problem, result).split("\n")[0] // → "wrong: 1 of 9 computed cells differ"
 */
export function renderCheckText(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): string {
  const model = checkReportModel(problem, result, { ...opts, maxCells: opts.maxCells ?? 8 });
  return renderTemplate(model.lang, "check.txt.eta", model);
}

/**
 * The report as one self-contained HTML page: the same template, its maths pre-rendered by KaTeX
 * (strict, untrusted), inside the shared page shell.
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * renderCheckHtml(problem, result, { lang: "zh-CN" }).startsWith("<!DOCTYPE html>") // → true
 */
export function renderCheckHtml(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): string {
  const model = checkReportModel(problem, result, opts);
  const { text, math } = renderWithDocument("check.md.eta", model);
  const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? "tconv check";
  return renderHtmlPage({ title, lang: model.lang, bodyHtml: finishHtml(text, math, {}) });
}
