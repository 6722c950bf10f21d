import { describe, expect, it } from "vitest";
import { explainDocument, type ExplainDocumentOptions } from "../../src/api/explain.ts";
import { main } from "../../src/cli.ts";
import { explain } from "../../src/explain/index.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { parseNoteBlock } from "../../src/notes/block.ts";
import { deriveBlock } from "../../src/notes/derive.ts";
import { renderBlockBody } from "../../src/notes/render-block.ts";
import { renderDerivation, type Format } from "../../src/render/index.ts";
import type { Locale } from "../../src/spec/locale.ts";
import { isTconvError } from "../../src/spec/error.ts";
import { cliNames } from "../../src/spec/names.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";

const SEED = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" } as const;
const SEED_BLOCK = "input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\n";
const here = { cwd: process.cwd() };

/** The error a call throws, as { path, message }. */
function errorOf(run: () => unknown): { path: string; message: string } {
  try {
    run();
  } catch (e) {
    if (isTconvError(e)) return { path: e.path, message: e.message };
    throw e;
  }
  throw new Error("expected a TconvError");
}

/** The error `tconv explain` prints for these arguments, as { path, message }. */
async function cliError(args: readonly string[]): Promise<{ path: string; message: string }> {
  const io = bufferIo(process.cwd());
  expect(await main(["explain", "--input", SEED.input, "--kernel", SEED.kernel, ...args], io)).toBe(2);
  const line = /^error: (--[a-z-]+): (.*)\n$/.exec(io.stderr);
  if (!line) throw new Error(`not one error line: ${io.stderr}`);
  return { path: line[1]!, message: line[2]! };
}

/** The error a notes block shows, as { path, message }. */
function blockError(extra: string): { path: string; message: string } {
  const { error } = renderBlockBody(SEED_BLOCK + extra, deriveBlock, here);
  if (!error) throw new Error("expected the block to fail");
  return { path: error.path, message: error.message };
}

describe("explainDocument's errors", () => {
  it.each([
    ["cell", "5,5", "cell: [5, 5]", "--cell", "cell"],
    ["sections", "size,nope", "sections: [size, nope]", "--sections", "sections"],
    ["lang", "fr", "lang: fr", "--lang", "lang"],
    ["indexBase", "2", "index_base: 2", "--index-base", "index_base"],
    ["indexBase", "2", "index-base: 2", "--index-base", "index-base"],
  ] as const)("name the field as each user wrote it: %s is %s on the command line, its property in the library, the block's own key in a note",
    async (key, value, blockLine, cliField, blockField) => {
      const library = errorOf(() => explainDocument({ ...SEED, [key]: value }));
      const cli = await cliError([cliField, value]);
      const note = blockError(blockLine);
      expect([library.path, cli.path, note.path]).toEqual([key, cliField, blockField]);
      // One parser: the same words whoever asked.
      expect(cli.message).toBe(library.message);
      expect(note.message).toBe(library.message);
    });

  it("name --format on the command line and format in a library call, with the same words", async () => {
    const library = errorOf(() => explainDocument({ ...SEED, format: "pdf" }));
    expect(library).toEqual({ path: "format", message: 'unknown format "pdf"; expected md, html, tex or json' });
    expect(await cliError(["--format", "pdf"])).toEqual({ ...library, path: "--format" });
  });

  it("name the caller's names when given cliNames directly", () => {
    expect(errorOf(() => explainDocument({ ...SEED, names: cliNames, cell: [9, 9] })).path).toBe("--cell");
    expect(errorOf(() => explainDocument({ ...SEED, names: cliNames, stride: "0" })).path).toBe("--stride");
  });

  it("check the cell in the chosen index base: 0,0 is outside when counting from 1", () => {
    expect(errorOf(() => explainDocument({ ...SEED, indexBase: 1, cell: "0,0" })).message).toMatch(/outside 1\.\.3/);
    expect(explainDocument({ ...SEED, indexBase: 1, cell: "1,1" }).derivation.focus).toBe(0);
  });

  it("pin a walkthrough above its term limit on the limit's field, or where a note says it cannot be raised", () => {
    const big = { input: `[${Array(400).fill(1).join(",")}]`, kernel: `[${Array(300).fill(1).join(",")}]` };
    expect(errorOf(() => explainDocument(big))).toMatchObject({ path: "maxTerms", message: expect.stringContaining("raise it with maxTerms 120000") });
    expect(errorOf(() => explainDocument({ ...big, names: cliNames })).message).toContain("raise it with --max-terms 120000");
    const { error } = renderBlockBody(`input: ${big.input}\nkernel: ${big.kernel}\n`, deriveBlock, here);
    expect(error?.path).toBe("input");
    expect(error?.message).toContain("a note cannot raise it");
  });
});

