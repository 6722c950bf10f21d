/**
 * The checker's report: the contract JSON, a concise plain-text summary, and a Markdown or HTML
 * document a teacher could hand back (wrong cells boxed, each one's derivation — formula, numbers,
 * result — and the mistake in plain words, English or Chinese). This module turns a CheckResult
 * into a view model of ready TeX strings; the words live in templates/<locale>/check.*.eta.
 */
import { deriveCells, type CellSums } from "../algebra/cells.ts";
import { defaultSymbols } from "../algebra/symbols.ts";
import { isNegativeNumber } from "../algebra/rational.ts";
import { cdot, factorTex, juxtapose, numberTex, rationalTex } from "./tex/scalar.ts";
import { substitutedTex, symbolicTex } from "./tex/cells.ts";
import type { Scalar } from "../algebra/scalar.ts";
import { directConvGeometry } from "../geometry/direct-conv.ts";
import { unflatten } from "../geometry/taps.ts";
import { indexAsWritten, type CheckResult, type WrongCell } from "../check/check.ts";
import type { ClaimEntry } from "../check/claim/entry.ts";
import { layoutIndexOf, reindex } from "../check/layout.ts";
import type { CellExplanation, Diagnosis } from "../check/mistakes/types.ts";
import type { CheckProblem } from "../check/problem.ts";
import type { TermRef } from "../check/terms.ts";
import { add, mul, numJson, type Num } from "../check/value.ts";
import { documentBuilder, tidy } from "./document.ts";
import { finishHtml } from "./html.ts";
import { renderHtmlPage } from "./html-page.ts";
import { finishMarkdown } from "./markdown.ts";
import { renderTemplate } from "./templates.ts";

export type ReportLang = "en" | "zh";
export type ReportFormat = "md" | "html" | "text";

/** Language, numbering and elision of the check's text reports. */
export interface ReportOptions {
  readonly lang?: ReportLang;
  /** How cells and symbols are numbered in text (JSON indices are always 0-based). */
  readonly indexBase?: 0 | 1;
  /** At most this many wrong cells are derived in full in text formats (JSON lists all). Default 12. */
  readonly maxCells?: number;
}

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

/** Names, labels and sums of a problem in TeX, built once per report. */
interface Texts {
  readonly cells: CellSums;
  readonly xName: (flat: number) => string;
  readonly wName: (flat: number) => string;
  readonly term: (t: TermRef) => string;
  readonly label: (cell: number) => string;
  readonly index: (cell: number) => number[];
  readonly indexBase: 0 | 1;
}

function texts(problem: CheckProblem, result: CheckResult, indexBase: 0 | 1): Texts {
  const info = problem.info;
  const cells = deriveCells(info, problem.x, problem.w, problem.bias, { indexBase });
  const names = defaultSymbols(info, { indexBase });
  const sym = (t: { data: readonly { kind: string }[] }, flat: number) => {
    const s = t.data[flat] as { kind: "symbol"; tex: string };
    return s.tex;
  };
  const xName = (f: number) => sym(names.x, f), wName = (f: number) => sym(names.w, f);
  return {
    cells, xName, wName,
    term: (t) => juxtapose([xName(t.x), wName(t.w)]),
    label: (cell) => cells.label(cell),
    index: (cell) => {
      const full = layoutIndexOf(cell, info.outputShape, result.layout, info.rank);
      if (result.claimWritten && result.layoutShape) return reindex(full, result.layoutShape, result.claimWritten);
      return result.claimRank === undefined ? full : indexAsWritten(full, result.claimRank);
    },
    indexBase,
  };
}

const plain = (v: Num): string => String(v);
const claimedJson = (e: ClaimEntry): number | string => (e.kind === "unknown" ? "?" : e.kind === "decimal" ? e.value.toNumber() : e.value.toJSON());
const claimedTex = (e: ClaimEntry): string => (e.kind === "unknown" ? "?" : e.kind === "decimal" ? String(e.value.toNumber()) : rationalTex(e.value));

