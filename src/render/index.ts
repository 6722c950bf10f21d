/**
 * Derivation → document. One pipeline for every text format: each step's view (maths as TeX,
 * for KaTeX or for pdflatex) goes through its locale's template, giving Markdown with
 * placeholders; the placeholders then become `$…$` (md), KaTeX HTML with SVG figures (html) or
 * LaTeX (tex). `json` is the derivation itself.
 */
import type { Derivation, Step } from "../explain/types.ts";
import { documentBuilder, PLACEHOLDER, tidy } from "./document.ts";
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
  const { title, head, section, doc } = walkMarkdown(d, opts);
  const text = tidy(head + d.steps.map((_, i) => "\n\n" + section(i)).join(""));
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

/**
 * A walkthrough as Markdown with placeholders: the opening, then one piece per section, each
 * derived (its view and template) the first time it is asked for.
 */
function walkMarkdown(d: Derivation, opts: { format: Format; locale: Locale; title?: string }) {
  const kit = mathKit(d, opts.format === "tex" ? latexTarget : katexTarget);
  const doc = documentBuilder();
  const title = opts.title ?? documentTitle(d, opts.locale);
  const data = (extra: object) => ({ d, doc, m: doc.m, dm: doc.dm, fig: doc.fig, details: doc.details, endDetails: doc.endDetails, base: d.indexBase, ...extra });
  // Whether the input's entries differ from their names (then the names are shown beside them).
  const inputNamed = d.x.data.some((e, i) => e.kind !== "symbol" || e.tex !== d.names.x[i]);
  const kinds = d.steps.map((s) => s.kind);
  const head = renderTemplate(opts.locale, "walk.md.eta", data({
    title, kinds, colouring: kit.colouring, focusName: d.names.y[d.focus]!,
    inputNamed,
    // Only the HTML page carries the diagrams (scatter and direct convolution draw input cells).
    diagrams: opts.format === "html" && (kinds.includes("direct") || (d.info.op === "transposed" && kinds.includes("scatter"))),
  }));
  const done: string[] = [];
  const section = (i: number): string => (done[i] ??= renderTemplate(opts.locale, `walk.${d.steps[i]!.kind}.md.eta`,
    data({ v: stepView(d.steps[i]!, kit), s: d.steps[i]!, number: i + 1, kinds })));
  return { title, head, section, doc };
}

/**
 * An HTML walkthrough in parts that are finished (KaTeX, diagrams) only when asked for, so a
 * page can show the opening and the first sections at once and the rest as the reader reaches
 * them. The parts joined in order are the body `renderDerivation` writes (the same numbering,
 * maths and figures); a section's view and Markdown are derived when it (or a later one) is finished.
 *
 * @example
 * const d = explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }));
 * const parts = renderHtmlParts(d, { locale: "en" });
 * parts.sections.map((s) => s.kind).join(",") // → "problem,size,scatter,cells,matrix,gradient,direct,roundtrip,overlap,check"
 * parts.sections[1].html().startsWith("<h2>2. Output size</h2>") // → true
 */
export function renderHtmlParts(d: Derivation, opts: { locale: Locale; title?: string }): HtmlParts {
  const { title, head, section, doc } = walkMarkdown(d, { ...opts, format: "html" });
  // Each figure is drawn the first time a section asks for it.
  const drawn = new Map<string, string | undefined>();
  const figures = new Proxy({} as Record<string, string>, {
    get: (_, name) => {
      if (typeof name !== "string") return undefined;
      if (!drawn.has(name)) drawn.set(name, figuresFor({ ...d, steps: d.steps.filter((s) => s.kind === name) }, opts.locale)[name]);
      return drawn.get(name);
    },
  });
  // A display formula already shown earlier (in document order) is marked as a repeat, as in the whole page.
  const displayed = (text: string) => Array.from(text.matchAll(PLACEHOLDER.display), (m) => doc.math[Number(m[1])]!.tex);
  const shownBefore = (i: number): Set<string> => {
    const seen = new Set<string>(displayed(head));
    for (let j = 0; j < i; j++) for (const tex of displayed(section(j))) seen.add(tex);
    return seen;
  };
  return {
    title,
    head: () => finishHtml(tidy(head), doc.math, figures),
    sections: d.steps.map((step, i) => ({ kind: step.kind, html: () => finishHtml(tidy(section(i)), doc.math, figures, shownBefore(i)) })),
  };
}

/** What {@link renderHtmlParts} returns: the title, the opening and the sections, each finished on demand. */
export interface HtmlParts {
  readonly title: string;
  head(): string;
  readonly sections: readonly { readonly kind: Step["kind"]; html(): string }[];
}

/** The most `&`-separated columns in any matrix row of a TeX string (for MaxMatrixCols). */
function maxColumns(tex: string): number {
  let max = 0;
  for (const row of tex.split(/\\\\|\\begin\{bmatrix\}|\\end\{bmatrix\}/)) max = Math.max(max, row.split("&").length);
  return max;
}
