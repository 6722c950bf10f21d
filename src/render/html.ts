/**
 * The HTML body: the template's Markdown through the template-subset converter (identical output
 * to markdown-it with raw HTML off, so nothing a user wrote can become markup), maths pre-rendered
 * by KaTeX in strict mode, SVG figures inserted. The page shell (fonts, CSS) is the HTML
 * renderer's `renderHtmlPage`.
 */
import { renderMathHtml } from "./html-page.ts";
import { PLACEHOLDER, type MathItem } from "./document.ts";
import { markdownToHtml } from "./markdown-html.ts";

const rendered = new Map<string, string>();

/** KaTeX output memoised per process: documents repeat the same result grid in several views. */
function mathHtml(tex: string, display: boolean): string {
  const key = (display ? "D" : "I") + tex;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderMathHtml(tex, { display });
    rendered.set(key, html);
  }
  return html;
}

/**
 * Turns a template's Markdown (with placeholders) into an HTML body fragment.
 *
 * @example finishHtml("# T\n\n\uE0020\uE003\n", [{ tex: "x", display: true }], {}) // "<h1>T</h1>\n<div class=\"math-display\">…"
 */
export function finishHtml(text: string, math: readonly MathItem[], figures: Readonly<Record<string, string>>, shownBefore?: ReadonlySet<string>): string {
  const html = markdownToHtml(text);
  // A display formula the page has already shown (the result Y every view ends at) is marked, so
  // print can set it compactly: the reader has seen it in full. `shownBefore`: what earlier parts
  // of the same page showed, when the page is finished part by part.
  const seen = new Set<string>(shownBefore);
  return html
    .replace(new RegExp(`<p>${PLACEHOLDER.display.source}</p>`, "g"), (_: string, i: string) => {
      const tex = math[Number(i)]!.tex;
      const repeat = seen.has(tex);
      seen.add(tex);
      return `<div class="math-display${repeat ? " repeat" : ""}">${mathHtml(tex, true)}</div>`;
    })
    .replace(PLACEHOLDER.display, (_: string, i: string) => mathHtml(math[Number(i)]!.tex, true))
    .replace(PLACEHOLDER.inline, (_: string, i: string) => mathHtml(math[Number(i)]!.tex, false))
    .replace(new RegExp(`<p>${PLACEHOLDER.figure.source}</p>`, "g"), (_: string, name: string) =>
      figures[name] ? `<figure class="diagram">${figures[name]}</figure>` : "")
    .replace(PLACEHOLDER.figure, "")
    .replace(new RegExp(`<p>${PLACEHOLDER.details.source}</p>`, "g"), (_: string, summary: string) =>
      `<details class="full-list"><summary>${summary}</summary>`)
    .replace(new RegExp(`<p>${PLACEHOLDER.detailsEnd.source}</p>`, "g"), "</details>");
}
