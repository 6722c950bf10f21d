/**
 * Notes never lose text: a lost end marker is an error naming the line with nothing written, an
 * edit saved by another program while a note renders is kept, `--strict` fails on an error
 * callout, hostile YAML is the user's error, and long runs show progress on a terminal.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { parseNoteBlock } from "../../src/notes/block.ts";
import type { Deriver } from "../../src/notes/render-block.ts";
import { runNotes } from "../../src/cli/notes-run.ts";
import { TconvError } from "../../src/spec/error.ts";

const derive: Deriver = (block) => `derivation of ${block.problem.input}`;
const note = "# Week\n\n```tconv\ninput: [1, 2]\nkernel: [1, 1]\n```\n\nmy text\n";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tconv-notes-hard-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("a begin marker without its end", () => {
  it("is an error naming the file and line, and nothing is written", async () => {
    const broken = "```tconv\ninput: [1]\nkernel: [1]\n```\n<!-- tconv:begin hash=0123456789abcdef -->\n\nold\n\nmine\n\n```md\n<!-- tconv:end -->\n```\n\nmore mine\n";
    const dir = dirWith({ "n.md": broken });
    const io = bufferIo(dir);
    expect(await main(["notes", "n.md"], io)).toBe(2);
    expect(io.stderr).toMatch(/^error: n\.md:5: this <!-- tconv:begin --> marker has no <!-- tconv:end -->/);
    expect(readFileSync(join(dir, "n.md"), "utf8")).toBe(broken);
    const check = bufferIo(dir);
    expect(await main(["notes", "--check", "n.md"], check)).toBe(2);
  });
});

describe("a note edited by another program while it renders", () => {
  it("is rendered again from its new text: the other edit is kept", async () => {
    const dir = dirWith({ "n.md": note });
    let calls = 0;
    const editing: Deriver = (block) => {
      if (calls++ === 0) appendFileSync(join(dir, "n.md"), "a line saved by the editor\n");
      return derive(block, { cwd: dir });
    };
    expect(await runNotes(["n.md"], {}, bufferIo(dir), editing)).toBe(0);
    const text = readFileSync(join(dir, "n.md"), "utf8");
    expect(text).toContain("a line saved by the editor");
    expect(text).toContain("derivation of [1, 2]");
    expect(calls).toBe(2);
  });
  it("is refused when it keeps changing, and the last edit stays", async () => {
    const dir = dirWith({ "n.md": note });
    let calls = 0;
    const editing: Deriver = (block) => {
      appendFileSync(join(dir, "n.md"), `edit ${++calls}\n`);
      return derive(block, { cwd: dir });
    };
    await expect(runNotes(["n.md"], {}, bufferIo(dir), editing)).rejects.toMatchObject({ code: "note-changed" });
    expect(readFileSync(join(dir, "n.md"), "utf8")).toBe(`${note}edit 1\nedit 2\n`);
  });
});

describe("--strict and error callouts", () => {
  it("a fresh region holding an error callout fails --check --strict and --strict", async () => {
    const dir = dirWith({ "n.md": "```tconv\ninput: [1]\nkernel: [1]\nstride: 0\n```\n" });
    expect(await main(["notes", "n.md"], bufferIo(dir))).toBe(0); // writes the callout, with a warning
    const plain = bufferIo(dir);
    expect(await main(["notes", "--check", "n.md"], plain)).toBe(0);
    const strict = bufferIo(dir);
    expect(await main(["notes", "--check", "--strict", "n.md"], strict)).toBe(1);
    expect(strict.stdout).toBe("n.md:1: its region is an error callout (the block's content is bad)\n");
    const render = bufferIo(dir);
    expect(await main(["notes", "--strict", "n.md"], render)).toBe(2);
    expect(render.stderr).toMatch(/^error: n\.md:1: the block's region is an error callout/);
  });
});

describe("progress", () => {
  it("prints one line per file on stderr when it is a terminal, nothing otherwise", async () => {
    const dir = dirWith({ "a.md": note, "b.md": note });
    const tty = { ...bufferIo(dir), errIsTTY: true, stderr: "", err(t: string) { tty.stderr += t; } };
    await runNotes(["a.md", "b.md"], {}, tty, derive);
    expect(tty.stderr).toBe("tconv notes: rendering a.md (1/2)\ntconv notes: rendering b.md (2/2)\n");
    const pipe = bufferIo(dirWith({ "a.md": note }));
    await runNotes(["a.md"], {}, pipe, derive);
    expect(pipe.stderr).toBe("");
  });
});

describe("hostile YAML is the user's error", () => {
  it("a billion laughs of aliases", () => {
    const lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [prev, name] of [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"], ["e", "f"], ["f", "g"]]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    lines.push("input: [*g]", "kernel: [1]");
    expect(() => parseNoteBlock(lines.join("\n"))).toThrow(TconvError);
    expect(() => parseNoteBlock(lines.join("\n"))).toThrow(/aliases too many times/);
  });
  it("thousands of nested block sequences or brackets", () => {
    const seq = "input:\n" + Array.from({ length: 3000 }, (_, i) => " ".repeat(i) + "- ").join("\n") + "1\nkernel: [1]";
    expect(() => parseNoteBlock(seq)).toThrow(TconvError);
    expect(() => parseNoteBlock(`input: ${"[".repeat(10_000)}1${"]".repeat(10_000)}\nkernel: [1]`)).toThrow(/nest more than 64 deep/);
  });
});
