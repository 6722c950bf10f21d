/**
 * Finding the ```` ```tconv ```` blocks of a note and the generated region after each.
 *
 * Block structure comes from markdown-it (CommonMark), not from a regex: a ```` ```tconv ```` line
 * inside an indented code block, inside a longer ```` ```` ```` fence or inside an HTML block is
 * text, not a block, exactly as GitHub, Obsidian and VS Code see it. Only top-level blocks are
 * rendered: a block inside a list or a blockquote would need its container's prefix on every
 * generated line, which a note writer can get by moving the block out.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import type { Line } from "./lines.ts";
import { isEndMarker, parseBeginMarker } from "./markers.ts";

export interface GeneratedRegion {
  /** Line index of the begin marker. */
  readonly beginLine: number;
  /** Line index of the end marker. */
  readonly endLine: number;
  /** The hash the begin marker carries. */
  readonly hash: string;
}

export interface TconvFence {
  /** Line index (0-based) of the opening fence. */
  readonly openLine: number;
  /** Line index of the closing fence; undefined when the fence runs to the end of the note. */
  readonly closeLine: number | undefined;
  /** The block's body with `\n` line endings and the fence's indentation removed. */
  readonly body: string;
  /** The generated region right after the closing fence, if there is one. */
  readonly region: GeneratedRegion | undefined;
}

let parser: MarkdownIt | undefined;

function blockParser(): MarkdownIt {
  // html: true, because notes are read with raw HTML enabled (GitHub, Obsidian) and an HTML
  // block changes where fences are.
  parser ??= markdownIt({ html: true });
  return parser;
}

/** Whether the info string of a fence names tconv (the first word, as for a language). */
export function isTconvInfo(info: string): boolean {
  return info.trim().split(/\s+/)[0] === "tconv";
}

/**
 * Lists the top-level tconv blocks of a note, in order, with the generated region that follows
 * each (if any).
 *
 * @example
 * findTconvFences(splitLines("```tconv\ninput: [1]\nkernel: [1]\n```\n"))
 * // → [{ openLine: 0, closeLine: 3, body: "input: [1]\nkernel: [1]\n", region: undefined }]
 */
export function findTconvFences(lines: readonly Line[]): TconvFence[] {
  // A byte-order mark (Windows editors) is not text to CommonMark's block rules; dropping it here
  // changes no line numbers, and the writer copies the original first line back untouched.
  const source = lines.map((l) => l.text).join("\n").replace(/^\uFEFF/, "");
  const tokens = blockParser().parse(source, {});
  const fences: TconvFence[] = [];
  let coveredUntil = -1; // a hand-edited region may hold text that looks like a block: skip it
  for (const token of tokens) {
    if (token.type !== "fence" || token.level !== 0 || !token.map || !isTconvInfo(token.info)) continue;
    const [start, end] = token.map;
    if (start <= coveredUntil) continue;
    const closeLine = isClosingFence(lines[end - 1]?.text, token.markup) && end - 1 > start ? end - 1 : undefined;
    const region = closeLine === undefined ? undefined : regionAfter(lines, closeLine);
    if (region) coveredUntil = region.endLine;
    fences.push({ openLine: start, closeLine, body: token.content, region });
  }
  return fences;
}

function isClosingFence(text: string | undefined, markup: string): boolean {
  if (text === undefined) return false;
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
  return m !== null && m[1]![0] === markup[0] && m[1]!.length >= markup.length;
}

function regionAfter(lines: readonly Line[], closeLine: number): GeneratedRegion | undefined {
  const beginLine = closeLine + 1;
  const begin = lines[beginLine];
  const hash = begin === undefined ? undefined : parseBeginMarker(begin.text);
  if (hash === undefined) return undefined;
  for (let i = beginLine + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (isEndMarker(text)) return { beginLine, endLine: i, hash };
    // Another begin before our end means this end was deleted by hand: claiming up to the next
    // region's end would swallow the user's text in between.
    if (parseBeginMarker(text) !== undefined) return undefined;
  }
  return undefined; // a begin marker without an end is the user's text, never ours to delete
}
