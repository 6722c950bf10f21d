/** The check report as the contract's JSON (`tconv check --json`). */
import { unflatten } from "../../geometry/taps.ts";
import type { CheckResult } from "../../check/check.ts";
import type { CellExplanation, Diagnosis } from "../../check/mistakes/types.ts";
import type { CheckProblem } from "../../check/problem.ts";
import { numJson } from "../../check/value.ts";
import { layoutOutputShape } from "../../spec/layout.ts";
import { claimedJson, derivation, texts, type ReportOptions, type Texts } from "./texts.ts";

/** The contract's JSON (CONTRACT.md `check`), with extra fields for shape and explanations. */
export interface CheckJson {
  correct: boolean;
  compared: number;
  unknown: number;
  shape: { ok: boolean; expected: number[]; claimed: number[]; axes: { axis: number; expected: number; claimed: number; misuses: string[] }[]; likely: string[] };
  wrong: { index: number[]; expected: number | string; claimed: number | string; terms: string; explanations: Record<string, unknown>[] }[];
  diagnosis: Record<string, unknown>[];
  /** Mistakes that reproduce only a strict subset of a listed diagnosis's cells. */
  alsoConsistent?: Record<string, unknown>[];
  /** How the claim was read: its form, the shape as written, and what the text said about itself. */
  claim?: { form: string; shape: number[]; droppedAxes: number[]; tensors?: number; elided?: number; dtype?: string };
  matrix?: {
    correct: boolean; expected: number[]; claimed: number[]; compared: number; unknown: number;
    wrong: { row: number; col: number; expected: number | string; claimed: number | string; entry: string }[];
    diagnosis: Record<string, unknown>[];
  };
}

function explanationJson(t: Texts, e: CellExplanation): Record<string, unknown> {
  switch (e.mistake) {
    case "missing-term": return { mistake: e.mistake, term: t.term(e.term), value: numJson(e.value) };
    case "extra-term":
      return { mistake: e.mistake, term: t.term(e.term), value: numJson(e.value), source: e.source, ...(e.from !== undefined ? { from: t.index(e.from) } : {}) };
    case "sign-error":
      return e.scope === "result" ? { mistake: e.mistake, scope: "result" } : { mistake: e.mistake, scope: "term", term: t.term(e.term), value: numJson(e.value) };
    case "arithmetic-slip": return { mistake: e.mistake, off: numJson(e.off) };
    default: { const never: never = e; throw new Error(`explanationJson: ${String(never)}`); }
  }
}

function diagnosisJson(problem: CheckProblem, t: Texts, d: Diagnosis): Record<string, unknown> {
  const base = { mistake: d.mistake, explains: d.explains, cells: d.cells.map(t.index) };
  switch (d.mistake) {
    case "misread-value": {
      const shape = d.tensor === "input" ? problem.info.inputShape : problem.info.weightShape;
      return {
        ...base, tensor: d.tensor, symbol: d.tensor === "input" ? t.xName(d.at) : t.wName(d.at),
        canonicalIndex: unflatten(d.at, shape), used: numJson(d.used), actual: numJson(d.actual),
      };
    }
    case "overlap-not-summed": return { ...base, order: d.order };
    case "conv-instead-of-transposed": return { ...base, computed: d.computed };
    default: return "axes" in d && d.axes ? { ...base, axes: [...d.axes] } : base;
  }
}

/**
 * The JSON answer of `tconv check --json`.
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * checkJson(problem, result).wrong[0].terms // → "y_{2,2} = x_{1,1}w_{1,1} = 4\\cdot(-1) = -4"
 * checkJson(problem, result).diagnosis[0] // → {"mistake":"sign-error","explains":1,"cells":[[2,2]]}
 */
export function checkJson(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): CheckJson {
  const t = texts(problem, result, opts.indexBase ?? 0);
  const info = problem.info;
  const layoutShape = (canon: readonly number[]) => layoutOutputShape(result.layout, result.batched, canon);
  return {
    correct: result.correct,
    compared: result.compared,
    unknown: result.unknown,
    shape: {
      ok: result.shape.ok, expected: layoutShape(result.shape.expected), claimed: layoutShape(result.shape.claimed),
      axes: result.shape.axes.map((a) => ({ axis: a.axis, expected: a.expected, claimed: a.claimed, misuses: [...a.misuses] })),
      likely: [...result.shape.likely],
    },
    wrong: result.wrong.map((w) => ({
      index: [...w.index], expected: numJson(w.expected), claimed: claimedJson(w.claimed),
      terms: derivation(t, w.cell, w.expected), explanations: w.explanations.map((e) => explanationJson(t, e)),
    })),
    diagnosis: result.diagnosis.map((d) => diagnosisJson(problem, t, d)),
    ...(result.alsoConsistent ? { alsoConsistent: result.alsoConsistent.map((d) => diagnosisJson(problem, t, d)) } : {}),
    ...(result.reading && result.claimWritten ? {
      claim: { ...result.reading, shape: [...result.claimWritten], droppedAxes: [...(result.droppedAxes ?? [])] },
    } : {}),
    ...(result.matrix ? {
      matrix: {
        correct: result.matrix.correct, expected: [...result.matrix.expected], claimed: [...result.matrix.claimed],
        compared: result.matrix.compared, unknown: result.matrix.unknown,
        wrong: result.matrix.wrong.map((e) => ({
          row: e.row, col: e.col, expected: numJson(e.expected), claimed: claimedJson(e.claimed),
          entry: e.weight === undefined ? "0" : t.wName(e.weight),
        })),
        diagnosis: result.matrix.diagnosis.map((d) => ({ ...d })),
      },
    } : {}),
  };
}
