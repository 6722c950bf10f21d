/**
 * Rendering a whole note: every top-level tconv block gets its derivation in a generated region
 * right after it. The writer's contract is that text outside the regions is never changed, byte
 * for byte; {@link stripGenerated} is its inverse, and the property tests hold the two to it.
 */
import { findTconvFences, type TconvFence } from "./fences.ts";
import { joinLines, splitLines, type Line } from "./lines.ts";
import { beginMarker, blockHash, END_MARKER } from "./markers.ts";
import { CALLOUT_LEAD } from "./callout.ts";
import { TconvError } from "../spec/error.ts";

/** What a block renders to: the derivation, or the error callout that stands in for it. */
export interface RenderedBlock {
  /** Markdown (with `\n` line endings) placed between the markers. */
  readonly markdown: string;
  /** Set when the block's content was bad; `markdown` is then the error callout. */
  readonly error?: BlockError;
}

/** Why a block could not be rendered (a TconvError's code, path and message). */
export interface BlockError {
  readonly code: string;
  /** The field of the block at fault (`stride`, `kernel`, `yaml`). */
  readonly path: string;
  readonly message: string;
}

/** Turns one block body into its rendering; given the block's 1-based line for messages. */
export type BlockRenderer = (body: string, at: { readonly line: number }) => RenderedBlock | Promise<RenderedBlock>;

/** Whether a block's generated region is up to date. */
export type BlockStatus =
  /** The region's hash matches the block: nothing to do. */
  | "fresh"
  /** The block has no region, or an old one. */
  | "stale"
  /** The fence is never closed, so there is no place after it to render into. */
  | "unclosed";

/** One block of a note: where it is, whether it was stale, and its error if its content was bad. */
export interface BlockReport {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly status: BlockStatus;
  /** Set when the block was (re-)rendered and its content was bad. */
  readonly error?: BlockError;
  /** Set when a fresh region holds an error callout (written earlier, without `--strict`). */
  readonly callout?: true;
}

/** A rendered note: its new text, whether it differs, and what happened to each block. */
export interface NoteRender {
  readonly text: string;
  readonly changed: boolean;
  readonly blocks: readonly BlockReport[];
}

function statusOf(fence: TconvFence, version?: string): BlockStatus {
  if (fence.closeLine === undefined) return "unclosed";
  return fence.region !== undefined && fence.region.hash === blockHash(fence.body, version) ? "fresh" : "stale";
}

/**
 * Says which blocks of a note are stale, without rendering anything (`tconv notes --check`).
 *
 * @example
 * noteStatus("```tconv\ninput: [1]\nkernel: [1]\n```\n")
 * // → [{ "line": 1, "status": "stale" }]
 */
export function noteStatus(text: string, version?: string): BlockReport[] {
  const lines = splitLines(text);
  const fences = terminated(findTconvFences(lines));
  return fences.map((f) => {
    const status = statusOf(f, version);
    return status === "fresh" && holdsCallout(lines, f) ? { line: f.openLine + 1, status, callout: true } : { line: f.openLine + 1, status };
  });
}

/**
 * Refuses a note with a begin marker whose end marker is gone: where the region ended cannot be
 * known, and rendering would either delete the user's text or duplicate the region.
 */
function terminated(fences: TconvFence[]): TconvFence[] {
  const bad = fences.find((f) => f.unterminated !== undefined);
  if (bad) {
    throw new TconvError("unterminated-region", `line ${bad.unterminated! + 1}`,
      `this <!-- tconv:begin --> marker has no <!-- tconv:end --> after it (at the top level, before the next region); put the end marker back where the generated text ends, or delete the region by hand. Nothing was written`);
  }
  return fences;
}

/** Whether a fence's region is an error callout (the block's content was bad when it was rendered). */
function holdsCallout(lines: readonly Line[], fence: TconvFence): boolean {
  const r = fence.region;
  if (!r) return false;
  for (let i = r.beginLine + 1; i < r.endLine; i++) if (lines[i]!.text.startsWith(CALLOUT_LEAD)) return true;
  return false;
}

/**
 * Renders every stale block of a note and returns the new text; fresh regions and all text
 * outside regions are copied unchanged, so a second run returns its input.
 *
 * @example
 * const { text } = await renderNote(note, (body) => ({ markdown: "derivation of " + body }));
 */
export async function renderNote(text: string, render: BlockRenderer, version?: string): Promise<NoteRender> {
  const lines = splitLines(text);
  const fences = terminated(findTconvFences(lines));
  const out: Line[] = [];
  const blocks: BlockReport[] = [];
  let next = 0; // the first line not yet copied
  for (const fence of fences) {
    const status = statusOf(fence, version);
    if (status !== "stale") {
      blocks.push(status === "fresh" && holdsCallout(lines, fence) ? { line: fence.openLine + 1, status, callout: true } : { line: fence.openLine + 1, status });
      continue;
    }
    const closeLine = fence.closeLine!;
    for (; next < closeLine; next++) out.push(lines[next]!);
    const close = lines[closeLine]!;
    const old = fence.region;
    // A region written at the very end of a note has no final line ending; keep it that way so
    // the region can be removed again without leaving or taking a newline.
    const eol = close.eol || lines[fence.openLine]!.eol || "\n";
    const endsNote = old ? lines[old.endLine]!.eol === "" : close.eol === "";
    out.push({ text: close.text, eol });
    const rendered = await render(fence.body, { line: fence.openLine + 1 });
    out.push(...regionLines(blockHash(fence.body, version), rendered.markdown, eol, endsNote));
    next = old ? old.endLine + 1 : closeLine + 1;
    blocks.push(rendered.error
      ? { line: fence.openLine + 1, status, error: rendered.error }
      : { line: fence.openLine + 1, status });
  }
  for (; next < lines.length; next++) out.push(lines[next]!);
  const result = joinLines(out);
  return { text: result, changed: result !== text, blocks };
}

function regionLines(hash: string, markdown: string, eol: string, endsNote: boolean): Line[] {
  const body = markdown.replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
  const lines: Line[] = [{ text: beginMarker(hash), eol }, { text: "", eol }];
  if (body !== "") {
    for (const text of body.split("\n")) lines.push({ text, eol });
    lines.push({ text: "", eol });
  }
  lines.push({ text: END_MARKER, eol: endsNote ? "" : eol });
  return lines;
}

/**
 * Removes every generated region, giving back the note as its author wrote it.
 *
 * @example
 * const note = "Intro\n\n```tconv\ninput: [1, 2]\nkernel: [1, 1]\n```\n";
 * const rendered = "Intro\n\n```tconv\ninput: [1, 2]\nkernel: [1, 1]\n```\n<!-- tconv:begin hash=0123456789abcdef -->\n\nderivation\n\n<!-- tconv:end -->\n";
 * stripGenerated(rendered) === note // → true
 */
export function stripGenerated(text: string): string {
  const lines = splitLines(text);
  const out: Line[] = [];
  let next = 0;
  for (const fence of findTconvFences(lines)) {
    const region = fence.region;
    if (region === undefined) continue;
    for (; next < region.beginLine - 1; next++) out.push(lines[next]!);
    const close = lines[region.beginLine - 1]!;
    // The region at the end of the note brought the closing fence's line ending with it.
    out.push(lines[region.endLine]!.eol === "" ? { text: close.text, eol: "" } : close);
    next = region.endLine + 1;
  }
  for (; next < lines.length; next++) out.push(lines[next]!);
  return joinLines(out);
}
