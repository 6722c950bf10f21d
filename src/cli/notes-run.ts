/**
 * `tconv notes FILE... [--check] [--strict]`: the notes writer, the part of the CLI that reads and
 * writes notes (src/notes/ renders text and never touches files). Every file is read and rendered
 * before any is written, so `--strict` can refuse the whole run without leaving some notes
 * changed and others not. A note that changes
 * on disk while it is rendered (an editor saving, a sync client) is rendered again from its new
 * text, or refused: another program's edit is never overwritten.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CliIo } from "../io/cli-io.ts";
import { isTconvError, TconvError } from "../spec/error.ts";
import { writeFileAtomic } from "../io/write-atomic.ts";
import { renderTconvNote } from "../notes/api.ts";
import { noteStatus, type BlockReport, type NoteRender } from "../notes/document.ts";
import type { Deriver } from "../notes/render-block.ts";

export interface NotesOptions {
  /** Change nothing; exit 1 when a block is stale. */
  readonly check?: boolean;
  /** A bad block (or a region holding an error callout) is an error (exit 2, nothing written). */
  readonly strict?: boolean;
  /** The folder `@file` in blocks may read from (default: each note's own folder). */
  readonly root?: string;
  /** Let `@file` in blocks read any file (absolute paths, outside the note's folder). */
  readonly allowAnyFile?: boolean;
  /** Print one JSON report ({@link NotesJson}) instead of a line per note. */
  readonly json?: boolean;
}

/**
 * What `tconv notes --json` prints: every note and block with what happened to it, and totals
 * (docs/cli.md). The exit code is the same as without `--json`.
 */
export interface NotesJson {
  /** Whether this was a `--check` run (nothing written). */
  readonly check: boolean;
  readonly files: ReadonlyArray<{
    readonly file: string;
    /** Whether the note was rewritten (always false under `--check`). */
    readonly changed: boolean;
    readonly blocks: readonly NotesJsonBlock[];
  }>;
  readonly totals: { readonly files: number; readonly blocks: number } & Readonly<Record<NotesJsonStatus, number>>;
}

/**
 * A block's status in the JSON report: `rendered` (it was stale and now is not), `unchanged`
 * (already up to date), `stale` (`--check`: it needs rendering), `unclosed` (its fence is never
 * closed) or `error` (its content is bad: found in this run, with the field at fault, or shown
 * by the error callout an earlier run left in its region).
 */
export type NotesJsonStatus = "rendered" | "unchanged" | "stale" | "unclosed" | "error";

export interface NotesJsonBlock {
  /** 1-based line of the block's opening fence. */
  readonly line: number;
  readonly status: NotesJsonStatus;
  /** For `error` and `unclosed`: what is wrong, as the warning line says it. */
  readonly message?: string;
  /** For an `error` found in this run: the TconvError's code and the block's field at fault. */
  readonly code?: string;
  readonly field?: string;
}

const NOTES_JSON_STATUSES: readonly NotesJsonStatus[] = ["rendered", "unchanged", "stale", "unclosed", "error"];
const CALLOUT_MESSAGE = "its region is an error callout from an earlier run (the block's content is bad)";
const UNCLOSED_MESSAGE = "the tconv block is never closed (add a closing ``` line)";

/** One block of the JSON report, from what rendering (or, under `--check`, reading) found. */
function jsonBlock(block: BlockReport, check: boolean): NotesJsonBlock {
  const { line } = block;
  if (block.status === "unclosed") return { line, status: "unclosed", message: UNCLOSED_MESSAGE };
  if (block.error) return { line, status: "error", message: block.error.message, code: block.error.code, field: block.error.path };
  if (block.callout) return { line, status: "error", message: CALLOUT_MESSAGE };
  if (block.status === "fresh") return { line, status: "unchanged" };
  return { line, status: check ? "stale" : "rendered" };
}

function notesJson(check: boolean, files: ReadonlyArray<{ file: string; changed: boolean; blocks: readonly BlockReport[] }>): string {
  const reported = files.map(({ file, changed, blocks }) => ({ file, changed, blocks: blocks.map((b) => jsonBlock(b, check)) }));
  const all = reported.flatMap((f) => f.blocks);
  const counts = Object.fromEntries(NOTES_JSON_STATUSES.map((s) => [s, all.filter((b) => b.status === s).length])) as Record<NotesJsonStatus, number>;
  const report: NotesJson = { check, files: reported, totals: { files: reported.length, blocks: all.length, ...counts } };
  return `${JSON.stringify(report)}\n`;
}

/** A note as read: its text and what identifies this version of the file. */
interface ReadNote {
  readonly file: string;
  readonly path: string;
  readonly text: string;
  readonly stamp: string;
}

/**
 * Runs the notes command and returns its exit code: 0 done, 1 stale blocks under `--check`;
 * bad input (an unreadable file, a bad block with `--strict`, a note that cannot be written)
 * throws a TconvError (exit 2).
 *
 * @example
 * const code = await runNotes(["week3.md"], { check: true }, bufferIo());
 */