/** The derivation of a cell: `y = symbolic = substituted = value`. */
function derivation(t: Texts, cell: number, expected: Num): string {
  const symbolic = symbolicTex(t.cells, cell), substituted = substitutedTex(t.cells, cell), value = numberTex(expected);
  const parts = [t.label(cell), symbolic];
  if (substituted !== symbolic) parts.push(substituted);
  if (value !== substituted) parts.push(value);
  return parts.join(" = ");
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
  const layoutShape = (canon: readonly number[]) => permuteShape(canon, result.layout, info.rank);
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

function permuteShape(canon: readonly number[], layout: CheckResult["layout"], rank: number): number[] {
  const spatial = canon.slice(2, 2 + rank);
  if (layout === "plain") return spatial;
  return layout === "torch" ? [canon[0]!, canon[1]!, ...spatial] : [canon[0]!, ...spatial, canon[1]!];
}

// ---------------------------------------------------------------------------------------------
// The view model the templates read.

export interface CellView {
  readonly label: string;
  readonly derivation: string;
  readonly expected: string;
  readonly claimed: string;
  /** The same numbers as plain text (`-3/4`), for the text summary. */
  readonly expectedPlain: string;
  readonly claimedPlain: string;
  readonly explanations: readonly ExplanationView[];
  /** Whole-problem diagnoses that reproduce this cell (their ids, most cells first). */
  readonly causes: readonly string[];
  /** Term-level explanations beyond the first three, only counted (JSON lists them all). */
  readonly moreExplanations: number;
}

export type ExplanationView =
  | { readonly id: "missing-term"; readonly term: string; readonly value: string; readonly plain: string }
  | { readonly id: "extra-term"; readonly term: string; readonly value: string; readonly plain: string; readonly source: "duplicate" | "neighbour"; readonly from: string }
  | { readonly id: "sign-error"; readonly scope: "term" | "result"; readonly term: string; readonly value: string; readonly plain: string }
  | { readonly id: "arithmetic-slip"; readonly off: string; readonly plain: string };

export interface DiagnosisView {
  readonly id: Diagnosis["mistake"];
  readonly explains: number;
  /** Every wrong cell reproduced (or, for a wrong shape, the whole claim). */
  readonly complete: boolean;
  readonly cells: string;
  readonly order?: string;
  readonly computed?: string;
  readonly tensor?: string;
  readonly symbol?: string;
  readonly used?: string;
  readonly actual?: string;
  readonly usedPlain?: string;
  readonly actualPlain?: string;
  readonly axes?: string;
}

export interface AxisView {
  readonly axis: number;
  readonly formula: string;
  readonly numbers: string;
  readonly expected: number;
  readonly claimed: number;
  readonly misuses: readonly string[];
}

/**
 * Why the first wrong cell differs when the answer is the kernel-flipped result (transposed
 * problems): the true cell, the same cell with the kernel flipped (the answer's number), and the
 * direct view of the same cell — the zero-inserted, padded input x' under the rotated kernel —
 * which gives the true value, because the flip and the reversed window cancel.
 */
export interface FlipView {
  readonly label: string;
  /** `y = x w = numbers = value`, the kernel as stored. */
  readonly scatter: string;
  /** `x w_flipped = numbers = value`: what the answer computed. */
  readonly flipped: string;
  /** `y = x' w~ = x w = value`, or absent when the problem has several channels or images. */
  readonly direct?: string;
  /** Whether the window of x' holds cells other than the input values (inserted zeros, padding). */
  readonly zerosInWindow: boolean;
  readonly plain: { readonly scatter: string; readonly flipped: string; readonly direct?: string };
}

/** How the claim's text was read, when there is something to say about it. */
export interface ReadingView {
  readonly form: string;
  readonly tensors?: number;
  readonly elided?: number;
  /** A float type the cells were compared to the precision of. */
  readonly float?: string;
  /** Size-1 axes of the claim left out to match the output (numbered as the index base). */
  readonly dropped?: string;
  readonly output: string;
}

export interface CheckReportModel {
  readonly lang: ReportLang;
  /** Everything claimed is right (output and matrix). */
  readonly correct: boolean;
  /** Whether an output was claimed (not only a matrix), and whether it is right. */
  readonly output: boolean;
  readonly outputCorrect: boolean;
  readonly op: "transposed" | "conv";
  readonly indexBase: 0 | 1;
  readonly problem: { readonly input: string; readonly kernel: string; readonly params: string };
  readonly compared: number;
  readonly unknown: number;
  readonly total: number;
  readonly wrongCount: number;
  readonly shape: {
    readonly ok: boolean; readonly expected: string; readonly claimed: string;
    readonly axes: readonly AxisView[]; readonly likely: readonly string[]; readonly batchOrChannels: boolean;
  };
  /** Claimed and true outputs as TeX matrices, wrong cells boxed when the shapes agree (small 1-D/2-D outputs only). */
  readonly matrices?: { readonly boxed: boolean; readonly claimed: string; readonly expected: string };
  readonly cells: readonly CellView[];
  readonly moreCells: number;
  /** The diagnoses shown: only the first one when it explains every wrong cell. */
  readonly diagnosis: readonly DiagnosisView[];
  /** One mistake explains every wrong cell (the text says so and lists no other). */
  readonly sole: boolean;
  /** The first wrong cell's reason when the answer is the kernel-flipped result. */
  readonly flip?: FlipView;
  /** How the claim was read (several tensors, elided cells, a float dtype, size-1 axes dropped). */
  readonly reading?: ReadingView;
  /** The claimed matrix C, when one was given. */
  readonly matrix?: {
    readonly correct: boolean; readonly expected: string; readonly claimed: string; readonly compared: number;
    readonly wrong: readonly { readonly at: string; readonly entry: string; readonly expected: string; readonly claimed: string }[];
    readonly moreWrong: number;
    readonly diagnosis: readonly { readonly id: string; readonly transposed: boolean }[];
  };
}

const MAX_MATRIX_SIDE = 16;

/**
 * Builds the view model the templates read; every string in it is TeX (or a number), safe for KaTeX.
 *
 * @example checkReportModel(problem, result, { lang: "zh" }).cells[0]?.derivation // "y_{1,1} = … = 3"
 */
export function checkReportModel(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): CheckReportModel {
  const indexBase = opts.indexBase ?? 0;
  const t = texts(problem, result, indexBase);
  const info = problem.info;
  const wrongByCell = new Map(result.wrong.map((w) => [w.cell, w] as const));
  const maxCells = opts.maxCells ?? 12;
  // When one mistake reproduces every wrong cell, it is the whole story: nothing else is shown.
  const soleDiagnosis = result.shape.ok && result.wrong.length > 0
    ? result.diagnosis.find((d) => d.explains === result.wrong.length) : undefined;
  const shownDiagnosis = soleDiagnosis ? [soleDiagnosis] : result.diagnosis;
  const causesOf = (cell: number) => shownDiagnosis
    .filter((d) => !CELL_LEVEL.has(d.mistake) && d.cells.includes(cell)).map((d) => d.mistake);
  const cellsView = result.wrong.slice(0, maxCells).map((w) => cellView(t, w, causesOf(w.cell)));
  const shapeText = (s: readonly number[]) => permuteShape(s, result.layout, info.rank).join("\\times ");
  const sizeFormula = info.op === "transposed"
    ? "o = (i-1)\\cdot s - p_{\\text{begin}} - p_{\\text{end}} + d\\cdot(k-1) + \\mathit{op} + 1"
    : "o = \\left\\lfloor \\frac{i + p_{\\text{begin}} + p_{\\text{end}} - d\\cdot(k-1) - 1}{s} \\right\\rfloor + 1";
  const axes: AxisView[] = result.shape.axes.map((a) => {
    const ax = info.axes[a.axis]!;
    const numbers = info.op === "transposed"
      ? `(${ax.inSize}-1)\\cdot ${ax.stride} - ${ax.padBegin} - ${ax.padEnd} + ${ax.dilation}\\cdot(${ax.kernel}-1) + ${ax.outputPadding} + 1 = ${ax.outSize}`
      : `\\left\\lfloor \\frac{${ax.inSize} + ${ax.padBegin} + ${ax.padEnd} - ${ax.dilation}\\cdot(${ax.kernel}-1) - 1}{${ax.stride}} \\right\\rfloor + 1 = ${ax.outSize}`;
    return { axis: a.axis + indexBase, formula: sizeFormula, numbers, expected: a.expected, claimed: a.claimed, misuses: [...a.misuses] };
  });
  const claimCanon = result.claim;
  let matrices: CheckReportModel["matrices"];
  const small = (canon: readonly number[]) => canon[0] === 1 && canon[1] === 1 && info.rank <= 2
    && canon.slice(2).every((n) => n <= MAX_MATRIX_SIDE);
  if (claimCanon && small(info.outputShape) && small(result.shape.claimed)) {
    // A wrong-shaped answer is shown beside the right output too, unboxed: cells do not correspond.
    const grid = (canon: readonly number[], cell: (flat: number) => string) => {
      const rows = info.rank === 1 ? 1 : canon[2]!, cols = canon[1 + info.rank]!;
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) lines.push(Array.from({ length: cols }, (_, c) => cell(r * cols + c)).join(" & "));
      return `\\begin{bmatrix} ${lines.join(" \\\\ ")} \\end{bmatrix}`;
    };
    matrices = {
      boxed: result.shape.ok,
      claimed: grid(result.shape.claimed, (f) => (wrongByCell.has(f) ? `\\boxed{{\\color{red}${claimedTex(claimCanon[f]!)}}}` : claimedTex(claimCanon[f]!))),
      expected: grid(info.outputShape, (f) => (wrongByCell.has(f) ? `\\boxed{${numberTex(result.truth[f]!)}}` : numberTex(result.truth[f]!))),
    };
  }
  const total = info.outputShape.reduce((a, b) => a * b, 1);
  return {
    lang: opts.lang ?? "en",
    correct: result.correct,
    output: result.outputClaimed,
    outputCorrect: result.outputCorrect,
    op: info.op,
    indexBase,
    problem: { input: tensorTex("x", problem.x.data, info.inputShape, info.rank), kernel: tensorTex("w", problem.w.data, info.weightShape, info.rank), params: paramsTex(problem) },
    compared: result.compared,
    unknown: result.unknown,
    total,
    wrongCount: result.wrong.length,
    shape: {
      ok: result.shape.ok, expected: shapeText(result.shape.expected), claimed: shapeText(result.shape.claimed),
      axes, likely: [...result.shape.likely], batchOrChannels: result.shape.batchOrChannels,
    },
    ...(matrices ? { matrices } : {}),
    cells: cellsView,
    moreCells: Math.max(0, result.wrong.length - maxCells),
    diagnosis: shownDiagnosis.map((d) => diagnosisView(t, d, result)),
    sole: soleDiagnosis !== undefined,
    ...optional("flip", flipView(problem, result, t, shownDiagnosis)),
    ...optional("reading", readingView(result, shapeText(info.outputShape), indexBase)),
    ...(result.matrix ? { matrix: matrixView(t, result, maxCells) } : {}),
  };
}

