import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bufferIo } from "../../src/io/cli-io.ts";
import { runNotes } from "../../src/cli/notes-run.ts";
import type { Deriver } from "../../src/notes/render-block.ts";
import { TconvError } from "../../src/spec/error.ts";

/** Derives a stand-in text from the parsed block, so these tests exercise only the writer. */
const derive: Deriver = (block) => `derivation of ${block.problem.input} * ${block.problem.kernel}`;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tconv-notes-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const good = "# Week 3\n\n```tconv\ninput: [1, 2]\nkernel: [1, 1]\n```\n\nThe end.\n";
const bad = "Intro\n\n```tconv\ninput: [1, 2]\nkernel: [1, 1]\nstrides: 2\n```\n\nOutro\n";

describe("the notes writer", () => {
  it("renders a note in place, then finds nothing to do and leaves the file untouched", async () => {
    const dir = dirWith({ "a.md": good });
    const io = bufferIo(dir);
    expect(await runNotes(["a.md"], {}, io, derive)).toBe(0);
    const once = readFileSync(join(dir, "a.md"), "utf8");
    expect(once).toContain("derivation of [1, 2] * [1, 1]");
    expect(io.stdout).toBe("a.md: 1 rendered, 0 up to date\n");
    const mtime = statSync(join(dir, "a.md")).mtimeMs;
    const io2 = bufferIo(dir);
    expect(await runNotes(["a.md"], {}, io2, derive)).toBe(0);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(once);
    expect(statSync(join(dir, "a.md")).mtimeMs).toBe(mtime);
    expect(io2.stdout).toBe("a.md: 0 rendered, 1 up to date (unchanged)\n");
  });

  it("leaves no temporary file behind and keeps the note's permissions", async () => {
    const dir = dirWith({ "a.md": good });
    chmodSync(join(dir, "a.md"), 0o640);
    await runNotes(["a.md"], {}, bufferIo(dir), derive);
    expect(readdirSync(dir)).toEqual(["a.md"]);
    expect(statSync(join(dir, "a.md")).mode & 0o777).toBe(0o640);
  });

  it("renders the file a symlinked note points to and keeps the link", async () => {
    const dir = dirWith({ "real.md": good });
    symlinkSync(join(dir, "real.md"), join(dir, "link.md"));
    await runNotes(["link.md"], {}, bufferIo(dir), derive);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.md"), "utf8")).toContain("derivation of [1, 2] * [1, 1]");
    expect(readdirSync(dir).sort()).toEqual(["link.md", "real.md"]);
  });

  it("with --check changes nothing and lists stale blocks as file:line with exit 1", async () => {
    const dir = dirWith({ "a.md": good, "b.md": "no blocks\n" });
    const io = bufferIo(dir);
    expect(await runNotes(["a.md", "b.md"], { check: true }, io, derive)).toBe(1);
    expect(io.stdout).toBe("a.md:3: stale (run tconv notes to render it)\n");
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(good);
    await runNotes(["a.md"], {}, bufferIo(dir), derive);
    const io2 = bufferIo(dir);
    expect(await runNotes(["a.md", "b.md"], { check: true }, io2, derive)).toBe(0);
    expect(io2.stdout).toBe("all 2 notes are up to date\n");
  });

  it("renders a bad block as a warning callout, still renders the others, and warns on stderr", async () => {
    const dir = dirWith({ "a.md": bad + "\n" + good });
    const io = bufferIo(dir);
    expect(await runNotes(["a.md"], {}, io, derive)).toBe(0);
    const text = readFileSync(join(dir, "a.md"), "utf8");
    expect(text).toContain("> [!WARNING]\n> tconv could not render this block: strides: unknown key");
    expect(text).toContain("derivation of [1, 2] * [1, 1]");
    expect(io.stderr).toMatch(/^warning: a\.md:3: strides: unknown key/);
  });

  it("with --strict refuses a bad block with one error naming file, line and key, writing no file", async () => {
    const dir = dirWith({ "a.md": good, "b.md": bad });
    const run = runNotes(["a.md", "b.md"], { strict: true }, bufferIo(dir), derive);
    await expect(run).rejects.toThrow(TconvError);
    await expect(run).rejects.toMatchObject({ path: "b.md:3: strides", code: "unknown-key" });
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(good);
    expect(readFileSync(join(dir, "b.md"), "utf8")).toBe(bad);
  });

  it("refuses a file that does not exist, naming it", async () => {
    await expect(runNotes(["missing.md"], {}, bufferIo(dirWith({})), derive)).rejects.toMatchObject({ path: "missing.md" });
  });

  it("turns an internal failure of the deriver into a callout instead of a crash", async () => {
    const dir = dirWith({ "a.md": good });
    await runNotes(["a.md"], {}, bufferIo(dir), () => { throw new Error("boom"); });
    expect(readFileSync(join(dir, "a.md"), "utf8")).toContain("internal error (please report): boom");
  });
});
