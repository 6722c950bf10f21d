/**
 * Derivation → document. One pipeline for every text format: each step's view (maths as TeX,
 * for KaTeX or for pdflatex) goes through its locale's template, giving Markdown with
 * placeholders; the placeholders then become `$…$` (md), KaTeX HTML with SVG figures (html) or
 * LaTeX (tex). `json` is the derivation itself.
 */
import type { Derivation, Step } from "../explain/types.ts";
import { documentBuilder, tidy } from "./document.ts";
import { finishHtml } from "./html.ts";
import { renderHtmlPage } from "./html-page.ts";
import { latexBody, latexDocument } from "./latex.ts";
import { finishMarkdown } from "./markdown.ts";
import { mathKit } from "./math.ts";
import { stepView } from "./steps/index.ts";
import { figuresFor } from "./figures.ts";
import { katexTarget, latexTarget } from "./tex-target.ts";
import type { Locale } from "../spec/locale.ts";
import { renderTemplate, templateStrings } from "./templates.ts";
import { derivationJson } from "./json.ts";

/**
 * An output format of a walkthrough.
 *
 * @example
 * const format: Format = "html";
 */
export type Format = "md" | "html" | "tex" | "json";

/**
 * Every format, in the order `--format` lists them.
 *
 * @example
 * FORMATS // → ["md", "html", "tex", "json"]
 */
export const FORMATS: readonly Format[] = ["md", "html", "tex", "json"];

/**
 * How {@link renderDerivation} writes a derivation.
 *
 * @example
 * const opts: RenderOptions = { format: "md", locale: "zh-CN" };
 */
export interface RenderOptions {
  readonly format: Format;
  readonly locale: Locale;
  /** Overrides the document title (escaped by every format). */
  readonly title?: string;
}

interface LocaleStrings { readonly title: { readonly transposed: string; readonly conv: string }; readonly separator: string; readonly description: string }

/** templates/<locale>/strings.json: the few words outside the templates (titles). */
export function localeStrings(locale: Locale): LocaleStrings {
  return templateStrings(locale) as LocaleStrings;
}

/** The document title for a derivation. */
export function documentTitle(d: Derivation, locale: Locale): string {
  const { title: t, separator } = localeStrings(locale);
  return `${d.info.op === "transposed" ? t.transposed : t.conv}${separator}${d.info.inSpatial.join("×")} → ${d.info.outSpatial.join("×")}`;
}

/**
 * Renders a derivation.
 *
 * @example
 * const d = explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }));
 * renderDerivation(d, { format: "md", locale: "en" }).startsWith("# Transposed convolution") // → true
 * JSON.parse(renderDerivation(d, { format: "json", locale: "en" })).output // → [1, 2, 0, 3, 3, -2, 0, -3, -4]
 */
export function renderDerivation(d: Derivation, opts: RenderOptions): string {
  if (opts.format === "json") return derivationJson(d);
  const kit = mathKit(d, opts.format === "tex" ? latexTarget : katexTarget);
  const doc = documentBuilder();
  const title = opts.title ?? documentTitle(d, opts.locale);
  const data = (extra: object) => ({ d, doc, m: doc.m, dm: doc.dm, fig: doc.fig, details: doc.details, endDetails: doc.endDetails, base: d.indexBase, ...extra });
  // Whether the input's entries differ from their names (then the names are shown beside them).
  const inputNamed = d.x.data.some((e, i) => e.kind !== "symbol" || e.tex !== d.names.x[i]);
  const kinds = d.steps.map((s) => s.kind);
  let text = renderTemplate(opts.locale, "walk.md.eta", data({
    title, kinds, colouring: kit.colouring, focusName: d.names.y[d.focus]!,
    inputNamed,
    // Only the HTML page carries the diagrams (scatter and direct convolution draw input cells).
    diagrams: opts.format === "html" && (kinds.includes("direct") || (d.info.op === "transposed" && kinds.includes("scatter"))),
  }));
  d.steps.forEach((step: Step, i: number) => {
    text += "\n\n" + renderTemplate(opts.locale, `walk.${step.kind}.md.eta`, data({ v: stepView(step, kit), s: step, number: i + 1, kinds: d.steps.map((t) => t.kind) }));
  });
  text = tidy(text);
  switch (opts.format) {
    case "md": return finishMarkdown(text, doc.math);
    case "html": {
      const body = finishHtml(text, doc.math, figuresFor(d, opts.locale));
      return renderHtmlPage({ title, lang: opts.locale, bodyHtml: body, description: localeStrings(opts.locale).description });
    }
    case "tex": {
      const widest = Math.max(...doc.math.map((m) => maxColumns(m.tex)));
      return latexDocument(title, latexBody(text.replace(/^# .*\n/, ""), doc.math), opts.locale, widest);
    }
    default: {
      const never: never = opts.format;
      throw new Error(`renderDerivation: unknown format ${String(never)}`);
    }
  }
}

/** The most `&`-separated columns in any matrix row of a TeX string (for MaxMatrixCols). */
function maxColumns(tex: string): number {
  let max = 0;
  for (const row of tex.split(/\\\\|\\begin\{bmatrix\}|\\end\{bmatrix\}/)) max = Math.max(max, row.split("&").length);
  return max;
}