export async function runNotes(files: readonly string[], options: NotesOptions, io: CliIo, derive?: Deriver): Promise<number> {
  const notes: ReadNote[] = [];
  for (const file of files) notes.push(await readNote(resolve(io.cwd, file), file));
  if (options.check) return checkNotes(notes, io, options.strict ?? false, options.json ?? false);
  const render = (note: ReadNote) => inNote(note.file, () => renderTconvNote(note.text, {
    cwd: dirname(note.path),
    ...(options.root !== undefined ? { fileRoot: resolve(io.cwd, options.root) } : {}),
    ...(options.allowAnyFile ? { allowAnyFile: true } : {}),
    ...(derive ? { derive } : {}),
  }));
  const results: Array<ReadNote & { rendered: NoteRender }> = [];
  for (const [i, note] of notes.entries()) {
    if (io.errIsTTY) io.err(`tconv notes: rendering ${note.file} (${i + 1}/${notes.length})\n`);
    results.push({ ...note, rendered: await render(note) });
  }
  const problems = results.flatMap(({ file, rendered }) => rendered.blocks.flatMap((b) => problemOf(file, b, options.strict ?? false)));
  if (options.strict && problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new TconvError(first.code, first.path, first.message + more);
  }
  for (const p of problems) io.err(`warning: ${p.path}: ${p.message}\n`);
  const written: Array<{ file: string; changed: boolean; blocks: readonly BlockReport[] }> = [];
  for (let { file, path, rendered, stamp } of results) {
    if (rendered.changed) {
      // Another program may have saved the note meanwhile: render its new text (once), or refuse.
      const now = await readNote(path, file);
      if (now.stamp !== stamp) {
        rendered = await render(now);
        stamp = now.stamp;
        if (rendered.changed && (await readNote(path, file)).stamp !== stamp) {
          throw new TconvError("note-changed", file, "the note keeps changing on disk while it is rendered (another program is editing it); nothing was written to it, run tconv notes again");
        }
      }
      if (rendered.changed) await writeNote(path, file, rendered.text);
    }
    written.push({ file, changed: rendered.changed, blocks: rendered.blocks });
    if (options.json) continue;
    const count = (s: string) => rendered.blocks.filter((b) => b.status === s).length;
    io.out(`${file}: ${count("stale")} rendered, ${count("fresh")} up to date${rendered.changed ? "" : " (unchanged)"}\n`);
  }
  if (options.json) io.out(notesJson(false, written));
  return 0;
}

/** A document-level error of one note (a lost end marker) names the note. */
async function inNote<T>(file: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isTconvError(e) && e.code === "unterminated-region") throw new TconvError(e.code, `${file}:${e.path.replace(/^line /, "")}`, e.message);
    throw e;
  }
}

async function checkNotes(notes: readonly ReadNote[], io: CliIo, strict: boolean, json: boolean): Promise<number> {
  let stale = 0;
  const read: Array<{ file: string; changed: boolean; blocks: readonly BlockReport[] }> = [];
  for (const { file, text } of notes) {
    const blocks = await inNote(file, () => noteStatus(text));
    read.push({ file, changed: false, blocks });
    for (const block of blocks) {
      if (block.status === "fresh" && !(strict && block.callout)) continue;
      stale++;
      if (json) continue;
      const what = block.callout ? "its region is an error callout (the block's content is bad)"
        : block.status === "stale" ? "stale (run tconv notes to render it)" : "unclosed tconv block";
      io.out(`${file}:${block.line}: ${what}\n`);
    }
  }
  if (json) io.out(notesJson(true, read));
  else if (stale === 0) io.out(`${notes.length === 1 ? "the note is" : `all ${notes.length} notes are`} up to date\n`);
  return stale === 0 ? 0 : 1;
}

function problemOf(file: string, block: BlockReport, strict: boolean): Array<{ code: string; path: string; message: string }> {
  if (block.error) return [{ code: block.error.code, path: `${file}:${block.line}: ${block.error.path}`, message: block.error.message }];
  if (block.status === "unclosed") return [{ code: "unclosed-block", path: `${file}:${block.line}`, message: UNCLOSED_MESSAGE }];
  if (strict && block.callout) return [{ code: "error-callout", path: `${file}:${block.line}`, message: "the block's region is an error callout from an earlier run: its content is bad" }];
  return [];
}

async function readNote(path: string, shown: string): Promise<ReadNote> {
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new TconvError("unreadable-note", shown, `cannot read the note: not a regular file`);
    const text = await fs.readFile(path, "utf8");
    const hash = createHash("sha256").update(text).digest("hex");
    return { file: shown, path, text, stamp: `${st.size}:${st.mtimeMs}:${hash}` };
  } catch (e) {
    if (isTconvError(e)) throw e;
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as NodeJS.ErrnoException).code ?? "unreadable";
    throw new TconvError("unreadable-note", shown, `cannot read the note: ${reason}`);
  }
}

async function writeNote(path: string, shown: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    const why = code === "ENOSPC" ? "no space left on the device" : code === "EACCES" || code === "EPERM" ? "permission denied (is the folder read-only?)" : code;
    throw new TconvError("write-failed", shown, `cannot write the note: ${why} (${code}); the note is unchanged`);
  }
}
