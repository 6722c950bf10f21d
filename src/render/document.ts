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

export const PLACEHOLDER = {
  inline: new RegExp(`${INLINE[0]}(\\d+)${INLINE[1]}`, "g"),
  display: new RegExp(`${DISPLAY[0]}(\\d+)${DISPLAY[1]}`, "g"),
  figure: new RegExp(`${FIGURE[0]}([a-z-]+)${FIGURE[1]}`, "g"),
};

/** The helpers templates call, and what they collected. */
export interface DocumentBuilder {
  /** Inline maths. */
  m(tex: string): string;
  /** Display maths, as its own paragraph. */
  dm(tex: string): string;
  /** A figure slot (filled by the HTML renderer, dropped elsewhere), as its own paragraph. */
  fig(name: string): string;
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
  };
}

/** Collapses the blank lines templates leave around blocks. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
