/**
 * The check report's model: everything the Markdown, HTML and text views say, as data — counts,
 * flags for which sentences apply, and ready TeX strings (safe for KaTeX). The words live in
 * templates/<locale>/check.*.eta; the size formulas come from the walkthrough's size view.
 */
import { isNegativeNumber } from "../../algebra/rational.ts";
import { cdot, factorTex, juxtapose, numberTex } from "../tex/scalar.ts";
import type { Scalar } from "../../algebra/scalar.ts";
import { directConvGeometry } from "../../geometry/direct-conv.ts";
import { unflatten } from "../../geometry/taps.ts";
import type { CheckResult, WrongCell } from "../../check/check.ts";
import type { Diagnosis } from "../../check/mistakes/types.ts";
import type { CheckProblem } from "../../check/problem.ts";
import { add, mul, type Num } from "../../check/value.ts";
import type { Locale } from "../../spec/locale.ts";
import { layoutOutputShape } from "../../spec/layout.ts";
import { gridTex } from "../math.ts";
import { sizeFormula } from "../steps/size.ts";
import { claimedTex, derivation, plain, texts, type ReportOptions, type Texts } from "./texts.ts";

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
  readonly lang: Locale;
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
  /** Claimed and true outputs as TeX matrices, wrong cells boxed when the shapes agree (one 1-D/2-D map only; large ones elided). */
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

/**
 * Builds the view model the templates read; every string in it is TeX (or a number), safe for KaTeX.
 *
 * @example checkReportModel(problem, result, { lang: "zh-CN" }).cells[0]?.derivation // "y_{1,1} = … = 3"
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
  const shapeText = (s: readonly number[]) => layoutOutputShape(result.layout, result.batched, s).join("\\times ");
  // The walkthrough's size formula, with this axis's numbers.
  const formula = sizeFormula(info.op, "tex");
  const axes: AxisView[] = result.shape.axes.map((a) => {
    const ax = info.axes[a.axis]!;
    const numbers = sizeFormula(info.op, "tex", { ...ax, input: ax.inSize }, ax.outSize);
    return { axis: a.axis + indexBase, formula, numbers, expected: a.expected, claimed: a.claimed, misuses: [...a.misuses] };
  });
  const claimCanon = result.claim;
  let matrices: CheckReportModel["matrices"];
  const oneMap = (canon: readonly number[]) => canon[0] === 1 && canon[1] === 1 && info.rank <= 2;
  if (claimCanon && oneMap(info.outputShape) && oneMap(result.shape.claimed)) {
    // A wrong-shaped answer is shown beside the right output too, unboxed: cells do not correspond.
    // Large grids are elided as the walkthrough's are (LIMITS.axis), keeping the first wrong cell.
    const first = result.wrong[0];
    const grid = (canon: readonly number[], cell: (flat: number) => string) => {
      const spatial = canon.slice(2);
      return gridTex(spatial, cell, first && result.shape.ok ? unflatten(first.cell, spatial) : []);
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
    if (s.kind === "symbol" || s.kind === "expression") throw new Error("flipView: checks have numbers, not symbols");
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

/**
 * `x = ` a tensor of one 1-D or 2-D map (a row or a matrix, elided past LIMITS.axis as the
 * walkthrough's grids are), else `x \in \mathbb{R}^{shape}`.
 */
function tensorTex(name: string, data: readonly { kind: string }[], shape: readonly number[], rank: number): string {
  const lead = shape.slice(0, shape.length - rank).reduce((a, b) => a * b, 1);
  const spatial = shape.slice(shape.length - rank);
  const tex = (i: number) => {
    const s = data[i] as { kind: "exact" | "float"; value: Num };
    return numberTex(s.value);
  };
  if (lead !== 1 || rank > 2) return `${name} \\in \\mathbb{R}^{${shape.join("\\times ")}}`;
  return `${name} = ${gridTex(spatial, tex)}`;
}

function paramsTex(problem: CheckProblem): string {
  const p = problem.params;
  const list = (v: readonly number[]) => (v.every((x) => x === v[0]) ? String(v[0]) : `(${v.join(",")})`);
  const parts = [`s = ${list(p.stride)}`, `d = ${list(p.dilation)}`, `p_{\\text{begin}} = ${list(p.padBegin)}`, `p_{\\text{end}} = ${list(p.padEnd)}`];
  if (p.op === "transposed") parts.push(`\\mathit{op} = ${list(p.outputPadding)}`);
  if (p.groups > 1) parts.push(`g = ${p.groups}`);
  return parts.join(",\\ ");
}
