import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { parseProblem, type ProblemOptions } from "../../src/spec/parse-problem.ts";

// pdflatex comes from Debian's texlive-latex-base and texlive-latex-recommended; Chinese needs
// CJKutf8 and the gbsn font (latex-cjk-chinese, latex-cjk-chinese-arphic-gbsn00lp). A missing tool
// fails these cases with the packages to install (.ci/run installs them); nothing is skipped.
const hasPdflatex = spawnSync("pdflatex", ["--version"], { encoding: "utf8" }).status === 0;
const hasCjk = hasPdflatex && !!spawnSync("kpsewhich", ["CJKutf8.sty"], { encoding: "utf8" }).stdout?.trim();

function requireTool(present: boolean, what: string, packages: string): void {
  if (!present) throw new Error(`${what} not found: install it with \`apt-get install -y ${packages}\` (.ci/run does this)`);
}

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

describe("the tex format compiles with pdflatex", () => {
  it.each(Object.entries(cases))("%s", (name, o) => {
    requireTool(hasPdflatex, "pdflatex", "texlive-latex-base texlive-latex-recommended");
    compile(name, renderDerivation(explain(parseProblem({ allowSymbols: true, ...o })), { format: "tex", locale: "en" }));
  });
});

describe("the Chinese tex format compiles with pdflatex and CJKutf8", () => {
  it("for the seed problem", () => {
    requireTool(hasCjk, "pdflatex with CJKutf8", "texlive-latex-base latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp");
    compile("seed-zh", renderDerivation(explain(parseProblem(cases["seed"]!)), { format: "tex", locale: "zh-CN" }));
  });
});
