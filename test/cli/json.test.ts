/**
 * Every command takes `--json` and then prints one JSON document on stdout (docs/cli.md has the
 * shapes). Where a command also has `--format json`, `--json` is its alias and `--json` with
 * another `--format` is refused as conflicting. `notes --json` reports every block's status for
 * a notes repository's CI, with the exit codes it has without `--json`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROBLEM = ["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]"];

async function run(args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** The run printed exactly one JSON document, on one line. */
function oneDocument(stdout: string): unknown {
  expect(stdout.endsWith("\n")).toBe(true);
  expect(stdout.slice(0, -1)).not.toContain("\n");
  return JSON.parse(stdout);
}

describe("--json on every command", () => {
  it("eval, shape and check print their contract JSON", async () => {
    expect(oneDocument((await run(["eval", ...PROBLEM, "--json"])).stdout)).toEqual({ shape: [3, 3], output: [[1, 2, 0], [3, 3, -2], [0, -3, -4]] });
    expect(oneDocument((await run(["shape", "--input-shape", "2,2", "--kernel-shape", "2,2", "--json"])).stdout)).toEqual({ shape: [3, 3] });
    const check = await run(["check", ...PROBLEM, "--claim", "[[1,2,0],[3,3,-2],[0,-3,-4]]", "--json"]);
    expect(oneDocument(check.stdout)).toMatchObject({ correct: true, wrong: [] });
  });

  it("matrix --json is matrix --format json", async () => {
    const args = ["matrix", "--input-shape", "2,2", "--kernel-shape", "2,2"];
    const json = await run([...args, "--json"]);
    expect(json.code).toBe(0);
    expect(oneDocument(json.stdout)).toMatchObject({ rows: 4, cols: 9 });
    expect(json.stdout).toBe((await run([...args, "--format", "json"])).stdout);
    expect((await run([...args, "--json", "--format", "JSON"])).stdout).toBe(json.stdout);
  });

  it("explain --json is explain --format json", async () => {
    const args = ["explain", ...PROBLEM, "--sections", "size,cells"];
    const json = await run([...args, "--json"]);
    expect(json.code).toBe(0);
    expect(oneDocument(json.stdout)).toMatchObject({ format: "tconv-walkthrough", op: "transposed" });
    expect(json.stdout).toBe((await run([...args, "--format", "json"])).stdout);
  });

  it("--json with another --format written out is refused as conflicting; the default --format is not", async () => {
    for (const args of [
      ["explain", ...PROBLEM, "--json", "--format", "md"],
      ["matrix", "--input-shape", "2", "--kernel-shape", "2", "--format", "tex", "--json"],
      ["check", ...PROBLEM, "--claim", "[[1]]", "--json", "--format", "md"],
    ]) {
      const r = await run(args);
      expect(r).toMatchObject({ code: 2, stdout: "" });
      expect(r.stderr).toMatch(/^error: --json: give --json [^\n]*not both[^\n]*\n$/);
    }
  });

  it("code --json holds the framework and the very script code prints", async () => {
    const script = (await run(["code", ...PROBLEM, "--framework", "torch"])).stdout;
    const json = oneDocument((await run(["code", ...PROBLEM, "--framework", "torch", "--json"])).stdout);
    expect(json).toEqual({ framework: "torch", script });
    expect(script).toContain("import torch");
  });

  it("playground --json reports the file it wrote: its name, size, language and pre-filled fields", async () => {
    const r = await run(["playground", "--out", "p.html", "--lang", "zh", "--stride", "2", ...PROBLEM, "--json"]);
    expect(r.code).toBe(0);
    expect(oneDocument(r.stdout)).toEqual({
      out: "p.html", bytes: statSync(join(dir, "p.html")).size, lang: "zh",
      fields: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: "2" },
    });
  }, 300_000); // the page is bundled with esbuild
});

describe("notes --json", () => {
  const good = "```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]\n```\n";
  const bad = "```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nstride: 0\n```\n";
  const unclosed = "```tconv\ninput: [[1]]\n";
  const note = `# Week 3\n\n${good}\n${bad}\n${unclosed}`;

  const noteIn = (name: string, text: string) => {
    const folder = mkdtempSync(join(dir, "notes-"));
    writeFileSync(join(folder, name), text);
    return folder;
  };
  const notes = async (folder: string, args: string[]) => {
    const io = bufferIo(folder);
    const code = await main(["notes", ...args], io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  };

  it("reports each block as rendered, error (with the field and message) or unclosed, and totals; exit 0 as without --json", async () => {
    const folder = noteIn("a.md", note);
    const r = await notes(folder, ["--json", "a.md"]);
    expect(r.code).toBe(0);
    expect(oneDocument(r.stdout)).toEqual({
      check: false,
      files: [{
        file: "a.md", changed: true, blocks: [
          { line: 3, status: "rendered" },
          { line: 9, status: "error", code: "non-positive-stride", field: "stride", message: expect.stringMatching(/stride/) },
          { line: 15, status: "unclosed", message: expect.stringMatching(/never closed/) },
        ],
      }],
      totals: { files: 1, blocks: 3, rendered: 1, unchanged: 0, stale: 0, unclosed: 1, error: 1 },
    });
    expect(r.stderr).toMatch(/^warning: a\.md:9: stride: /);
  });

  it("a second run reports the rendered block unchanged and the error callout it left as an error", async () => {
    const folder = noteIn("a.md", note);
    await notes(folder, ["a.md"]);
    const rendered = readFileSync(join(folder, "a.md"), "utf8");
    const r = await notes(folder, ["--json", "a.md"]);
    expect(r.code).toBe(0);
    const report = oneDocument(r.stdout) as { files: Array<{ changed: boolean; blocks: Array<{ status: string; message?: string }> }>; totals: object };
    expect(report.files[0]!.changed).toBe(false);
    expect(report.files[0]!.blocks.map((b) => b.status)).toEqual(["unchanged", "error", "unclosed"]);
    expect(report.files[0]!.blocks[1]!.message).toMatch(/error callout from an earlier run/);
    expect(readFileSync(join(folder, "a.md"), "utf8")).toBe(rendered);
  });

  it("--check --json lists stale blocks per file and exits 1 while any is stale, 0 once none is", async () => {
    const folder = noteIn("a.md", `# A\n\n${good}`);
    writeFileSync(join(folder, "b.md"), `# B\n\n${good}`);
    await notes(folder, ["b.md"]);
    const stale = await notes(folder, ["--check", "--json", "a.md", "b.md"]);
    expect(stale.code).toBe(1);
    expect(oneDocument(stale.stdout)).toEqual({
      check: true,
      files: [
        { file: "a.md", changed: false, blocks: [{ line: 3, status: "stale" }] },
        { file: "b.md", changed: false, blocks: [{ line: 3, status: "unchanged" }] },
      ],
      totals: { files: 2, blocks: 2, rendered: 0, unchanged: 1, stale: 1, unclosed: 0, error: 0 },
    });
    await notes(folder, ["a.md"]);
    const fresh = await notes(folder, ["--check", "--json", "a.md", "b.md"]);
    expect(fresh.code).toBe(0);
    expect((oneDocument(fresh.stdout) as { totals: object }).totals).toMatchObject({ unchanged: 2, stale: 0 });
  });

  it("--strict --json still refuses a bad block with one error line, no JSON and nothing written", async () => {
    const folder = noteIn("a.md", note);
    const r = await notes(folder, ["--strict", "--json", "a.md"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^error: a\.md:9: stride: [^\n]*\n$/);
    expect(readFileSync(join(folder, "a.md"), "utf8")).toBe(note);
  });
});
