/**
 * One block body to its rendering: parse and validate the YAML, derive, and turn any user
 * mistake into the error callout, so one bad block never stops the rest of a note.
 */
import { isTconvError } from "../spec/error.ts";
import { parseNoteBlock, type NoteBlock } from "./block.ts";
import { errorCallout } from "./callout.ts";
import type { RenderedBlock } from "./document.ts";

/** What a deriver may know of where the block lives. */
export interface DeriveContext {
  /** Directory that `@file.json` tensors in the block resolve against (the note's own). */
  readonly cwd: string;
  /**
   * The folder `@file` may read from (absolute paths and symlinks out of it refused); undefined
   * allows any file. The notes writer and the plugins set it to the note's folder by default.
   */
  readonly fileRoot?: string;
}

/** Produces the Markdown derivation of a valid block (the walkthrough, or the checker's report). */
export type Deriver = (block: NoteBlock, context: DeriveContext) => string | Promise<string>;

/**
 * Renders one block body, never throwing for bad content: a TconvError becomes the callout and
 * the returned `error`; an internal failure is reported the same way with its message, so a note
 * is still written and the problem is visible where it happened.
 *
 * @example
 * await renderBlockBody("input: [1]\nkernel: [1]\nstrides: 2", derive, { cwd: "." })
 * // → { markdown: "> [!WARNING]\n> tconv could not render this block: strides: unknown key; …",
 * //     error: { code: "unknown-key", path: "strides", message: "unknown key; …" } }
 */
export async function renderBlockBody(body: string, derive: Deriver, context: DeriveContext): Promise<RenderedBlock> {
  try {
    return { markdown: await derive(parseNoteBlock(body), context) };
  } catch (e) {
    return failed(e);
  }
}

/** The same for a synchronous deriver (the markdown-it plugin cannot wait). */
export function renderBlockBodySync(body: string, derive: (block: NoteBlock, context: DeriveContext) => string, context: DeriveContext): RenderedBlock {
  try {
    return { markdown: derive(parseNoteBlock(body), context) };
  } catch (e) {
    return failed(e);
  }
}

function failed(e: unknown): RenderedBlock {
  const error = isTconvError(e)
    ? { code: e.code, path: e.path, message: e.message }
    : { code: "internal", path: "tconv", message: `internal error (please report): ${e instanceof Error ? e.message : String(e)}` };
  return { markdown: errorCallout(error.path, error.message), error };
}
