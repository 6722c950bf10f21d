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

  it("never swallows text when an end marker was deleted by hand", async () => {
    const note = `${block("a: 1")}\n<!-- tconv:begin hash=0000 -->\nold\n\nmy own text\n\n${block("b: 2")}\n<!-- tconv:begin hash=1111 -->\n<!-- tconv:end -->\n`;
    const { text } = await renderNote(note, render);
    expect(text).toContain("my own text");
    expect(text).toContain("old");
    expect(stripGenerated(text)).toBe(note.replace("<!-- tconv:begin hash=1111 -->\n<!-- tconv:end -->\n", ""));
  });

  it("reports the error a renderer returns with the block's line", async () => {
    const note = `intro\n${block("bad")}\n`;
    const { blocks, text } = await renderNote(note, () => ({ markdown: "> [!WARNING]\n> oops", error: { code: "x", path: "yaml", message: "oops" } }));
    expect(blocks).toEqual([{ line: 2, status: "stale", error: { code: "x", path: "yaml", message: "oops" } }]);
    expect(text).toContain("> [!WARNING]");
  });
});
