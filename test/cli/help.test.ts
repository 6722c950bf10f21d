/**
 * `--help` groups the shared problem options under headings (commander's help groups), after
 * the command's own options, so that `tconv eval --help` shows what the command adds first.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

/** The help text's sections: heading → the long options listed under it, in order. */
async function helpSections(command: string): Promise<Array<[string, string[]]>> {
  const io = bufferIo();
  expect(await main([command, "--help"], io)).toBe(0);
  expect(io.stderr).toBe("");
  const sections: Array<[string, string[]]> = [];
  for (const line of io.stdout.split("\n")) {
    const heading = /^(\S[^:]*:)$/.exec(line);
    if (heading) sections.push([heading[1]!, []]);
    const option = /^ {2}(?:-\w, )?(--[\w-]+)/.exec(line);
    if (option && sections.length > 0) sections[sections.length - 1]![1].push(option[1]!);
  }
  return sections;
}

const SHARED: Record<string, string[]> = {
  "Geometry:": ["--stride", "--dilation", "--padding", "--output-padding", "--output-size", "--output-shape", "--auto-pad", "--groups"],
  "Framework layer:": ["--torch", "--keras"],
  "Limits:": ["--max-terms", "--max-cells", "--max-file-size"],
};
const HEADINGS = ["Options:", "Problem:", "Geometry:", "Framework layer:", "Limits:"];

describe("--help groups the shared problem options", () => {
  const tensorCommands: Array<[string, string[]]> = [
    ["eval", ["--exact", "--json"]],
    ["code", ["--framework", "--json"]],
    ["explain", ["--format", "--json", "--lang", "--out", "--force", "--sections", "--cell", "--index-base"]],
    ["check", ["--claim", "--claim-shape", "--claim-matrix", "--json", "--format", "--lang", "--out", "--force", "--index-base"]],
    ["playground", ["--out", "--force", "--lang", "--json", "--index-base"]],
  ];
  for (const [command, own] of tensorCommands) {
    it(`${command} --help lists its own options first, then Problem, Geometry, Framework layer and Limits`, async () => {
      const sections = await helpSections(command);
      expect(sections.map(([h]) => h)).toEqual(HEADINGS);
      const byHeading = Object.fromEntries(sections);
      expect(byHeading["Options:"]).toEqual(expect.arrayContaining([...own, "--help"]));
      for (const shared of [...Object.values(SHARED).flat(), "--input", "--kernel", "--bias", "--layout", "--op"]) {
        expect(byHeading["Options:"]).not.toContain(shared);
      }
      expect(byHeading["Problem:"]).toEqual(["--input", "--kernel", "--bias", "--layout", "--op"]);
      for (const [heading, options] of Object.entries(SHARED)) expect(byHeading[heading]).toEqual(options);
    });
  }

  it("shape and matrix --help put the shapes (and matrix's --kernel values) under Problem", async () => {
    const shape = Object.fromEntries(await helpSections("shape"));
    expect(Object.keys(shape)).toEqual(HEADINGS);
    expect(shape["Options:"]).toEqual(["--want-shape", "--json", "--help"]);
    expect(shape["Problem:"]).toEqual(["--input-shape", "--kernel-shape", "--layout", "--op"]);
    const matrix = Object.fromEntries(await helpSections("matrix"));
    expect(Object.keys(matrix)).toEqual(HEADINGS);
    expect(matrix["Options:"]).toEqual(["--format", "--json", "--index-base", "--help"]);
    expect(matrix["Problem:"]).toEqual(["--input-shape", "--kernel-shape", "--kernel", "--layout", "--op"]);
    for (const [heading, options] of Object.entries(SHARED)) {
      expect(shape[heading]).toEqual(options);
      expect(matrix[heading]).toEqual(options);
    }
  });

  it("every one of the 18 shared options of eval is under a heading other than Options", async () => {
    const grouped = (await helpSections("eval")).filter(([h]) => h !== "Options:").flatMap(([, options]) => options);
    expect(grouped).toHaveLength(18);
  });

  it("notes, which has no problem options, keeps one Options heading", async () => {
    const sections = await helpSections("notes");
    expect(sections.map(([h]) => h)).toEqual(["Arguments:", "Options:"]);
    expect(sections[1]![1]).toContain("--json");
  });
});
