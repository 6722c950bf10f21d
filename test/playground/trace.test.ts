/**
 * The trace panel's HTML builders (src/playground/trace.ts) in Node: every term, matrix cell and
 * elision checked against the cell sums, the sparse C and the geometry's tap tables. The page's
 * lighting of them is tested in Chromium (page.test.ts).
 */
import { describe, expect, it } from "vitest";
import { deriveCells } from "../../src/algebra/cells.ts";
import { tapTables, type AxisTable } from "../../src/geometry/taps.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { directHtml, matrixHtml, matrixShown, sumsHtml, traceHeadings, traceModel, traceSkeletonHtml, type TraceModel } from "../../src/playground/trace.ts";
import { UI } from "../../src/playground/strings.ts";
import { groups } from "../render/svg/svg-utils.ts";

const modelOf = (o: Parameters<typeof parseProblem>[0]): TraceModel => {
  const p = parseProblem(o);
  return traceModel(p, deriveCells(p.info, p.x, p.w, p.bias));
};
const seed = modelOf({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
const stride2 = modelOf({ input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" });

/** Attributes of every element with class `cls` (in document order). */
function elements(html: string, tag: string, cls?: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}((?:\\s+[\\w-]+="[^"]*")*)>`, "g"))) {
    const attrs: Record<string, string> = {};
    for (const [, k, v] of m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[k!] = v!;
    if (cls === undefined || (attrs["class"] ?? "").split(" ").includes(cls)) out.push(attrs);
  }
  return out;
}

/** One line of the sums list: its attributes and its terms' attributes. */
function sumLines(html: string): { out: string; terms: Record<string, string>[] }[] {
  return html.split("\n").filter((l) => l.startsWith('<div class="trace-sum"')).map((l) => ({
    out: elements(l, "div", "trace-sum")[0]!["data-y"]!, terms: elements(l, "span", "term"),
  }));
}

/** The (input, tap) pairs of an output cell by the gather tables: the product of the per-axis rows. */
function gatheredPairs(tables: readonly AxisTable[], out: readonly number[]): string[] {
  let acc: [number[], number[]][] = [[[], []]];
  tables.forEach((t, ax) => {
    const row: [number, number][] = [];
    for (let j = t.start[out[ax]!]!; j < t.start[out[ax]! + 1]!; j++) row.push([t.index[j]!, t.tap[j]!]);
    acc = acc.flatMap(([a, k]) => row.map(([i, tap]) => [[...a, i], [...k, tap]] as [number[], number[]]));
  });
  return acc.map(([a, k]) => `${a.join(",")}|${k.join(",")}`).sort();
}

describe("the trace panel's cell sums", () => {
  it("seed: y(1,1) has 4 terms and y(0,0) one, each term naming its input cell and kernel tap", () => {
    const lines = sumLines(sumsHtml(seed, 4));
    expect(lines.map((l) => l.out)).toEqual(["0,0", "0,1", "0,2", "1,0", "1,1", "1,2", "2,0", "2,1", "2,2"]);
    const pairs = (out: string) => lines.find((l) => l.out === out)!.terms.map((t) => `${t["data-x"]}|${t["data-tap"]}`);
    expect(pairs("1,1")).toEqual(["0,0|1,1", "0,1|1,0", "1,0|0,1", "1,1|0,0"]);
    expect(pairs("0,0")).toEqual(["0,0|0,0"]);
  });

  it("stride 2 with padding: every cell's terms are the gather tables' (input, tap) pairs", () => {
    const tables = tapTables(stride2.info);
    const lines = sumLines(sumsHtml(stride2, 0));
    expect(lines).toHaveLength(stride2.info.outCount);
    for (const l of lines) {
      const expected = gatheredPairs(tables.gather, l.out.split(",").map(Number));
      expect(l.terms.map((t) => `${t["data-x"]}|${t["data-tap"]}`).sort(), `y(${l.out})`).toEqual(expected);
    }
  });

  it("a 16×16 input: lists the first and last rows and the traced cell, with gaps, as the elision policy says", () => {
    const big = modelOf({ input: JSON.stringify(Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 1))), kernel: "[[1,2,1],[0,1,0],[1,0,1]]" });
    const html = sumsHtml(big, 9 * 18 + 9);
    const outs = sumLines(html).map((l) => l.out);
    expect(outs).toContain("9,9");
    expect(outs).toContain("0,0");
    expect(outs).toContain("17,17");
    expect(outs.length).toBeLessThan(20);
    expect(html).toContain('class="trace-gap"');
    expect(sumLines(html).find((l) => l.out === "9,9")!.terms).toHaveLength(9);
  });

  it("a sum longer than the term limit shows its first 4 and last 2 terms around a gap", () => {
    const m = modelOf({ input: "[[1,1,1,1],[1,1,1,1],[1,1,1,1],[1,1,1,1]]", kernel: JSON.stringify(Array.from({ length: 4 }, () => [1, 1, 1, 1])) });
    const line = sumLines(sumsHtml(m, 3 * 7 + 3)).find((l) => l.out === "3,3")!;
    expect(m.cells.cell(3 * 7 + 3).terms).toHaveLength(16);
    expect(line.terms).toHaveLength(6);
  });
});

describe("the trace panel's matrices", () => {
  it("seed: C's column 4 is y(1,1), and its non-zeros are the rows of the input cells feeding it", () => {
    const html = matrixHtml(seed, false, matrixShown(seed.c.rows, []), matrixShown(seed.c.cols, []));
    const tds = elements(html, "td");
    expect(tds).toHaveLength(4 * 9);
    const col4 = tds.filter((t) => t["data-col"] === "4");
    expect(col4.map((t) => t["data-y"])).toEqual(["1,1", "1,1", "1,1", "1,1"]);
    expect(col4.filter((t) => t["class"] === "nz").map((t) => t["data-x"])).toEqual(["0,0", "0,1", "1,0", "1,1"]);
    expect(tds.filter((t) => t["data-col"] === "0" && t["class"] === "nz").map((t) => t["data-x"])).toEqual(["0,0"]);
  });

  it("stride 2 with padding: an entry of C or Cᵀ is non-zero exactly where the tap tables join its input and output cells", () => {
    const tables = tapTables(stride2.info);
    for (const transposed of [false, true]) {
      const rows = transposed ? stride2.c.cols : stride2.c.rows, cols = transposed ? stride2.c.rows : stride2.c.cols;
      const html = matrixHtml(stride2, transposed, matrixShown(rows, []), matrixShown(cols, []));
      const tds = elements(html, "td").filter((t) => t["data-y"] !== undefined);
      expect(tds.length).toBeGreaterThan(0);
      for (const t of tds) {
        const feeding = gatheredPairs(tables.gather, t["data-y"]!.split(",").map(Number)).map((p) => p.split("|")[0]);
        expect(t["class"] === "nz", `${t["data-x"]} → ${t["data-y"]}`).toBe(feeding.includes(t["data-x"]));
      }
    }
  });

  it("a big C keeps the rows and columns asked for, between elided ones", () => {
    const big = modelOf({ input: JSON.stringify(Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 1))), kernel: "[[1,2,1],[0,1,0],[1,0,1]]" });
    const html = matrixHtml(big, false, matrixShown(big.c.rows, [100]), matrixShown(big.c.cols, [170]));
    const heads = elements(html, "th").filter((t) => t["data-col"] !== undefined).map((t) => Number(t["data-col"]));
    expect(heads).toContain(170);
    expect(heads.length).toBeLessThanOrEqual(9);
    expect(elements(html, "th").filter((t) => t["data-row"] !== undefined).map((t) => Number(t["data-row"]))).toContain(100);
  });

  it("an ordinary convolution: an output cell is a row of C (its cells carry data-y along the row)", () => {
    const conv = modelOf({ op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" });
    const html = matrixHtml(conv, false, matrixShown(conv.c.rows, []), matrixShown(conv.c.cols, []));
    const row0 = elements(html, "td").filter((t) => t["data-row"] === "0");
    expect(new Set(row0.map((t) => t["data-y"]))).toEqual(new Set(["0,0"]));
    expect(row0.filter((t) => t["class"] === "nz").map((t) => t["data-x"])).toEqual(["0,0", "0,1", "1,0", "1,1"]);
  });
});

describe("the trace panel's direct view and skeleton", () => {
  it("draws the window on the cell asked for, its target marked", () => {
    const svg = directHtml(stride2, "en", [2, 3]);
    expect(groups(svg, "output-cell").filter((g) => g.attrs["class"]!.includes("target")).map((g) => g.attrs["data-out"])).toEqual(["2,3"]);
  });

  it("says 'column of C' and 'zero-inserted' for a transposed convolution only: an ordinary one's output cell is a row of C over the padded input", () => {
    const conv = modelOf({ op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" });
    for (const lang of ["en", "zh-CN"] as const) {
      expect(traceHeadings(seed.info, UI[lang])).toEqual({ matrix: UI[lang].traceMatrixTransposed, direct: UI[lang].traceDirectTransposed });
      expect(traceHeadings(conv.info, UI[lang])).toEqual({ matrix: UI[lang].traceMatrixConv, direct: UI[lang].traceDirectConv });
    }
    expect(UI.en.traceMatrixConv).toMatch(/row of C\b/);
    expect(UI.en.traceDirectConv).not.toMatch(/zero-inserted/);
    expect(UI["zh-CN"].traceDirectConv).not.toMatch(/插零/);
  });

  it("has its headings in both languages; sums name cells by the default symbols, never by the entries typed", () => {
    expect(traceSkeletonHtml(UI.en)).toContain(UI.en.traceSums);
    expect(traceSkeletonHtml(UI["zh-CN"])).toContain(UI["zh-CN"].traceSums);
    const hostile = modelOf({ input: "[[q,b],[c,d]]", kernel: "[[1,0],[0,-1]]", allowSymbols: true });
    expect(sumsHtml(hostile, 4)).toContain("mathnormal\">x<");
    expect(sumsHtml(hostile, 4)).not.toMatch(/>q</);
  });
});