const optional = <K extends string, V>(key: K, v: V | undefined) => (v === undefined ? {} : { [key]: v } as Record<K, V>);

function readingView(result: CheckResult, output: string, base: 0 | 1): ReadingView | undefined {
  const r = result.reading;
  if (!r) return undefined;
  const float = r.dtype !== undefined && /^(?:b?float\d+)$/.test(r.dtype) ? r.dtype : undefined;
  const dropped = result.droppedAxes && result.droppedAxes.length > 0 ? result.droppedAxes.map((a) => a + base).join(", ") : undefined;
  if (!r.tensors && !r.elided && !float && !dropped) return undefined;
  return {
    form: r.form, output,
    ...(r.tensors ? { tensors: r.tensors } : {}), ...(r.elided ? { elided: r.elided } : {}),
    ...(float ? { float } : {}), ...(dropped ? { dropped } : {}),
  };
}

/**
 * The flipped-kernel reason for the first wrong cell: shown when the problem is a transposed
 * convolution and a shown `flipped-kernel` diagnosis reproduces that cell.
 */
function flipView(problem: CheckProblem, result: CheckResult, t: Texts, shown: readonly Diagnosis[]): FlipView | undefined {
  const info = problem.info;
  const first = result.wrong[0];
  if (info.op !== "transposed" || !first) return undefined;
  if (!shown.some((d) => d.mistake === "flipped-kernel" && d.cells.includes(first.cell))) return undefined;
  const kc = info.kernelCount;
  const flipTap = (w: number) => w - (w % kc) + (kc - 1 - (w % kc));
  const value = (s: Scalar): Num => {
    if (s.kind === "symbol") throw new Error("flipView: checks have numbers, not symbols");
    return s.value;
  };
  const factor = factorTex;
  const terms = first.terms;
  const label = t.label(first.cell);
  const sumOf = (pairs: readonly (readonly [number, number])[]) => {
    let total: Num | undefined;
    for (const [x, w] of pairs) {
      const p = mul(value(problem.x.data[x]!), value(problem.w.data[w]!));
      total = total === undefined ? p : add(total, p);
    }
    return total;
  };
  const equation = (lead: string[], pairs: readonly (readonly [number, number])[]) => {
    if (pairs.length === 0) return [...lead, "0"].join(" = ");
    const symbolic = pairs.map(([x, w]) => juxtapose([t.xName(x), t.wName(w)])).join(" + ");
    const numbers = pairs.map(([x, w]) => cdot(factor(problem.x.data[x]!), factor(problem.w.data[w]!))).join(" + ");
    return [...lead, symbolic, numbers, numberTex(sumOf(pairs)!)].join(" = ");
  };
  const truePairs = terms.map((r) => [r.x, r.w] as const);
  const flippedPairs = terms.map((r) => [r.x, flipTap(r.w)] as const);
  const scatter = equation([label], truePairs);
  const flipped = equation([], flippedPairs);
  let direct: string | undefined;
  if (info.batch === 1 && info.inChannels === 1 && info.outChannels === 1) {
    const geo = directConvGeometry(info);
    const b = t.indexBase;
    const sub = (idx: readonly number[]) => `{${idx.map((i) => i + b).join(",")}}`;
    const windowTerms = terms.map((r) => {
      const a = unflatten(r.x % info.inCount, info.inSpatial);
      const tap = unflatten(r.w % kc, info.kernelSpatial);
      const q = a.map((v, ax) => geo[ax]!.padBegin + v * info.axes[ax]!.stride);
      const rot = tap.map((v, ax) => info.kernelSpatial[ax]! - 1 - v);
      return `x'_${sub(q)}\\,\\widetilde{w}_${sub(rot)}`;
    });
    const symbolic = truePairs.map(([x, w]) => juxtapose([t.xName(x), t.wName(w)])).join(" + ");
    direct = terms.length === 0 ? `${label} = 0` : [label, windowTerms.join(" + "), symbolic, numberTex(first.expected)].join(" = ");
  }
  const plainTex = (tex: string) => tex.replace(/\\widetilde\{w\}/g, "w~").replace(/\\cdot\s?/g, "·").replace(/\\,/g, " ");
  return {
    label, scatter, flipped, zerosInWindow: terms.length < kc,
    ...(direct ? { direct } : {}),
    plain: { scatter: plainTex(scatter), flipped: plainTex(flipped), ...(direct ? { direct: plainTex(direct) } : {}) },
  };
}

