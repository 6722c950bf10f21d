/**
 * Finding the ```` ```tconv ```` blocks of a note and the generated region after each.
 *
 * Block structure comes from markdown-it (CommonMark), not from a regex: a ```` ```tconv ```` line
 * inside an indented code block, inside a longer ```` ```` ```` fence or inside an HTML block is
 * text, not a block, exactly as GitHub, Obsidian and VS Code see it. Only top-level blocks are
 * rendered: a block inside a list or a blockquote would need its container's prefix on every
 * generated line, which a note writer can get by moving the block out.
 */
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
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
  /**
   * Line index of a begin marker right after the closing fence that has no end marker (one was
   * deleted by hand): the writer refuses the note rather than guess where the region ends.
   */
  readonly unterminated?: number;
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
  const markers = topLevelMarkers(tokens, lines);
  const fences: TconvFence[] = [];
  let coveredUntil = -1; // a hand-edited region may hold text that looks like a block: skip it
  for (const token of tokens) {
    if (token.type !== "fence" || token.level !== 0 || !token.map || !isTconvInfo(token.info)) continue;
    const [start, end] = token.map;
    if (start <= coveredUntil) continue;
    const closeLine = isClosingFence(lines[end - 1]?.text, token.markup) && end - 1 > start ? end - 1 : undefined;
    const found = closeLine === undefined ? undefined : regionAfter(markers, closeLine);
    const region = found && "endLine" in found ? found : undefined;
    if (region) coveredUntil = region.endLine;
    fences.push({ openLine: start, closeLine, body: token.content, region, ...(found && !region ? { unterminated: found.beginLine } : {}) });
  }
  return fences;
}

function isClosingFence(text: string | undefined, markup: string): boolean {
  if (text === undefined) return false;
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
  return m !== null && m[1]![0] === markup[0] && m[1]!.length >= markup.length;
}

/** A marker line at the top level of the note: never one inside a fence, a quote, a list or an HTML block. */
interface Marker { readonly line: number; readonly begin?: string }

/**
 * The begin and end markers that count: each is an HTML block of its own at the top level, so a
 * marker quoted in a fenced example, a blockquote or a list item is the user's text.
 */
function topLevelMarkers(tokens: readonly Token[], lines: readonly Line[]): Marker[] {
  const out: Marker[] = [];
  for (const token of tokens) {
    if (token.type !== "html_block" || token.level !== 0 || !token.map) continue;
    const [start, end] = token.map;
    for (let i = start; i < end; i++) {
      const text = lines[i]?.text ?? "";
      const hash = parseBeginMarker(text);
      if (hash !== undefined) out.push({ line: i, begin: hash });
      else if (isEndMarker(text)) out.push({ line: i });
    }
  }
  return out;
}

/** The region after a closing fence: its begin marker must be the next line, its end the next top-level marker. */
function regionAfter(markers: readonly Marker[], closeLine: number): GeneratedRegion | { beginLine: number } | undefined {
  const beginLine = closeLine + 1;
  const at = markers.findIndex((m) => m.line === beginLine);
  const begin = markers[at];
  if (begin?.begin === undefined) return undefined;
  const next = markers[at + 1];
  // No end, or another begin first: the end was deleted by hand. Where the region ended is
  // unknowable, and guessing would delete the user's text.
  if (next === undefined || next.begin !== undefined) return { beginLine };
  return { beginLine, endLine: next.line, hash: begin.begin };
}
