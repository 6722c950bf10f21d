/**
 * Replacing a note on disk so that a reader (an editor, a sync client, a crash) sees either the
 * old note or the new one, never half of each: write a temporary file beside it, then rename.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `content` to `target` atomically, keeping the file's permission bits; a symlink is
 * followed, not replaced.
 *
 * @example
 * await writeFileAtomic("notes/week3.md", rendered);
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  // A note that is a symlink (dotfiles, synced vaults) keeps being one: the file it points to is
  // the one replaced, with the temporary file beside it.
  const path = await fs.realpath(target).catch(() => target);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tconv-tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o7777;
  } catch {
    mode = undefined; // a new file gets the default permissions
  }
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
