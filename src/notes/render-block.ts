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

/**
 * Produces the Markdown derivation of a valid block (the walkthrough, or the checker's report).
 * tconv's own (`deriveBlock`) is synchronous; a custom one may return a promise, which the
 * asynchronous paths (`renderTconvNote`, unified's `process()`, `renderWithTconv`) wait for.
 */
export type Deriver = (block: NoteBlock, context: DeriveContext) => string | Promise<string>;

/**
 * Renders one block body, never throwing for bad content: a TconvError becomes the callout and
 * the returned `error`; an internal failure is reported the same way with its message, so a note
 * is still written and the problem is visible where it happened. Synchronous when `derive` is
 * (tconv's own is), so markdown-it's `md.render` can use it; a promise when `derive` returns one.
 *
 * @example
 * renderBlockBody("input: [1]\nkernel: [1]\nstrides: 2", deriveBlock, { cwd: "." })
 * // → { markdown: "> [!WARNING]\n> tconv could not render this block: strides: unknown key; …",
 * //     error: { code: "unknown-key", path: "strides", message: "unknown key; …" } }
 */
export function renderBlockBody<R extends string | Promise<string>>(
  body: string, derive: (block: NoteBlock, context: DeriveContext) => R, context: DeriveContext,
): R extends string ? RenderedBlock : RenderedBlock | Promise<RenderedBlock>;
export function renderBlockBody(body: string, derive: Deriver, context: DeriveContext): RenderedBlock | Promise<RenderedBlock> {
  let out: string | Promise<string>;
  try {
    out = derive(parseNoteBlock(body), context);
  } catch (e) {
    return failed(e);
  }
  return typeof out === "string" ? { markdown: out } : Promise.resolve(out).then((markdown) => ({ markdown }), failed);
}

function failed(e: unknown): RenderedBlock {
  const error = isTconvError(e)
    ? { code: e.code, path: e.path, message: e.message }
    : { code: "internal", path: "tconv", message: `internal error (please report): ${e instanceof Error ? e.message : String(e)}` };
  return { markdown: errorCallout(error.path, error.message), error };
}