function matrixView(t: Texts, result: CheckResult, max: number): NonNullable<CheckReportModel["matrix"]> {
  const m = result.matrix!;
  const b = t.indexBase;
  return {
    correct: m.correct,
    expected: m.expected.join("\\times "),
    claimed: m.claimed.join("\\times "),
    compared: m.compared,
    wrong: m.wrong.slice(0, max).map((e) => ({
      at: `C_{${e.row + b},${e.col + b}}`, entry: e.weight === undefined ? "0" : t.wName(e.weight),
      expected: numberTex(e.expected), claimed: claimedTex(e.claimed),
    })),
    moreWrong: Math.max(0, m.wrong.length - max),
    diagnosis: m.diagnosis.map((d) => ({ id: d.mistake, transposed: d.mistake === "flipped-kernel" && d.transposed })),
  };
}

/** A cell can be explained by many equal-valued terms; text shows this many. */
const MAX_EXPLANATIONS = 3;

const CELL_LEVEL: ReadonlySet<string> = new Set(["missing-term", "extra-term", "sign-error", "arithmetic-slip"]);

function cellView(t: Texts, w: WrongCell, causes: readonly string[]): CellView {
  return {
    causes,
    label: t.label(w.cell),
    derivation: derivation(t, w.cell, w.expected),
    expected: numberTex(w.expected),
    claimed: claimedTex(w.claimed),
    expectedPlain: plain(w.expected),
    claimedPlain: w.claimed.kind === "unknown" ? "?" : plain(w.claimed.kind === "decimal" ? w.claimed.value.toNumber() : w.claimed.value),
    moreExplanations: Math.max(0, w.explanations.length - MAX_EXPLANATIONS),
    explanations: w.explanations.slice(0, MAX_EXPLANATIONS).map((e): ExplanationView => {
      switch (e.mistake) {
        case "missing-term": return { id: e.mistake, term: t.term(e.term), value: numberTex(e.value), plain: plain(e.value) };
        case "extra-term":
          return { id: e.mistake, term: t.term(e.term), value: numberTex(e.value), plain: plain(e.value), source: e.source, from: e.from !== undefined ? t.label(e.from) : "" };
        case "sign-error": return e.scope === "result"
          ? { id: e.mistake, scope: "result", term: "", value: "", plain: "" }
          : { id: e.mistake, scope: "term", term: t.term(e.term), value: numberTex(e.value), plain: plain(e.value) };
        case "arithmetic-slip": {
          const sign = isNegativeNumber(e.off) ? "" : "+";
          return { id: e.mistake, off: sign + numberTex(e.off), plain: sign + plain(e.off) };
        }
        default: { const never: never = e; throw new Error(`cellView: ${String(never)}`); }
      }
    }),
  };
}

