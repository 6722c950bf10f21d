/**
 * Writing files the way every tconv command does: a temporary file beside the target, then a
 * rename, so a reader (an editor, a sync client, a crash) sees the old file or the new one, never
 * half of either, and a failure leaves nothing behind. Only the CLI, the showcase writer and the
 * notes writer touch the file system, and all of them come through here.
 */
import { randomBytes } from "node:crypto";
import { promises as fs, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { TconvError } from "../spec/error.ts";

/** Where a target's content is really replaced (a symlink is followed, not replaced) and its temp file. */
function plan(target: string, real: string): { path: string; temp: string } {
  const path = real || target;
  return { path, temp: join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tconv-tmp`) };
}

/**
 * Writes `content` to `target` atomically, keeping an existing file's permission bits; a symlink
 * (dotfiles, synced vaults) keeps being one: the file it points to is replaced.
 *
 * @example
 * await writeFileAtomic("notes/week3.md", rendered);
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const { path, temp } = plan(target, await fs.realpath(target).catch(() => ""));
  const mode = await fs.stat(path).then((s) => s.mode & 0o7777, () => undefined);
  const handle = await fs.open(temp, "wx", mode ?? 0o666);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
    await handle.close();
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, path);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/**
 * The synchronous twin of {@link writeFileAtomic}, for writers that are synchronous end to end
 * (the showcase).
 *
 * @example
 * writeFileAtomicSync("output/seed.en.md", markdown);
 */
export function writeFileAtomicSync(target: string, content: string): void {
  let real = "";
  try { real = realpathSync(target); } catch { /* a new file */ }
  const { path, temp } = plan(target, real);
  let mode: number | undefined;
  try { mode = statSync(path).mode & 0o7777; } catch { mode = undefined; }
  try {
    writeFileSync(temp, content, { flag: "wx", ...(mode !== undefined ? { mode } : {}) });
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * Writes a command's `--out` file (relative to `cwd`); a failure is the user's bad input, named
 * by the option.
 *
 * @example
 * await writeOutFile(process.cwd(), "seed.md", "# …");
 */
export async function writeOutFile(cwd: string, out: string, text: string, option = "--out"): Promise<void> {
  try {
    await writeFileAtomic(resolve(cwd, out), text);
  } catch (e) {
    throw new TconvError("write-failed", option, `cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