describe("explainDocument's options", () => {
  it("are parsed once and returned parsed: sections as text or a list, lang zh or zh-CN, index base as text or number", () => {
    const a = explainDocument({ ...SEED, sections: " size , cells ", lang: "zh", indexBase: "1", format: " MD " });
    const b = explainDocument({ ...SEED, sections: ["size", "cells"], lang: "zh-CN", indexBase: 1, format: "md" });
    expect([a.sections, a.locale, a.indexBase, a.format]).toEqual([["size", "cells"], "zh-CN", 1, "md"]);
    expect(b.text).toBe(a.text);
    expect(a.derivation.steps.map((s) => s.kind)).toEqual(["size", "cells"]);
  });

  it("default to Markdown in English, every section that applies, counted from 0", () => {
    const doc = explainDocument(SEED);
    expect([doc.format, doc.locale, doc.indexBase]).toEqual(["md", "en", 0]);
    expect(doc.sections).toEqual(explain(parseProblem(SEED)).steps.map((s) => s.kind));
    expect(doc.text).toMatch(/^# Transposed convolution, step by step: 2×2 → 3×3/);
  });

  it("allow symbols unless told not to", () => {
    expect(explainDocument({ input: "[[a,b],[c,d]]", kernel: "[[1,0],[0,-1]]", sections: "cells" }).text).toContain("a");
    expect(errorOf(() => explainDocument({ input: "[[a,b],[c,d]]", kernel: "[[1,0],[0,-1]]", allowSymbols: false })).path).toMatch(/^input/);
  });
});

describe("explainDocument's bytes", () => {
  // Larger problems (stride, padding, groups, 3-D) keep their bytes too: the showcase, written
  // through explainDocument, is compared with the committed output/ by test/explain/showcase.test.ts.
  const problems: ExplainDocumentOptions[] = [SEED, { op: "conv", input: "[1,2,3,4]", kernel: "[1,-1]", bias: "[1/2]" }];
  const formats: Format[] = ["md", "html", "tex", "json"];
  const locales: Locale[] = ["en", "zh-CN"];

  it.each(problems.map((p) => [JSON.stringify(p), p] as const))("are those of explain + renderDerivation for every format and language: %s", (_name, options) => {
    const derivation = explain(parseProblem({ ...options, allowSymbols: true }));
    for (const format of formats) {
      for (const locale of locales) {
        expect(explainDocument({ ...options, format, lang: locale }).text).toBe(renderDerivation(derivation, { format, locale }));
      }
    }
  });

  it("are what tconv explain prints, and a note's block shows the same walkthrough below its title", async () => {
    const doc = explainDocument({ ...SEED, sections: "size,cells", cell: "2,2", indexBase: 1, lang: "zh" });
    const io = bufferIo(process.cwd());
    expect(await main(["explain", "--input", SEED.input, "--kernel", SEED.kernel, "--sections", "size,cells", "--cell", "2,2", "--index-base", "1", "--lang", "zh"], io)).toBe(0);
    expect(io.stdout).toBe(doc.text);
    const block = deriveBlock(parseNoteBlock(SEED_BLOCK + "sections: [size, cells]\ncell: [2, 2]\nindex_base: 1\nlang: zh"), here);
    expect(doc.text.startsWith("# ")).toBe(true);
    expect(doc.text.replace(/^# [^\n]*\n+/, "")).toBe(block);
  });
});
