/**
 * Markdown with `$…$` and `$$…$$` (each `$$` on its own line), readable by KaTeX, MathJax,
 * Obsidian, VS Code, Jupyter and GitHub.
 */
import { PLACEHOLDER, unfoldDetails, type MathItem } from "./document.ts";

/**
 * Replaces the placeholders of a template's output with Markdown maths; figures are dropped.
 *
 * @example finishMarkdown("a \uE0000\uE001", [{ tex: "x", display: false }]) // "a $x$"
 */
export function finishMarkdown(text: string, math: readonly MathItem[]): string {
  return unfoldDetails(text)
    .replace(PLACEHOLDER.display, (_, i: string) => `$$\n${math[Number(i)]!.tex}\n$$`)
    .replace(PLACEHOLDER.inline, (_, i: string) => `$${math[Number(i)]!.tex}$`)
    .replace(PLACEHOLDER.figure, "")
    .replace(/\n{3,}/g, "\n\n");
}
