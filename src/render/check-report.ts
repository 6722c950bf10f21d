/**
 * The checker's report: the contract JSON, a concise plain-text summary, and a Markdown or HTML
 * document a teacher could hand back (wrong cells boxed, each one's derivation — formula, numbers,
 * result — and the mistake in plain words, English or Chinese). The model (check-report/model.ts)
 * turns a CheckResult into data with ready TeX strings; its views are the JSON (json.ts) and the
 * templates/<locale>/check.*.eta documents (views.ts).
 */
export type ReportFormat = "md" | "html" | "text";
export type { ReportOptions } from "./check-report/texts.ts";
export { checkJson, type CheckJson } from "./check-report/json.ts";
export {
  checkReportModel,
  type AxisView, type CellView, type CheckReportModel, type DiagnosisView, type ExplanationView, type FlipView, type ReadingView,
} from "./check-report/model.ts";
export { renderCheckHtml, renderCheckMarkdown, renderCheckText } from "./check-report/views.ts";
