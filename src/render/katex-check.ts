/**
 * KaTeX as the referee of every maths string tconv writes: `throwOnError`, `strict: "error"`
 * (anything KaTeX would merely warn about is an error) and `trust: false` (no `\href`,
 * `\includegraphics` or other commands that reach outside the page).
 */
import katex from "katex";

/**
 * Throws KaTeX's ParseError when `tex` is not strictly valid; returns the HTML otherwise.
 *
 * @example validateTex("x_{0,1}\\cdot w") // "<span class=\"katex\">…"
 */
export function validateTex(tex: string, display = false): string {
  return katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error", trust: false });
}

/**
 * The maths of a tconv Markdown document: `$$` blocks (each `$$` on its own line) and inline
 * `$…$` outside code.
 *
 * @example mathInMarkdown("a $x$\n\n$$\ny\n$$\n") // [{ tex: "y", display: true }, { tex: "x", display: false }]
 */
export function mathInMarkdown(md: string): { tex: string; display: boolean }[] {
  const out: { tex: string; display: boolean }[] = [];
  const withoutCode = md.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const rest = withoutCode.replace(/^\$\$\n([\s\S]*?)\n\$\$$/gm, (_: string, tex: string) => { out.push({ tex, display: true }); return ""; });
  for (const m of rest.matchAll(/\$([^$\n]+)\$/g)) out.push({ tex: m[1]!, display: false });
  return out;
}