function diagnosisView(t: Texts, d: Diagnosis, result: CheckResult): DiagnosisView {
  const shown = d.cells.slice(0, 8).map(t.label).join(", ") + (d.cells.length > 8 ? ", \\dots" : "");
  const complete = result.shape.ok ? d.explains === result.wrong.length : true;
  const base = { id: d.mistake, explains: d.explains, complete, cells: shown };
  switch (d.mistake) {
    case "misread-value":
      return { ...base, tensor: d.tensor, symbol: d.tensor === "input" ? t.xName(d.at) : t.wName(d.at),
        used: numberTex(d.used), actual: numberTex(d.actual), usedPlain: plain(d.used), actualPlain: plain(d.actual) };
    case "overlap-not-summed": return { ...base, order: d.order };
    case "conv-instead-of-transposed": return { ...base, computed: d.computed };
    default:
      return "axes" in d && d.axes ? { ...base, axes: d.axes.map((a) => a + t.indexBase).join(", ") } : base;
  }
}

/** `x = ` a small tensor (a matrix for one 2-D slice, a row for 1-D), else `x \in \mathbb{R}^{shape}`. */
function tensorTex(name: string, data: readonly { kind: string }[], shape: readonly number[], rank: number): string {
  const lead = shape.slice(0, shape.length - rank).reduce((a, b) => a * b, 1);
  const spatial = shape.slice(shape.length - rank);
  const tex = (i: number) => {
    const s = data[i] as { kind: "exact" | "float"; value: Num };
    return numberTex(s.value);
  };
  if (lead !== 1 || rank > 2 || spatial.some((n) => n > MAX_MATRIX_SIDE)) return `${name} \\in \\mathbb{R}^{${shape.join("\\times ")}}`;
  const rows = rank === 1 ? 1 : spatial[0]!, cols = spatial[rank - 1]!;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(Array.from({ length: cols }, (_, c) => tex(r * cols + c)).join(" & "));
  return `${name} = \\begin{bmatrix} ${lines.join(" \\\\ ")} \\end{bmatrix}`;
}

