/**
 * The notes feature as a library call on text: what `tconv notes` does to each file, without the
 * files (the CLI adds reading, atomic writing, `--check` and `--strict` around exactly this).
 */
import { deriveBlock } from "./derive.ts";
import { renderNote, type NoteRender } from "./document.ts";
import { renderBlockBody, type DeriveContext, type Deriver } from "./render-block.ts";

/** Options of {@link renderTconvNote}. */
export interface RenderTconvNoteOptions {
  /** Directory that `@file.json` tensors in blocks resolve against (the note's own; default: the process's). */
  readonly cwd?: string;
  /** The folder `@file` may read from (default: `cwd`); absolute paths and symlinks leaving it are refused. */
  readonly fileRoot?: string;
  /** Let `@file` read any file (an absolute path, outside the note's folder). Default false. */
  readonly allowAnyFile?: boolean;
  /** What renders a valid block; the default is tconv's walkthrough, or the checker's report for `claim`. */
  readonly derive?: Deriver;
}

/**
 * Renders every stale ```` ```tconv ```` block of a Markdown note into its generated region and
 * returns the new text with a report per block. Text outside the regions is never changed; a
 * second call on the result changes nothing; a bad block becomes a warning callout (and its
 * `error` in the report) instead of an exception.
 *
 * @example
 * const note = "# Notes\n\n```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]\n```\n";
 * const first = await renderTconvNote(note);
 * first.blocks // → [{ "line": 3, "status": "stale" }]
 * (await renderTconvNote(first.text)).changed // → false
 */
export async function renderTconvNote(text: string, options: RenderTconvNoteOptions = {}): Promise<NoteRender> {
  const derive = options.derive ?? deriveBlock;
  const context = fileContext(options);
  return renderNote(text, (body) => renderBlockBody(body, derive, context));
}

/**
 * Where a note's `@file` paths resolve and what they may reach: the note's folder, confined to
 * `fileRoot` (default: that folder) unless `allowAnyFile`.
 *
 * @example
 * fileContext({ cwd: "notes" }) // → { cwd: "notes", fileRoot: "notes" }
 */
export function fileContext(options: { cwd?: string; fileRoot?: string; allowAnyFile?: boolean }): DeriveContext {
  const cwd = options.cwd ?? process.cwd();
  return options.allowAnyFile ? { cwd } : { cwd, fileRoot: options.fileRoot ?? cwd };
}
