/**
 * Symbolic-engine benchmark, all figures from this one run:
 * 1. Every output cell's symbolic sum and its LaTeX for an n×n input, 3×3 kernel, stride 1
 *    (n = 16, 32, 64), against SymPy computing Cᵀ·vec(x) with a sparse C and `latex()` of every
 *    entry — when Debian's python3-sympy is importable from /usr/bin/python3 (the SymPy column is
 *    skipped, and the table says so, when it is not). The SymPy script is generated here.
 * 2. A 256×256 input, 4×4 kernel, stride 2 (about a million terms): all cell sums (terms) and C,
 *    and separately all the sums' LaTeX, each in a fresh child process that reports its own time
 *    and peak RSS; smaller sizes of the same problem show the time per term staying flat.
 * Prints a Markdown table and writes bench/results/symbolic.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deriveCells } from "../src/algebra/cells.ts";
import { convMatrix } from "../src/algebra/sparse.ts";
import { allSymbolicTex } from "../src/render/tex/cells.ts";
import { computeConvInfo, type ConvInfo } from "../src/geometry/index.ts";
import { canonicalParams } from "../src/spec/problem.ts";

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = "/usr/bin/python3";

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const now = () => performance.now();

function square(n: number, k: number, s: number): ConvInfo {
  return computeConvInfo(canonicalParams({ inputSize: [n, n], kernelSize: [k, k], stride: [s, s] }));
}

/** All sums and their TeX from scratch (a fresh ConvInfo, so no cached tap tables). */
function oursSumsTex(n: number): { ms: number; terms: number; chars: number } {
  const t0 = now();
  const cells = deriveCells(square(n, 3, 1));
  const tex = allSymbolicTex(cells);
  const ms = now() - t0;
  return { ms, terms: cells.termCount, chars: tex.reduce((a, t) => a + t.length, 0) };
}

const sympyScript = String.raw`
import json, sys, time
import sympy
n, k = int(sys.argv[1]), int(sys.argv[2])
t0 = time.perf_counter()
o = n + k - 1
x = [sympy.Symbol("x_{%d,%d}" % (i, j)) for i in range(n) for j in range(n)]
w = [[sympy.Symbol("w_{%d,%d}" % (a, b)) for b in range(k)] for a in range(k)]
entries = {}
for i in range(n):
    for j in range(n):
        for a in range(k):
            for b in range(k):
                entries[(i * n + j, (i + a) * o + (j + b))] = w[a][b]
C = sympy.SparseMatrix(n * n, o * o, entries)
y = C.T * sympy.Matrix(x)
tex = [sympy.latex(e) for e in y]
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "cells": len(tex), "chars": sum(len(t) for t in tex)}))
`;

function sympyAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ["-c", "import sympy"], { stdio: "ignore" }).status === 0;
}

function sympySeconds(n: number): number {
  const r = spawnSync(PYTHON, ["-c", sympyScript, String(n), "3"], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`sympy failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { seconds: number }).seconds;
}

interface ChildResult { n: number; what: string; terms: number; coldMs: number; medianMs: number; maxRssMB: number; nnz: number }

/** In a child process: derive (and optionally TeX) the 4×4 stride-2 problem, report time and peak RSS. */
function child(n: number, what: "sums+C" | "sums+C+tex"): ChildResult {
  const reps = 9;
  const times: number[] = [];
  let terms = 0, nnz = 0;
  let keep: unknown;
  for (let r = 0; r <= reps; r++) {
    keep = undefined; // one generation alive at a time, so the peak is one derivation's
    const t0 = now();
    const info = square(n, 4, 2);
    const cells = deriveCells(info);
    const c = convMatrix(info);
    const tex = what === "sums+C+tex" ? allSymbolicTex(cells) : undefined;
    times.push(now() - t0);
    terms = cells.termCount; nnz = c.nnz;
    keep = [cells, c, tex];
  }
  void keep;
  return { n, what, terms, coldMs: times[0]!, medianMs: median(times.slice(1)), maxRssMB: process.resourceUsage().maxRSS / 1024, nnz };
}

function runChild(n: number, what: string): ChildResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", String(n), what], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as ChildResult;
}

if (process.argv[2] === "--child") {
  process.stdout.write(`${JSON.stringify(child(Number(process.argv[3]), process.argv[4] as "sums+C"))}\n`);
} else {
  const haveSympy = sympyAvailable();
  const rows1: { n: number; terms: number; oursMs: number; sympyS?: number; ratio?: number }[] = [];
  for (let i = 0; i < 3; i++) oursSumsTex(16); // warm-up
  for (const n of [16, 32, 64]) {
    const runs = Array.from({ length: 21 }, () => oursSumsTex(n));
    const oursMs = median(runs.map((r) => r.ms));
    const row: (typeof rows1)[number] = { n, terms: runs[0]!.terms, oursMs };
    if (haveSympy) {
      const sympy = median(Array.from({ length: n === 64 ? 1 : 3 }, () => sympySeconds(n)));
      row.sympyS = sympy;
      row.ratio = (sympy * 1000) / oursMs;
    }
    rows1.push(row);
  }

  const sizes = [128, 181, 256, 362];
  const rows2 = sizes.map((n) => runChild(n, "sums+C"));
  const tex256 = runChild(256, "sums+C+tex");

  const lines: string[] = [];
  lines.push("### Every cell's symbolic sum and LaTeX, n×n input, 3×3 kernel, stride 1");
  lines.push("");
  lines.push(haveSympy
    ? "| n | terms | tconv (median of 21) | SymPy Cᵀ·vec(x) + latex() | SymPy / tconv |"
    : "| n | terms | tconv (median of 21) | SymPy: not installed (python3-sympy), column skipped | |");
  lines.push("|---|---|---|---|---|");
  for (const r of rows1) {
    lines.push(`| ${r.n} | ${r.terms} | ${r.oursMs.toFixed(2)} ms | ${r.sympyS !== undefined ? `${r.sympyS.toFixed(2)} s` : "—"} | ${r.ratio !== undefined ? `${Math.round(r.ratio)}×` : "—"} |`);
  }
  lines.push("");
  lines.push("### 4×4 kernel, stride 2, n×n input: all cell sums and C (fresh process each)");
  lines.push("");
  lines.push("| n | terms | nnz(C) | first run | median of 9 | ns / term (median) | peak RSS |");
  lines.push("|---|---|---|---|---|---|---|");
  for (const r of [...rows2, tex256]) {
    const label = r.what === "sums+C" ? `${r.n}` : `${r.n} (+ LaTeX of every sum)`;
    lines.push(`| ${label} | ${r.terms} | ${r.nnz} | ${r.coldMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${(r.medianMs * 1e6 / r.terms).toFixed(0)} | ${r.maxRssMB.toFixed(0)} MB |`);
  }
  console.log(lines.join("\n"));

  const resultsDir = join(here, "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, "symbolic.json");
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ sympyInstalled: haveSympy, cellsTex: rows1, scaling: rows2, tex256 }, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
