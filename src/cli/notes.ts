import type { CommandDefinition } from "./commands.ts";

/**
 * `tconv notes FILE...`: renders the ```` ```tconv ```` blocks of Markdown notes in place. The
 * writer (src/notes) is loaded only when the command runs.
 */
const notes: CommandDefinition = (program, io, setExit) => {
  program
    .command("notes")
    .description("render every ```tconv block of Markdown notes in place, between <!-- tconv:begin/end --> markers, idempotently")
    .argument("<files...>", "Markdown notes to render (each is rewritten atomically, only when something changed)")
    .option("--check", "change nothing; list stale blocks as file:line and exit 1 if there are any")
    .option("--strict", "a block with bad content (or a region holding an error callout) is an error (exit 2, no file written) instead of a warning callout in the note")
    .option("--root <dir>", "the folder @file in blocks may read from (default: each note's own folder)")
    .option("--allow-any-file", "let @file in blocks read any file: absolute paths, files outside the note's folder")
    .option("--json", "print one JSON report (every note, every block's line and status: rendered, unchanged, stale, unclosed or error with its message, and totals) instead of a line per note; exit codes unchanged")
    .action(async (files: string[], options: { check?: boolean; strict?: boolean; root?: string; allowAnyFile?: boolean; json?: boolean }) => {
      const { runNotes } = await import("./notes-run.ts");
      setExit(await runNotes(files, {
        ...(options.check ? { check: true } : {}), ...(options.strict ? { strict: true } : {}),
        ...(options.root !== undefined ? { root: options.root } : {}), ...(options.allowAnyFile ? { allowAnyFile: true } : {}),
        ...(options.json ? { json: true } : {}),
      }, io));
    });
};

export default notes;
