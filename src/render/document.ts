/**
 * The document a template writes: Markdown text with maths and figures held as placeholders
 * (private-use characters around a number), so the same template output becomes Markdown,
 * HTML or LaTeX without any format parsing TeX.
 */

export interface MathItem {
  readonly tex: string;
  readonly display: boolean;
}

const INLINE = ["\uE000", "\uE001"] as const;
const DISPLAY = ["\uE002", "\uE003"] as const;
const FIGURE = ["\uE004", "\uE005"] as const;
const DETAILS = ["\uE006", "\uE007"] as const;
const DETAILS_END = "\uE008";

export const PLACEHOLDER = {
  inline: new RegExp(`${INLINE[0]}(\\d+)${INLINE[1]}`, "g"),
  display: new RegExp(`${DISPLAY[0]}(\\d+)${DISPLAY[1]}`, "g"),
  figure: new RegExp(`${FIGURE[0]}([a-z-]+)${FIGURE[1]}`, "g"),
  /** The start of a complete list (its summary text between the marks) and its end. */
  details: new RegExp(`${DETAILS[0]}([^${DETAILS[1]}]*)${DETAILS[1]}`, "g"),
  detailsEnd: new RegExp(DETAILS_END, "g"),
};

/** The helpers templates call, and what they collected. */
export interface DocumentBuilder {
  /** Inline maths. */
  m(tex: string): string;
  /** Display maths, as its own paragraph. */
  dm(tex: string): string;
  /** A figure slot (filled by the HTML renderer, dropped elsewhere), as its own paragraph. */
  fig(name: string): string;
  /**
   * Opens a complete list that HTML folds on screen (`<details>`, open in print): the summary is
   * a paragraph of its own; Markdown and LaTeX keep it as that paragraph and show the list.
   */
  details(summary: string): string;
  /** Closes the list {@link DocumentBuilder.details} opened. */
  endDetails(): string;
  readonly math: MathItem[];
}

/**
 * A fresh builder.
 *
 * @example
 * const doc = documentBuilder();
 * `size ${doc.m("o = 3")}` // "size \uE0000\uE001"; doc.math[0].tex === "o = 3"
 */
export function documentBuilder(): DocumentBuilder {
  const math: MathItem[] = [];
  return {
    math,
    m: (tex) => { math.push({ tex, display: false }); return `${INLINE[0]}${math.length - 1}${INLINE[1]}`; },
    dm: (tex) => { math.push({ tex, display: true }); return `\n\n${DISPLAY[0]}${math.length - 1}${DISPLAY[1]}\n\n`; },
    fig: (name) => `\n\n${FIGURE[0]}${name}${FIGURE[1]}\n\n`,
    details: (summary) => `\n\n${DETAILS[0]}${summary}${DETAILS[1]}\n\n`,
    endDetails: () => `\n\n${DETAILS_END}\n\n`,
  };
}

/**
 * Markdown and LaTeX show a complete list in full: the summary stays as its own paragraph, the
 * end mark goes.
 *
 * @example unfoldDetails("\uE006Every cell:\uE007\n\nx\n\n\uE008\n") // "Every cell:\n\nx\n\n\n"
 */
export function unfoldDetails(text: string): string {
  return text.replace(PLACEHOLDER.details, (_: string, summary: string) => summary).replace(PLACEHOLDER.detailsEnd, "");
}

/** Collapses the blank lines templates leave around blocks. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
