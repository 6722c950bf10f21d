/**
 * Text and attribute safety for generated SVG, and the small conversion from the TeX-like display
 * strings other layers use (`x_{0,1}`, `-1/2`, `w_{1,0}`) to SVG text: SVG cannot hold KaTeX, so
 * subscripts become `<tspan>`s and everything else is escaped text.
 */

/**
 * Escapes the five XML special characters, so user text is inert in SVG and HTML alike.
 *
 * @example
 * escapeXml(`<script>&"'`) // "&lt;script&gt;&amp;&quot;&#39;"
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;");
}

/** Plain replacements for the few TeX commands that display strings carry. */
const TEX_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\\cdot\b\s*/g, "·"], [/\\times\b\s*/g, "×"], [/\\cdots\b\s*/g, "⋯"], [/\\ldots\b\s*/g, "…"],
  [/\\,/g, " "], [/\\!/g, ""], [/\\;/g, " "], [/\\quad\b\s*/g, " "],
];

/**
 * Turns a TeX-like display string into plain text parts: `\frac{a}{b}` → `a/b`, a hyphen-minus
 * → `−`, `\cdot` → `·`, and `_{...}` / `_c` into subscript parts. Unknown commands stay as text.
 *
 * @example
 * plainParts("x_{0,1}") // [{text: "x", sub: false}, {text: "0,1", sub: true}]
 */
export function plainParts(label: string): Array<{ text: string; sub: boolean }> {
  let s = label.replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, "$1/$2");
  for (const [re, to] of TEX_WORDS) s = s.replace(re, to);
  s = s.replace(/\\left|\\right/g, "").replace(/(^|[^\\])-/g, "$1−").replace(/(^|[^\\])-/g, "$1−");
  const parts: Array<{ text: string; sub: boolean }> = [];
  const push = (text: string, sub: boolean) => {
    if (text === "") return;
    const last = parts[parts.length - 1];
    if (last && last.sub === sub) last.text += text;
    else parts.push({ text, sub });
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === "_" && s[i + 1] === "{") {
      const close = s.indexOf("}", i + 2);
      if (close < 0) { push(s.slice(i), false); break; }
      push(s.slice(i + 2, close), true);
      i = close + 1;
    } else if (ch === "_" && i + 1 < s.length) {
      push(s[i + 1]!, true);
      i += 2;
    } else if ((ch === "{" || ch === "}") && s[i - 1] !== "\\") {
      i++;
    } else {
      push(ch, false);
      i++;
    }
  }
  return parts;
}

/**
 * SVG text content for a display string: escaped, with subscripts as lowered, smaller tspans
 * (dy-based rather than baseline-shift, which some renderers ignore).
 *
 * @example
 * svgTextContent("x_{0,1}") // 'x<tspan dy="0.3em" font-size="75%">0,1</tspan><tspan dy="-0.3em"></tspan>'
 */
export function svgTextContent(label: string): string {
  let out = "";
  for (const p of plainParts(label)) {
    out += p.sub
      ? `<tspan dy="0.3em" font-size="75%">${escapeXml(p.text)}</tspan><tspan dy="-0.3em"></tspan>`
      : escapeXml(p.text);
  }
  return out;
}

/** The label as one plain string (for `<title>` and widths), subscripts written after the base. */
export function plainText(label: string): string {
  return plainParts(label).map((p) => p.text).join("");
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros, no `-0`. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/**
 * A short deterministic hash (FNV-1a, 32 bit) used to make element ids unique per diagram
 * content, so several diagrams inline in one HTML page never share an id with different meaning.
 *
 * @example
 * shortHash("abc") // "1a47e90b"
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A rough text width for layout (SVG has no measuring without a browser): 0.6 em per character, CJK 1 em. */
export function approxTextWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return w * fontSize;
}
