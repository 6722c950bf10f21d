/**
 * The shell of every HTML document tconv writes: one self-contained offline file. KaTeX's CSS is
 * inlined with its woff2 fonts as data: URIs (the woff/ttf fallbacks are dropped: every browser
 * that runs KaTeX reads woff2), the page CSS prints well, and nothing is fetched from anywhere.
 */
import katex from "katex";
import { KATEX_CSS } from "../generated/katex-css.ts";
import type { Locale } from "../spec/locale.ts";

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml(`<a href="x">&</a>`) // "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;");
}

/**
 * KaTeX's stylesheet with every font as a woff2 data: URI and no other font sources (embedded at
 * build time by src/build/embed.ts, so nothing is read from disk).
 *
 * @example
 * inlineKatexCss().includes("url(data:font/woff2;base64,") // true
 */
export function inlineKatexCss(): string {
  return KATEX_CSS;
}

/** Readable, printable page CSS; class names are part of what the explain renderer may use. */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --accent: #0072B2; --hl: #fff3bf; --hl-ink: #7a5b00; }
* { box-sizing: border-box; }
html { font-size: 17px; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial,
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; }
:lang(zh-CN) body, body:lang(zh-CN) { line-height: 1.75; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.6rem; }
p, ul, ol { margin: 0.6rem 0; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono", monospace; font-size: 0.9em;
  background: #f4f4f4; padding: 0.05em 0.3em; border-radius: 3px; }
pre { background: #f6f6f6; padding: 0.8rem 1rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 0.8rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: center; vertical-align: middle; }
th { background: #f2f2f2; font-weight: 600; }
caption { caption-side: bottom; color: var(--muted); font-size: 0.9rem; padding-top: 0.3rem; }
.katex { font-size: 1.1em; }
.katex-display, .math-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; margin: 0.8rem 0; }
.cell-highlight, td.cell-highlight { background: var(--hl); outline: 2px solid var(--hl-ink); outline-offset: -2px; font-weight: 600; }
.note { color: var(--muted); font-size: 0.95rem; }
.elided { color: var(--muted); font-style: italic; }
.conventions { background: #f7f9fb; border-left: 4px solid var(--accent); padding: 0.6rem 1rem; margin: 1rem 0; }
.diagram, figure { margin: 1.2rem 0; }
figure { break-inside: avoid; page-break-inside: avoid; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.3rem; }
svg.tconv-diagram { display: block; max-width: 100%; height: auto; }
.step { margin: 1.2rem 0; }
details.full-list { margin: 0.8rem 0; border-left: 3px solid var(--rule); padding-left: 0.8rem; }
details.full-list > summary { cursor: pointer; color: var(--accent); }
/* The complete list comes in pieces (one output row each): set flush left so the pieces line up. */
details.full-list .katex-display > .katex { text-align: left; padding-left: 1.5rem; }
details.full-list .math-display { margin: 0.4rem 0; }
details.full-list .math-display > .katex-display { margin: 0; }
.check-ok { color: #00785A; font-weight: 600; }
.check-bad { color: #B84E00; font-weight: 600; }
@media (max-width: 40rem) { html { font-size: 16px; } main { padding: 1rem 0.8rem 3rem; } }
@media print {
  /* Top and bottom margins are what a printer needs, no more: the sides stay at 13 mm. */
  @page { margin: 10mm 13mm; }
  html { font-size: 9.5pt; }
  body { line-height: 1.35; }
  /* Chinese keeps more leading than Latin text, but less than on screen. */
  :lang(zh-CN) body, body:lang(zh-CN) { line-height: 1.55; }
  h1 { margin-bottom: 0.6rem; }
  h2 { margin: 1.1rem 0 0.4rem; }
  p, ul, ol { margin: 0.4rem 0; }
  .math-display { margin: 0.2rem 0; }
  .math-display > .katex-display { margin: 0; padding: 0.1rem 0; }
  /* Complete lists are folded on screen and printed in full (no script: the details content is shown
     by CSS), in smaller type: they are for looking a cell up, the text derives the featured cells. */
  details.full-list { border-left: none; padding-left: 0; margin: 0.4rem 0; }
  details.full-list .katex { font-size: 0.8em; }
  details.full-list .math-display { margin: 0.2rem 0; }
  /* A result shown again (every view ends at the same Y) is set smaller: it was shown in full before. */
  .math-display.repeat .katex { font-size: 0.75em; }
  svg.tconv-diagram { max-height: 5.5cm; width: auto; }
  .diagram, figure { margin: 0.6rem 0; }
  details.full-list::details-content { content-visibility: visible; display: contents; }
  details.full-list > summary { list-style: none; color: inherit; cursor: auto; }
  details.full-list > summary::-webkit-details-marker { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: underline; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .katex-display, .math-display, figure, .diagram, svg.tconv-diagram, table, pre, .step {
    break-inside: avoid; page-break-inside: avoid; }
  .katex-display, .math-display { overflow: visible; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85em; padding: 0.5rem 0.8rem; }
  .katex { font-size: 1em; }
  .cell-highlight, td.cell-highlight { background: #e6e6e6; outline: 2px solid #000; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export interface HtmlPageOptions {
  /** The document title (escaped here). */
  title: string;
  /** The page's language, written as its `<html lang>`. */
  lang: Locale;
  /** The body, already HTML (KaTeX output and SVG inline); not escaped. */
  bodyHtml: string;
  /** Extra CSS appended after the page CSS. */
  extraCss?: string;
  /** A `<meta name="description">` text (escaped here). */
  description?: string;
  /** Leave KaTeX's CSS out (for pages without math). Default: included. */
  includeKatex?: boolean;
}

/**
 * One self-contained HTML document: `<meta charset>`, `<html lang>`, KaTeX CSS with its fonts
 * inlined, the page CSS, and the body inside `<main>`. No scripts and no external requests.
 *
 * @example
 * const html = renderHtmlPage({ title: "Seed <2×2>", lang: "en", bodyHtml: "<p>hi</p>" });
 * html.startsWith("<!DOCTYPE html>") // true; the title reads "Seed &lt;2×2&gt;"
 */
export function renderHtmlPage(o: HtmlPageOptions): string {
  const katex = o.includeKatex === false ? "" : inlineKatexCss();
  return "<!DOCTYPE html>\n"
    + `<html lang="${o.lang}">\n<head>\n<meta charset="utf-8">\n`
    + `<meta name="viewport" content="width=device-width, initial-scale=1">\n`
    + `<meta name="generator" content="tconv">\n`
    + (o.description ? `<meta name="description" content="${escapeHtml(o.description)}">\n` : "")
    + `<title>${escapeHtml(o.title)}</title>\n`
    + (katex ? `<style>${katex}</style>\n` : "")
    + `<style>${PAGE_CSS}${o.extraCss ?? ""}</style>\n`
    + `</head>\n<body>\n<main>\n${o.bodyHtml}\n</main>\n</body>\n</html>\n`;
}

/**
 * Renders generated TeX to KaTeX HTML, refusing anything KaTeX would not render exactly
 * (`throwOnError`, `strict: "error"`) and never trusting commands like `\href`.
 *
 * @example
 * renderMathHtml("x_{0,1}", { display: false }) // '<span class="katex">…</span>'
 */
export function renderMathHtml(tex: string, o: { display?: boolean } = {}): string {
  // maxExpand guards against recursive macros; this TeX is generated, its symbols validated, and
  // no macro is ever defined, so every expansion is a spacing command (`\,`, `\;`) of a long but
  // finite sum. KaTeX's default (1000) refused a symbolic round trip of a 3×3 problem (fuzzing).
  return katex.renderToString(tex, {
    displayMode: o.display ?? false, throwOnError: true, strict: "error", trust: false, output: "html", maxExpand: Infinity,
  });
}
