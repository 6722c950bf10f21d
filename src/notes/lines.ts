/**
 * A note as lines that keep their own line endings, so that whatever the notes writer does not
 * touch is copied back byte for byte — CRLF, LF and lone CR (CommonMark accepts all three, and
 * markdown-it counts lines the same way) survive a round trip unchanged.
 */
export interface Line {
  /** The line's text without its ending. */
  readonly text: string;
  /** `"\n"`, `"\r\n"`, `"\r"`, or `""` for a last line that has none. */
  readonly eol: string;
}

/**
 * Splits text into lines the way CommonMark (and markdown-it) numbers them.
 *
 * @example
 * splitLines("a\r\nb") // → [{ text: "a", eol: "\r\n" }, { text: "b", eol: "" }]
 * splitLines("a\n")    // → [{ text: "a", eol: "\n" }]
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\r|\n)/gy;
  let at = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: m[1]!, eol: m[2]! });
    at = re.lastIndex;
  }
  if (at < text.length) lines.push({ text: text.slice(at), eol: "" });
  return lines;
}

/** The inverse of {@link splitLines}. */
export function joinLines(lines: readonly Line[]): string {
  let out = "";
  for (const l of lines) out += l.text + l.eol;
  return out;
}
