import { describe, expect, it } from "vitest";
import { noteStatus, renderNote, stripGenerated, type BlockRenderer } from "../../src/notes/document.ts";
import { blockHash } from "../../src/notes/markers.ts";

const render: BlockRenderer = (body) => ({ markdown: `rendered ${body.trim().split("\n").join(" / ")}` });
const block = (body: string) => "```tconv\n" + body + "\n```";

describe("rendering a note", () => {
  it("puts the derivation right after the block between markers carrying the block's hash", async () => {
    const note = `# Notes\n\n${block("input: [1]")}\n\nAfter.\n`;
    const { text, blocks } = await renderNote(note, render);
    expect(text).toBe([
      "# Notes", "", "```tconv", "input: [1]", "```",
      `<!-- tconv:begin hash=${blockHash("input: [1]\n")} -->`, "", "rendered input: [1]", "", "<!-- tconv:end -->",
      "", "After.", "",
    ].join("\n"));
    expect(blocks).toEqual([{ line: 3, status: "stale" }]);
  });

  it("renders a block at the very start and one at the very end without a final newline", async () => {
    const note = `${block("a: 1")}\ntext\n${block("b: 2")}`;
    const { text } = await renderNote(note, render);
    expect(text.startsWith("```tconv\na: 1\n```\n<!-- tconv:begin")).toBe(true);
    expect(text.endsWith("rendered b: 2\n\n<!-- tconv:end -->")).toBe(true);
    expect(stripGenerated(text)).toBe(note);
  });

  it("finds a block on the first line after a byte-order mark and keeps the mark", async () => {
    const note = "\uFEFF```tconv\r\na: 1\r\n```\r\n";
    const { text, blocks } = await renderNote(note, render);
    expect(blocks).toEqual([{ line: 1, status: "stale" }]);
    expect(text.startsWith("\uFEFF```tconv\r\n")).toBe(true);
    expect(stripGenerated(text)).toBe(note);
  });

  it("keeps CRLF line endings in what it writes", async () => {
    const note = "```tconv\r\na: 1\r\n```\r\nend\r\n";
    const { text } = await renderNote(note, render);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(stripGenerated(text)).toBe(note);
  });

  it("re-renders an edited block and only that block", async () => {
    const note = `${block("a: 1")}\n\n${block("b: 2")}\n`;
    const first = (await renderNote(note, render)).text;
    const edited = first.replace("b: 2", "b: 3");
    expect(noteStatus(edited).map((b) => b.status)).toEqual(["fresh", "stale"]);
    const second = await renderNote(edited, render);
    expect(second.text).toContain("rendered b: 3");
    expect(second.text).not.toContain("rendered b: 2");
    expect(second.blocks.map((b) => b.status)).toEqual(["fresh", "stale"]);
  });

  it("marks every block stale when the tconv version changes", () => {
    const note = `${block("a: 1")}\n<!-- tconv:begin hash=${blockHash("a: 1\n", "0.1.0")} -->\nold\n<!-- tconv:end -->\n`;
    expect(noteStatus(note, "0.1.0")[0]!.status).toBe("fresh");
    expect(noteStatus(note, "0.2.0")[0]!.status).toBe("stale");
  });

  it("leaves a block that is never closed alone", async () => {
    const note = "text\n```tconv\na: 1\n";
    const { text, blocks } = await renderNote(note, render);
    expect(text).toBe(note);
    expect(blocks).toEqual([{ line: 2, status: "unclosed" }]);
  });

  it("does not treat tconv fences in other code, quotes or lists as blocks", () => {
    const note = ["````md", block("a: 1"), "````", "", "    ```tconv", "    a: 1", "    ```", "", "> " + block("a: 1").split("\n").join("\n> ")].join("\n");
    expect(noteStatus(note)).toEqual([]);
  });

  it("refuses, naming the line, a region whose end marker was deleted by hand (another region follows)", async () => {
    const note = `${block("a: 1")}\n<!-- tconv:begin hash=0000 -->\nold\n\nmy own text\n\n${block("b: 2")}\n<!-- tconv:begin hash=1111 -->\n<!-- tconv:end -->\n`;
    await expect(renderNote(note, render)).rejects.toMatchObject({ code: "unterminated-region", path: "line 4" });
    expect(() => noteStatus(note)).toThrow(/has no <!-- tconv:end -->/);
    // The plugins' view of the note keeps everything: nothing is stripped without its end.
    expect(stripGenerated(note)).toContain("my own text");
  });

  it("refuses a lost end marker even when an end marker appears inside a fenced example below", async () => {
    const note = `${block("a: 1")}\n<!-- tconv:begin hash=0000 -->\nold\n\nmy text\n\n~~~markdown\n<!-- tconv:end -->\n~~~\n\nmore of my text\n`;
    await expect(renderNote(note, render)).rejects.toMatchObject({ code: "unterminated-region", path: "line 4" });
    expect(stripGenerated(note)).toBe(note);
  });

  it("counts markers only at the top level: markers quoted in a fence, a blockquote or a list are text", async () => {
    for (const quoted of ["~~~\n<!-- tconv:end -->\n~~~", "> <!-- tconv:end -->", "- <!-- tconv:end -->"]) {
      const region = "<!-- tconv:begin hash=0000 -->\nold\n\n" + quoted + "\n\nmine\n\n<!-- tconv:end -->\n";
      const note = `${block("a: 1")}\n${region}tail\n`;
      const { text } = await renderNote(note, render);
      // The real end is the top-level one: the whole old region (with the quoted marker) is replaced.
      expect(text.endsWith("<!-- tconv:end -->\ntail\n")).toBe(true);
      expect(text).not.toContain("mine");
      const stray = `before\n\n${quoted}\n\nafter\n`;
      expect(stripGenerated(stray)).toBe(stray);
    }
  });

  it("reports the error a renderer returns with the block's line", async () => {
    const note = `intro\n${block("bad")}\n`;
    const { blocks, text } = await renderNote(note, () => ({ markdown: "> [!WARNING]\n> oops", error: { code: "x", path: "yaml", message: "oops" } }));
    expect(blocks).toEqual([{ line: 2, status: "stale", error: { code: "x", path: "yaml", message: "oops" } }]);
    expect(text).toContain("> [!WARNING]");
  });
});
