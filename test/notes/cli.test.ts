import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

function noteDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tconv-notes-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const zeroStride = "# Notes\n\n```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nstride: 0\n```\n";

describe("tconv notes", () => {
  it("--strict exits 2 with one error line naming the file, the block's line and the key, and writes nothing", async () => {
    const dir = noteDir({ "a.md": zeroStride });
    const io = bufferIo(dir);
    expect(await main(["notes", "--strict", "a.md"], io)).toBe(2);
    expect(io.stderr).toMatch(/^error: a\.md:3: stride: .*stride.*\n$/);
    expect(io.stderr.split("\n")).toHaveLength(2);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(zeroStride);
  });

  it("without --strict writes the error callout into the note and exits 0", async () => {
    const dir = noteDir({ "a.md": zeroStride });
    const io = bufferIo(dir);
    expect(await main(["notes", "a.md"], io)).toBe(0);
    const text = readFileSync(join(dir, "a.md"), "utf8");
    expect(text).toMatch(/<!-- tconv:begin hash=[0-9a-f]{16} -->\n\n> \[!WARNING\]\n> tconv could not render this block: stride: /);
    expect(io.stderr).toMatch(/^warning: a\.md:3: stride: /);
  });

  it("--check exits 1 and lists the stale block, then 0 once rendered", async () => {
    const dir = noteDir({ "a.md": zeroStride });
    const io = bufferIo(dir);
    expect(await main(["notes", "--check", "a.md"], io)).toBe(1);
    expect(io.stdout).toBe("a.md:3: stale (run tconv notes to render it)\n");
    await main(["notes", "a.md"], bufferIo(dir));
    const io2 = bufferIo(dir);
    expect(await main(["notes", "--check", "a.md"], io2)).toBe(0);
  });

  it("refuses a missing file with exit 2", async () => {
    const io = bufferIo(noteDir({}));
    expect(await main(["notes", "nope.md"], io)).toBe(2);
    expect(io.stderr).toBe("error: nope.md: cannot read the note: no such file\n");
  });

  it("documents every option in --help", async () => {
    const io = bufferIo();
    expect(await main(["notes", "--help"], io)).toBe(0);
    expect(io.stdout).toContain("--check");
    expect(io.stdout).toContain("--strict");
  });
});
