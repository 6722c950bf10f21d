import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";

// pdflatex comes from Debian's texlive-latex-base and texlive-latex-recommended; without it these
// cases are reported as skipped, not passed.
const hasPdflatex = spawnSync("pdflatex", ["--version"], { encoding: "utf8" }).status === 0;
// Chinese needs CJKutf8 and the gbsn font (Debian's latex-cjk-chinese, latex-cjk-chinese-arphic-gbsn00lp).
const hasCjk = hasPdflatex && spawnSync("kpsewhich", ["CJKutf8.sty"], { encoding: "utf8" }).stdout.trim() !== "";
const dir = mkdtempSync(join(tmpdir(), "tconv-tex-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: Record<string, ProblemOptions> = {
  seed: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" },
  "stride 2, padding, output padding": { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" },
  "symbols and Greek letters": { input: "[[a,b],[c,\\alpha]]", kernel: "[[p,q],[r,s]]" },
  "3-D with a wide matrix C": { input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]" },
  "seed 001's convolution": { op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" },
};

function compile(name: string, tex: string): void {
  const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.tex`);
  writeFileSync(file, tex);
  const r = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "-output-directory", dir, file], { encoding: "utf8" });
  expect(r.status, r.stdout.split("\n").filter((l) => l.startsWith("!")).join("\n")).toBe(0);
}

describe.skipIf(!hasPdflatex)("the tex format compiles with pdflatex", () => {
  it.each(Object.entries(cases))("%s", (name, o) => {
    compile(name, renderDerivation(explain(parseProblem({ allowSymbols: true, ...o })), { format: "tex", locale: "en" }));
  });
});

describe.skipIf(!hasCjk)("the Chinese tex format compiles with pdflatex and CJKutf8", () => {
  it("for the seed problem", () => {
    compile("seed-zh", renderDerivation(explain(parseProblem(cases["seed"]!)), { format: "tex", locale: "zh-CN" }));
  });
});
