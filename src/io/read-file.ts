/**
 * Reading a user's `@file`: only regular files, never more than a size cap, and — where the
 * file's name came from a document rather than from the person at the keyboard (a note, a site
 * build) — only inside the folder they allowed. Errors name the path and what was wrong; they
 * never quote the file's content.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { FileAccess } from "../platform.ts";
import { TconvError } from "../spec/error.ts";

/**
 * The default size cap of an `@file` (CLI `--max-file-size`): 10 MB, the same as the longest
 * claim, far above any tensor a person writes by hand.
 *
 * @example
 * DEFAULT_MAX_FILE_BYTES // → 10000000
 */
export const DEFAULT_MAX_FILE_BYTES = 10_000_000;

/** `@file` access with the working directory resolved (see the core's FileAccess). */
export interface ResolvedFileAccess extends FileAccess {
  readonly cwd: string;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

const reasons: Record<string, string> = {
  ENOENT: "no such file", EACCES: "permission denied", EISDIR: "a directory, not a file",
  ENOTDIR: "a path through something that is not a directory", ELOOP: "too many symlinks",
  ENAMETOOLONG: "the name is too long",
};

/**
 * Reads `@name`'s file as UTF-8 text.
 *
 * @example
 * readUserFile("x.json", "--input", { cwd: process.cwd() }); // the file's text
 * readUserFile("/dev/zero", "--input", { cwd: "." });        // throws: not a regular file (a character device)
 * readUserFile("../secret", "input", { cwd: "notes", root: "notes" }); // throws: outside the note's folder
 */
export function readUserFile(name: string, field: string, access: ResolvedFileAccess): string {
  const shown = name;
  const fail = (why: string, code = "bad-file"): never => {
    throw new TconvError(code, field, `cannot read ${JSON.stringify(shown)}: ${why}`);
  };
  if (name === "") fail("no file name after @");
  if (name.includes("\0")) fail("the name holds a NUL character");
  if (access.root !== undefined && isAbsolute(name)) {
    fail("an absolute path; a note may only read files in its own folder (allow more with the root option)", "file-outside-root");
  }
  const path = resolve(access.cwd, name);
  if (access.root !== undefined) {
    const root = realOrSelf(resolve(access.root));
    if (!inside(resolve(access.root), path)) fail("outside the folder files may be read from (allow more with the root option)", "file-outside-root");
    let real: string;
    try { real = realpathSync(path); } catch (e) { return fail(reasons[(e as NodeJS.ErrnoException).code ?? ""] ?? "unreadable"); }
    if (!inside(root, real)) fail("a symlink to a file outside the folder files may be read from", "file-outside-root");
  }
  const limit = access.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once and is refused below.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail(reasons[(e as NodeJS.ErrnoException).code ?? ""] ?? "unreadable");
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? "a directory" : st.isCharacterDevice() ? "a character device"
        : st.isBlockDevice() ? "a block device" : st.isFIFO() ? "a FIFO" : st.isSocket() ? "a socket" : "not a file";
      fail(`not a regular file (${kind})`);
    }
    if (st.size > limit) fail(`${st.size} bytes, above the limit of ${limit} (raise it with --max-file-size)`, "file-too-large");
    // Read in chunks until the end, refusing once past the cap: a file that grows while it is
    // read, or reports size 0 (procfs), is bounded all the same.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(65536);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) fail(`more than ${limit} bytes (raise it with --max-file-size)`, "file-too-large");
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function realOrSelf(path: string): string {
  try { return realpathSync(path); } catch { return path; }
}

/**
 * The size cap a caller asked for (`--max-file-size`), or the default.
 *
 * @example
 * parseMaxFileBytes("1e6", "--max-file-size") // → 1000000
 */
export function parseMaxFileBytes(value: number | string | undefined, field: string): number {
  if (value === undefined) return DEFAULT_MAX_FILE_BYTES;
  const n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isSafeInteger(n) || n < 1) throw new TconvError("bad-parameter", field, `expected a positive number of bytes, got ${JSON.stringify(String(value))}`);
  return n;
}
