import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNoteBlock } from "../../src/notes/block.ts";
import { deriveBlock } from "../../src/notes/derive.ts";
import { renderBlockBody } from "../../src/notes/render-block.ts";

const here = { cwd: process.cwd() };
const seed = "input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\n";

function derived(body: string, cwd = here.cwd) {
  return renderBlockBody(body, deriveBlock, { cwd });
}

describe("deriving a block", () => {
  it("renders the asked sections of the walkthrough without the document title", async () => {
    const { markdown, error } = await derived(seed + "sections: [size, cells]");
    expect(error).toBeUndefined();
    expect(markdown).not.toMatch(/^# /m);
    expect(markdown).toMatch(/^## 1\. Output size$/m);
    expect(markdown).toMatch(/^## 2\. Every output cell as a sum$/m);
    expect(markdown).not.toMatch(/Scatter/);
    expect(markdown).toContain("Y = \\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{bmatrix}");
  });

  it("writes Chinese with lang: zh and numbers cells from 1 with index_base: 1", async () => {
    const { markdown } = await derived(seed + "sections: [cells]\nlang: zh\nindex_base: 1");
    expect(markdown).toMatch(/[\u4e00-\u9fff]/);
    expect(markdown).toContain("y_{1,1}");
    expect(markdown).not.toContain("y_{0,0}");
  });

  it("renders the checker's report for a claim, naming the wrong cell", async () => {
    const { markdown, error } = await derived(seed + "claim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]");
    expect(error).toBeUndefined();
    expect(markdown).toContain("1 of 9 computed cells is wrong");
    expect(markdown).toContain("y_{2,2}");
  });

  it("accepts a correct claim with unknown cells", async () => {
    const { markdown, error } = await derived(seed + "claim: '[[1, 2, 0], [3, ?, -2], [0, -3, -4]]'");
    expect(error).toBeUndefined();
    expect(markdown).not.toContain("wrong cells, derived");
  });

  it("reads @file tensors relative to the note's directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-derive-"));
    writeFileSync(join(dir, "x.json"), "[[1, 2], [3, 4]]");
    const { error, markdown } = await derived('input: "@x.json"\nkernel: [[1, 0], [0, -1]]\nsections: [cells]', dir);
    expect(error).toBeUndefined();
    expect(markdown).toContain("-4");
  });

  it.each([
    ["lang: fr", "lang", /expected en or zh, got "fr"/],
    ["sections: [size, sizes]", "sections", /unknown section "sizes"/],
    ["cell: [5, 0]", "cell", /outside 0\.\.2/],
    ["index_base: 2", "index_base", /expected 0 or 1/],
    ["output-padding: 3", "output-padding", /./],
    ["output_padding: 3", "output_padding", /./],
    ["claim: '[[1, 2]]'\nsections: [size]", "sections", /has no sections/],
    ["claim: '[[1, 2], [3'", "claim", /./],
  ])("names the key at fault for %j", async (extra, path, message) => {
    const { error, markdown } = await derived(seed + extra);
    expect(error?.path).toBe(path);
    expect(error?.message).toMatch(message);
    expect(markdown).toMatch(/^> \[!WARNING\]\n> tconv could not render this block: /);
  });

  it("keeps symbols in the input of a walkthrough", async () => {
    const { error, markdown } = await derived("input: [[a, b], [c, d]]\nkernel: [[1, 0], [0, -1]]\nsections: [cells]");
    expect(error).toBeUndefined();
    expect(markdown).toMatch(/a/);
  });

  it("derives a walkthrough and a claim's report synchronously, as strings", () => {
    const walkthrough: string = deriveBlock(parseNoteBlock(seed + "sections: [size]"), here);
    expect(walkthrough).toContain("Output size");
    const report: string = deriveBlock(parseNoteBlock(seed + "claim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]"), here);
    expect(report).toContain("1 of 9 computed cells is wrong");
    const rendered = renderBlockBody(seed + "claim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]", deriveBlock, here);
    expect(rendered).not.toBeInstanceOf(Promise);
    expect(rendered.markdown).toContain("y_{2,2}");
  });
});
