/**
 * Where generated TeX is going. KaTeX (Markdown and HTML) takes colours as hex in `\textcolor`;
 * pdflatex's xcolor needs named colours, defined once in the preamble. Everything else in the
 * maths is the same for both.
 */
import { INPUT_PALETTE, texColour } from "./svg/palette.ts";

export interface TexTarget {
  readonly name: "katex" | "latex";
  /**
   * `tex` in the colour of palette slot `slot` (the palette every diagram uses); a neutral slot
   * (-1) leaves it uncoloured. Renderers map a cell to its slot with the page's `InputColouring`.
   */
  colour(slot: number, tex: string): string;
}

/** KaTeX and MathJax: hex colours inline. */
export const katexTarget: TexTarget = { name: "katex", colour: texColour };

/** pdflatex: `\textcolor{tconvN}{…}` with the colours defined by {@link latexColourDefinitions}. */
export const latexTarget: TexTarget = {
  name: "latex",
  colour: (slot, tex) => (slot < 0 || slot >= INPUT_PALETTE.length ? tex : `\\textcolor{tconv${String.fromCharCode(97 + slot)}}{${tex}}`),
};

/**
 * The preamble lines defining the palette for pdflatex.
 *
 * @example latexColourDefinitions()[0] // "\\definecolor{tconva}{HTML}{0072B2}"
 */
export function latexColourDefinitions(): string[] {
  return INPUT_PALETTE.map((p, i) => `\\definecolor{tconv${String.fromCharCode(97 + i)}}{HTML}{${p.strong.slice(1)}}`);
}
