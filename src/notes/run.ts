/**
 * `tconv notes FILE... [--check] [--strict]`: the notes writer, the one place besides the CLI door
 * that touches files. Every file is read and rendered before any is written, so `--strict` can
 * refuse the whole run without leaving some notes changed and others not.
 */
import { promises as fs } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CliIo } from "../cli/io.ts";
import { TconvError } from "../spec/error.ts";
import { writeFileAtomic } from "../cli/write-atomic.ts";
import { renderTconvNote } from "./api.ts";
import { noteStatus, type BlockReport } from "./document.ts";
import type { Deriver } from "./render-block.ts";

export interface NotesOptions {
  /** Change nothing; exit 1 when a block is stale. */
  readonly check?: boolean;
  /** A bad block is an error (exit 2, nothing written) instead of a callout in the note. */
  readonly strict?: boolean;
}

/**
 * Runs the notes command and returns its exit code: 0 done, 1 stale blocks under `--check`;
 * bad input (an unreadable file, a bad block with `--strict`) throws a TconvError (exit 2).
 *
 * @example
 * const code = await runNotes(["week3.md"], { check: true }, bufferIo());
 */
export async function runNotes(files: readonly string[], options: NotesOptions, io: CliIo, derive?: Deriver): Promise<number> {
  const notes = await Promise.all(files.map(async (file) => ({ file, path: resolve(io.cwd, file), text: await readNote(resolve(io.cwd, file), file) })));
  if (options.check) return checkNotes(notes, io);
  const results = [];
  for (const note of notes) {
    const rendered = await renderTconvNote(note.text, { cwd: dirname(note.path), ...(derive ? { derive } : {}) });
    results.push({ ...note, rendered });
  }
  const problems = results.flatMap(({ file, rendered }) => rendered.blocks.flatMap((b) => problemOf(file, b)));
  if (options.strict && problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new TconvError(first.code, first.path, first.message + more);
  }
  for (const p of problems) io.err(`warning: ${p.path}: ${p.message}\n`);
  for (const { file, path, rendered } of results) {
    if (rendered.changed) await writeFileAtomic(path, rendered.text);
    const count = (s: string) => rendered.blocks.filter((b) => b.status === s).length;
    io.out(`${file}: ${count("stale")} rendered, ${count("fresh")} up to date${rendered.changed ? "" : " (unchanged)"}\n`);
  }
  return 0;
}

function checkNotes(notes: ReadonlyArray<{ file: string; text: string }>, io: CliIo): number {
  let stale = 0;
  for (const { file, text } of notes) {
    for (const block of noteStatus(text)) {
      if (block.status === "fresh") continue;
      stale++;
      io.out(`${file}:${block.line}: ${block.status === "stale" ? "stale (run tconv notes to render it)" : "unclosed tconv block"}\n`);
    }
  }
  if (stale === 0) io.out(`${notes.length === 1 ? "the note is" : `all ${notes.length} notes are`} up to date\n`);
  return stale === 0 ? 0 : 1;
}

function problemOf(file: string, block: BlockReport): Array<{ code: string; path: string; message: string }> {
  if (block.error) return [{ code: block.error.code, path: `${file}:${block.line}: ${block.error.path}`, message: block.error.message }];
  if (block.status === "unclosed") return [{ code: "unclosed-block", path: `${file}:${block.line}`, message: "the tconv block is never closed (add a closing ``` line)" }];
  return [];
}

async function readNote(path: string, shown: string): Promise<string> {
  try {
    return await fs.readFile(path, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new TconvError("unreadable-note", shown, `cannot read the note: ${reason}`);
  }
}