function paramsTex(problem: CheckProblem): string {
  const p = problem.params;
  const list = (v: readonly number[]) => (v.every((x) => x === v[0]) ? String(v[0]) : `(${v.join(",")})`);
  const parts = [`s = ${list(p.stride)}`, `d = ${list(p.dilation)}`, `p_{\\text{begin}} = ${list(p.padBegin)}`, `p_{\\text{end}} = ${list(p.padEnd)}`];
  if (p.op === "transposed") parts.push(`\\mathit{op} = ${list(p.outputPadding)}`);
  if (p.groups > 1) parts.push(`g = ${p.groups}`);
  return parts.join(",\\ ");
}

// ---------------------------------------------------------------------------------------------
// Rendering through the shared templates and document helpers (the same path as `explain`).

const localeOf = (lang: ReportLang | undefined) => (lang === "zh" ? "zh-CN" : "en") as "en" | "zh-CN";

/** Runs a check template with the document builder; returns its text and the maths it collected. */
function renderWithDocument(name: string, model: CheckReportModel) {
  const doc = documentBuilder();
  const text = tidy(renderTemplate(localeOf(model.lang), name, { ...model, m: doc.m, dm: doc.dm }));
  return { text, math: doc.math };
}

/**
 * The report in Markdown (math as `$…$` and `$$` blocks, KaTeX ∩ MathJax commands only).
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * renderCheckMarkdown(problem, result).includes("1 of 9 computed cells is wrong") // → true
 * renderCheckMarkdown(problem, result, { lang: "zh" }).startsWith("# 核对手算结果") // → true
 */
