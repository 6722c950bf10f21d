/**
 * Writes a file the way every tconv command does: a temporary file beside the target, then a
 * rename, so readers never see half a file and an error leaves nothing behind.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { TconvError } from "../spec/error.ts";

/**
 * Writes `text` to `path` (relative to `cwd`) atomically.
 *
 * @example writeAtomic(process.cwd(), "seed.md", "# …")
 */
export function writeAtomic(cwd: string, path: string, text: string): void {
  const target = resolve(cwd, path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new TconvError("write-failed", "--out", `cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
