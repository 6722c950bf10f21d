/**
 * The note's stand-in for a block that could not be rendered: a warning callout (GitHub and
 * Obsidian show `> [!WARNING]` as one; elsewhere it is a plain blockquote) with the one-line
 * error. The error text may carry the user's own input back, so it is escaped for Markdown, for
 * HTML and for the math plugins (a `$` in a message must not start a formula).
 */

const ENTITIES: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "$": "&#36;" };

/**
 * Escapes text so that every Markdown, HTML and math parser shows it literally. The text always
 * follows other words on its line, so only inline syntax needs escaping (emphasis, code, links,
 * strikethrough, table pipes), which keeps messages readable in the raw note.
 *
 * @example
 * escapeMarkdownText("a*b <i> $x$") // → "a\\*b &lt;i&gt; &#36;x&#36;"
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[!-/:-@[-`{-~]/g, (c) => ENTITIES[c] ?? (/[\\`*_[\]|~]/.test(c) ? `\\${c}` : c));
}

/**
 * The callout for one bad block.
 *
 * @example
 * errorCallout("stride", "expected a positive integer, got 0")
 * // → "> [!WARNING]\n> tconv could not render this block: stride: expected a positive integer, got 0"
 */
export function errorCallout(path: string, message: string): string {
  return `> [!WARNING]\n${CALLOUT_LEAD} ${escapeMarkdownText(`${path}: ${message}`)}`;
}

/** How the callout's message line starts: `--strict` finds earlier callouts by it. */
export const CALLOUT_LEAD = "> tconv could not render this block:";
