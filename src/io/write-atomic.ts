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

/** What `--out` found at its path, after following symlinks. */
type OutTarget = "new" | "regular" | "read-only" | "device" | "other";

async function outTarget(path: string): Promise<{ kind: OutTarget; what?: string }> {
  let st;
  try {
    st = await fs.stat(path); // follows symlinks: a link is judged by what it points to
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      // A dangling symlink would be replaced by a regular file; refuse rather than guess.
      const link = await fs.lstat(path).catch(() => undefined);
      return link?.isSymbolicLink() ? { kind: "other", what: "a symlink to nothing" } : { kind: "new" };
    }
    throw e;
  }
  if (st.isFile()) return { kind: (st.mode & 0o200) === 0 ? "read-only" : "regular" };
  if (st.isCharacterDevice() || st.isFIFO() || st.isSocket()) return { kind: "device" };
  return { kind: "other", what: st.isDirectory() ? "a directory" : st.isBlockDevice() ? "a block device" : "not a regular file" };
}

/**
 * Writes a command's `--out` file (relative to `cwd`); a failure is the user's bad input, named
 * by the option. A new path or a regular file is written atomically (temp file and rename; a
 * symlink is followed and the file it points to replaced, the link kept); a character device or
 * FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written through, never replaced; a directory, a
 * block device or a dangling symlink is refused; a read-only file (no owner write bit, e.g. mode
 * 0444) is replaced only with `force`.
 *
 * @example
 * await writeOutFile(process.cwd(), "seed.md", "# …");
 * await writeOutFile(process.cwd(), "/dev/null", "# …"); // written through, the device stays
 */
export async function writeOutFile(cwd: string, out: string, text: string, options: { option?: string; force?: boolean } = {}): Promise<void> {
  const option = options.option ?? "--out";
  const path = resolve(cwd, out);
  const fail = (why: string): never => { throw new TconvError("write-failed", option, `cannot write ${JSON.stringify(out)}: ${why}`); };
  try {
    const target = await outTarget(path);
    if (target.kind === "other") fail(target.what ?? "not a regular file");
    if (target.kind === "read-only" && !options.force) fail("the file is read-only (mode without write permission); add --force to replace it");
    if (target.kind === "device") {
      const handle = await fs.open(path, "w");
      try { await handle.writeFile(text, "utf8"); } finally { await handle.close(); }
      return;
    }
    await writeFileAtomic(path, text);
  } catch (e) {
    if (e instanceof TconvError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === "ENOSPC" ? "no space left on the device (ENOSPC)" : code === "EACCES" || code === "EPERM" ? `permission denied (${code})` : `${code ?? "error"}`);
  }
}