export function renderCheckMarkdown(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): string {
  const { text, math } = renderWithDocument("check.md.eta", checkReportModel(problem, result, opts));
  return finishMarkdown(text, math);
}

/**
 * The concise plain-text summary printed when no format is asked for.
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * renderCheckText(problem, result).split("\n")[0] // → "wrong: 1 of 9 computed cells differ"
 */
export function renderCheckText(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): string {
  const model = checkReportModel(problem, result, { ...opts, maxCells: opts.maxCells ?? 8 });
  return renderTemplate(localeOf(model.lang), "check.txt.eta", model);
}

/**
 * The report as one self-contained HTML page: the same template, its maths pre-rendered by KaTeX
 * (strict, untrusted), inside the shared page shell.
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const result = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,3,-2],[0,-3,4]]", { field: "--claim" }) });
 * renderCheckHtml(problem, result, { lang: "zh" }).startsWith("<!DOCTYPE html>") // → true
 */
export function renderCheckHtml(problem: CheckProblem, result: CheckResult, opts: ReportOptions = {}): string {
  const model = checkReportModel(problem, result, opts);
  const { text, math } = renderWithDocument("check.md.eta", model);
  const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? "tconv check";
  return renderHtmlPage({ title, lang: localeOf(model.lang), bodyHtml: finishHtml(text, math, {}) });
}
