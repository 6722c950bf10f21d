/**
 * The checker: compares a claimed output with the truth — shape first, then every known cell —
 * and diagnoses the wrong ones by recomputing the problem under each known mistake, solving for a
 * misread value, and trying the smallest change of each wrong cell's terms. Pure: no text, no I/O.
 */
import { TconvError } from "../spec/error.ts";
import { apiNames, type CheckFieldNames } from "../spec/names.ts";
import type { Claim } from "./claim/index.ts";
import type { ClaimEntry } from "./claim/entry.ts";
import { claimMatches } from "./compare.ts";
import { evaluateNums } from "./evaluate.ts";
import { alignAxes, alignRank, canonicalShapeOf, layoutIndexOf, reindex, toCanonical, type OutputLayout } from "./layout.ts";
import { layoutOutputShape } from "../spec/layout.ts";
import {
  cellMistakes, fitMistakes, problemMistakes,
  type CellContext, type CellExplanation, type CellMistakeId, type Diagnosis, type MistakeContext,
} from "./mistakes/index.ts";
import type { CheckProblem, Layout } from "./problem.ts";
import { checkShape, type ShapeFinding } from "./shape/check.ts";
import { shapeMisuses } from "./shape/misuses.ts";
import { recomputeWith } from "./mistakes/recompute.ts";
import { cellTerms, type TermRef } from "./terms.ts";
import { checkMatrix, type MatrixFinding } from "./matrix.ts";
import { add, mul, type Num } from "./value.ts";
import type { Scalar } from "../algebra/scalar.ts";
import { Rational } from "../algebra/rational.ts";

/** A claimed cell that differs from the truth, with its terms and term-level explanations. */
export interface WrongCell {
  /** Canonical flat output index. */
  readonly cell: number;
  /** The cell's index in the user's layout. */
  readonly index: readonly number[];
  readonly expected: Num;
  readonly claimed: ClaimEntry;
  readonly terms: readonly TermRef[];
  readonly termValues: readonly Num[];
  /**
   * The smallest term changes that give the claimed value (`arithmetic-slip` only when nothing
   * else does); empty when a whole-problem diagnosis already reproduces the cell.
   */
  readonly explanations: readonly CellExplanation[];
}

/** What the checker found: shape, wrong cells, diagnoses (pure data; src/render turns it into text). */
export interface CheckResult {
  readonly correct: boolean;
  readonly layout: Layout;
  /** Whether the output is written with its N axis (torch and tf inputs given unbatched write none). */
  readonly batched: boolean;
  readonly shape: ShapeFinding;
  /** The true output, canonical order. */
  readonly truth: readonly Num[];
  readonly wrong: readonly WrongCell[];
  /** Cells compared (claimed with a value) and left out (`?`). */
  readonly compared: number;
  readonly unknown: number;
  /** Most cells explained first. */
  readonly diagnosis: readonly Diagnosis[];
  /** The claim in canonical order (absent when only a shape was claimed). */
  readonly claim?: readonly ClaimEntry[];
  /** How many axes the claim was written with (indices are reported in that rank). */
  readonly claimRank?: number;
  /** The claim's shape as written (indices are reported in it). */
  readonly claimWritten?: readonly number[];
  /** Axes of the claim as written (0-based) of size 1 that match no output axis and were left out. */
  readonly droppedAxes?: readonly number[];
  /** How the claim's text was read: its form, and what the text said about itself. */
  readonly reading?: ClaimReading;
  /** The output's shape in the user's layout (what a written index is mapped from). */
  readonly layoutShape?: readonly number[];
  /**
   * Mistakes that reproduce wrong cells but only a strict subset of what a listed diagnosis
   * reproduces: consistent with the claim, but no part of the explanation.
   */
  readonly alsoConsistent?: readonly Diagnosis[];
  /** The claimed matrix C, checked (with `claimMatrix`). */
  readonly matrix?: MatrixFinding;
  /** Whether an output (tensor or shape) was claimed at all, and whether that part is right. */
  readonly outputClaimed: boolean;
  readonly outputCorrect: boolean;
}

/** How a claim's text was read (for the report's "read as" line). */
export interface ClaimReading {
  readonly form: Claim["form"];
  /** The paste held this many tensors; the last one was checked. */
  readonly tensors?: number;
  /** Cells a summarised print left out (`...`), not compared. */
  readonly elided?: number;
  /** The element type the print states; float types are compared to their precision. */
  readonly dtype?: string;
}

/** A problem and what was claimed about it: an output tensor, a shape and/or the matrix C. */
export interface CheckRequest {
  readonly problem: CheckProblem;
  /** The claimed tensor, in the user's layout. */
  readonly claim?: Claim | undefined;
  /** A claimed output shape, in the user's layout. */
  readonly claimShape?: readonly number[] | undefined;
  /** A claimed convolution matrix C (rows and columns as `tconv matrix` numbers them). */
  readonly claimMatrix?: Claim | undefined;
  /** How errors name the fields: property names (default, `claim`) or the CLI's (`cliNames`: `--claim`). */
  readonly names?: CheckNames | undefined;
}

/** The field names a check's errors use. */
export type CheckNames = Pick<CheckFieldNames, "input" | "kernel" | "bias" | "claim" | "claimShape" | "claimMatrix">;

/**
 * Checks a claim against a problem. At least one of `claim`, `claimShape` and `claimMatrix` is
 * required, and the problem's tensors must hold numbers; errors name the fields as `names` does.
 *
 * @example
 * const problem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const r = checkClaim({ problem, claim: parseClaim("[[1,2,0],[3,2,-2],[0,-3,-3]]", { field: "--claim" }) });
 * r.correct // → false
 * r.wrong.map((c) => c.index) // → [[1,1],[2,2]]
 * r.diagnosis[0].mistake // → "misread-value"
 * checkClaim({ problem, claimShape: [3, 3] }).correct // → true
 */
export function checkClaim(req: CheckRequest): CheckResult {
  const names = req.names ?? apiNames;
  if (!req.claim && !req.claimShape && !req.claimMatrix) {
    throw new TconvError("missing-option", names.claim,
      `required: the claimed output, e.g. ${names.claim} '[[1,2,0],[3,3,-2],[0,-3,-4]]' (or ${names.claimShape} 3,3, or ${names.claimMatrix})`);
  }
  requireNumbers(req.problem, names);
  const output = checkOutput(req, names);
  const tensor = { ...output, outputClaimed: req.claim !== undefined || req.claimShape !== undefined, outputCorrect: output.correct };
  if (!req.claimMatrix) return tensor;
  const matrix = checkMatrix(req.problem, req.claimMatrix, names.claimMatrix);
  return { ...tensor, matrix, correct: tensor.correct && matrix.correct };
}

/** The checker compares numbers: a symbol in the problem's tensors is the caller's mistake. */
function requireNumbers(problem: CheckProblem, names: CheckNames): void {
  const tensors = [[problem.x, names.input], [problem.w, names.kernel], [problem.bias, names.bias]] as const;
  for (const [t, field] of tensors) {
    const s = t?.data.find((e) => e.kind === "symbol" || e.kind === "expression");
    if (s && (s.kind === "symbol" || s.kind === "expression")) {
      throw new TconvError("symbol-not-allowed", field, `${s.kind === "symbol" ? s.name : s.text}: check needs numbers, not symbols`);
    }
  }
}

function checkOutput(req: CheckRequest, names: CheckNames): Omit<CheckResult, "outputClaimed" | "outputCorrect"> {
  const { problem } = req;
  const info = problem.info;
  const layout = problem.layout ?? "plain";
  const batched = problem.batched ?? layout !== "plain";
  const written: OutputLayout = { layout, batched };
  const expectedLayout = layoutOutputShape(layout, batched, info.outputShape);
  const aligned = req.claim && alignAxes(req.claim.shape, expectedLayout, names.claim);
  const fromClaim = aligned?.shape;
  const fromShape = req.claimShape && alignRank(req.claimShape, expectedLayout, names.claimShape);
  if (fromClaim && fromShape && fromClaim.some((n, i) => n !== fromShape[i])) {
    throw new TconvError("claim-shape-mismatch", names.claimShape,
      `says [${req.claimShape!.join(",")}] but the claimed tensor has shape [${req.claim!.shape.join(",")}]`);
  }
  const claimedLayout = fromClaim ?? fromShape ?? expectedLayout;
  const claimedCanon = canonicalShapeOf(claimedLayout, written, info.rank);
  const shape = checkShape(info, claimedCanon);
  const ctx = mistakeContext(problem);
  const truth = ctx.truth;
  const claim = req.claim && toCanonical(req.claim.entries, claimedLayout, written, info.rank);
  const unknown = claim ? claim.filter((e) => e.kind === "unknown").length : 0;
  const compared = claim ? claim.length - unknown : 0;
  const base = {
    layout, batched, shape, truth, compared, unknown, layoutShape: expectedLayout,
    ...(claim ? {
      claim, claimRank: req.claim!.shape.length, claimWritten: [...req.claim!.shape], droppedAxes: aligned!.dropped,
      reading: readingOf(req.claim!),
    } : {}),
  };
  if (!claim) return { ...base, correct: shape.ok, wrong: [], diagnosis: [] };
  if (!shape.ok) {
    const diagnosis = diagnoseShape(ctx, shape, claim, compared);
    // A misuse that also reproduces the claimed values is more likely than one that only fits the size.
    const reproduced = shape.likely.filter((id) => diagnosis.some((d) => d.mistake === id));
    const likely = [...reproduced, ...shape.likely.filter((id) => !reproduced.includes(id))];
    return { ...base, shape: { ...shape, likely }, correct: false, wrong: [], diagnosis };
  }

  const wrongCells: number[] = [];
  claim.forEach((e, cell) => { if (!claimMatches(e, truth[cell]!)) wrongCells.push(cell); });
  if (wrongCells.length === 0) return { ...base, correct: true, wrong: [], diagnosis: [] };

  const wrongSet = new Set(wrongCells);
  const diagnosis: Diagnosis[] = [];
  const explainedWhole = new Set<number>();
  for (const mistake of problemMistakes) {
    for (const r of mistake.recompute(ctx)) {
      if (!sameShape(r.info.outputShape, info.outputShape)) continue;
      const cells: number[] = [];
      let contradicts = false;
      for (let c = 0; c < claim.length && !contradicts; c++) {
        const e = claim[c]!;
        if (e.kind === "unknown") continue;
        const ok = claimMatches(e, r.values[c]!);
        if (wrongSet.has(c)) { if (ok) cells.push(c); } else if (!ok) contradicts = true;
      }
      if (contradicts || cells.length === 0) continue;
      diagnosis.push({ ...r.diagnosis, explains: cells.length, cells } as Diagnosis);
      for (const c of cells) explainedWhole.add(c);
    }
  }
  // A misread value is looked for only among the cells no whole-problem mistake reproduces.
  const remaining = wrongCells.filter((c) => !explainedWhole.has(c));
  for (const fit of remaining.length > 0 ? fitMistakes : []) {
    for (const d of fit.fit({ ...ctx, claim, wrong: remaining })) {
      diagnosis.push(d);
      for (const c of d.cells) explainedWhole.add(c);
    }
  }

  const asWritten = (index: number[]) => reindex(index, expectedLayout, req.claim!.shape);
  const wrong: WrongCell[] = [];
  const byMistake = new Map<CellMistakeId, number[]>();
  const canonOut = info.outputShape;
  for (const cell of wrongCells) {
    const terms = ctx.terms.termsOf(cell);
    const termValues = ctx.termValues(cell);
    const co = Math.floor(cell / info.outCount) % info.outChannels;
    const expected = truth[cell]!, claimed = claim[cell]!;
    // Exact claims against an exact truth: the term value each change needs is computed once per
    // cell (offset, −offset, −offset/2) and compared, instead of a sum allocated per try.
    const offset = claimed.kind === "exact" && claimed.relTol === undefined && typeof expected !== "number" ? claimed.value.sub(expected) : undefined;
    const needed = offset && { 1: offset, [-1]: offset.neg(), [-2]: offset.div(Rational.int(-2)) };
    const cc: CellContext = {
      cell, expected, claimed, terms, termValues, bias: ctx.biasValues?.[co], ctx,
      fits: (value, factor) => (needed && typeof value !== "number"
        ? needed[factor].equals(value) : claimMatches(claimed, add(expected, mul(typeof value === "number" ? factor : Rational.int(factor), value)))),
    };
    const explanations: CellExplanation[] = [];
    // A cell a whole-problem mistake or a misread value already reproduces needs no term-level
    // story of its own (it would only be a coincidence next to the real cause).
    for (const m of explainedWhole.has(cell) ? [] : cellMistakes) {
      if (m.id === "arithmetic-slip" && explanations.length > 0) continue;
      const found = m.explain(cc);
      if (found.length > 0) {
        explanations.push(...found);
        const list = byMistake.get(m.id) ?? [];
        list.push(cell);
        byMistake.set(m.id, list);
      }
    }
    wrong.push({
      cell, index: asWritten(layoutIndexOf(cell, canonOut, written, info.rank)), expected: truth[cell]!, claimed: claim[cell]!,
      terms, termValues, explanations,
    });
  }
  for (const m of cellMistakes) {
    const cells = byMistake.get(m.id);
    if (cells) diagnosis.push({ mistake: m.id, explains: cells.length, cells });
  }
  const { kept, subsumed } = pruneSubsets(diagnosis);
  return { ...base, correct: false, wrong, diagnosis: rank(kept), ...(subsumed.length > 0 ? { alsoConsistent: rank(subsumed) } : {}) };
}

function readingOf(c: Claim): ClaimReading {
  return {
    form: c.form,
    ...(c.tensors !== undefined ? { tensors: c.tensors } : {}),
    ...(c.elided ? { elided: c.elided } : {}),
    ...(c.dtype !== undefined ? { dtype: c.dtype } : {}),
  };
}

/**
 * Splits diagnoses into those worth listing and those that reproduce only a strict subset of the
 * cells another one reproduces (a coincidence next to the fuller story: the posted
 * conv2d_transpose question's flipped kernel explains all 21 wrong cells, a transposed kernel
 * happens to give 2 of them).
 *
 * @example pruneSubsets([{ mistake: "flipped-kernel", explains: 2, cells: [1, 2] }, { mistake: "kernel-transposed", explains: 1, cells: [2] }]).kept.length // 1
 */
export function pruneSubsets(diagnosis: readonly Diagnosis[]): { kept: Diagnosis[]; subsumed: Diagnosis[] } {
  const sets = diagnosis.map((d) => new Set(d.cells));
  const strictSubset = (i: number, j: number) =>
    sets[i]!.size > 0 && sets[i]!.size < sets[j]!.size && [...sets[i]!].every((c) => sets[j]!.has(c));
  const kept: Diagnosis[] = [], subsumed: Diagnosis[] = [];
  diagnosis.forEach((d, i) => (diagnosis.some((_, j) => j !== i && strictSubset(i, j)) ? subsumed : kept).push(d));
  return { kept, subsumed };
}

/** A wrong shape: which recomputed mistakes give the claimed shape and every claimed value. */
function diagnoseShape(ctx: MistakeContext, shape: ShapeFinding, claim: readonly ClaimEntry[], compared: number): Diagnosis[] {
  if (compared === 0) return [];
  const found: Diagnosis[] = [];
  const reproduces = (outShape: readonly number[], values: readonly Num[]) =>
    sameShape(outShape, shape.claimed) && claim.every((e, c) => claimMatches(e, values[c]!));
  for (const mistake of problemMistakes) {
    for (const r of mistake.recompute(ctx)) {
      if (reproduces(r.info.outputShape, r.values)) found.push({ ...r.diagnosis, explains: compared, cells: [] } as Diagnosis);
    }
  }
  if (!shape.batchOrChannels && shape.axes.length > 0) {
    const axes = shape.axes.map((a) => a.axis);
    const tried = new Set<string>();
    for (const m of shapeMisuses) {
      if (!m.change || m.op !== ctx.problem.info.op || tried.has(m.id)) continue;
      if (!shape.axes.every((a) => a.misuses.includes(m.id))) continue;
      tried.add(m.id);
      if (found.some((d) => d.mistake === m.id)) continue;
      const r = recomputeWith(ctx.problem, m.change(ctx.problem.params, axes));
      if (r && reproduces(r.info.outputShape, r.values)) {
        found.push({ mistake: m.id, explains: compared, cells: [], axes } as Diagnosis);
      }
    }
  }
  return found;
}

/**
 * What every mistake needs: the truth, the term lister and the tensors as numbers.
 *
 * @example mistakeContext(problem).truth.map(String) // the true output, canonical order
 */
export function mistakeContext(problem: CheckProblem, truth?: readonly Num[]): MistakeContext {
  // checkClaim refused symbols at its door; here they are a broken invariant.
  const nums = (data: readonly Scalar[]) => data.map((s): Num => {
    if (s.kind === "symbol" || s.kind === "expression") throw new Error("mistakeContext: a symbolic entry; the checker compares numbers");
    return s.value;
  });
  const xValues = nums(problem.x.data), wValues = nums(problem.w.data);
  const biasValues = problem.bias && nums(problem.bias.data);
  const terms = cellTerms(problem.info);
  const memo: (readonly Num[] | undefined)[] = [];
  return {
    problem, truth: truth ?? evaluateNums(problem.info, problem.x, problem.w, problem.bias),
    terms, xValues, wValues, biasValues,
    termValues(cell) {
      return (memo[cell] ??= terms.termsOf(cell).map((t) => mul(xValues[t.x]!, wValues[t.w]!)));
    },
  };
}

/**
 * An index in the user's layout, in the rank the claim was written in: leading size-1 axes the
 * claim left out are dropped, ones it added are 0 (a 3×3 bmatrix for a [1,1,3,3] output gets [i, j]).
 *
 * @example indexAsWritten([0, 0, 2, 1], 2) // [2, 1]
 */
export function indexAsWritten(index: readonly number[], rank: number): number[] {
  const extra = rank - index.length;
  return extra >= 0 ? [...Array<number>(extra).fill(0), ...index] : index.slice(-extra);
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Most cells explained first; the table order breaks ties; `arithmetic-slip` always last. */
function rank(d: Diagnosis[]): Diagnosis[] {
  const slip = d.filter((x) => x.mistake === "arithmetic-slip");
  const rest = d.filter((x) => x.mistake !== "arithmetic-slip");
  return [...rest.map((x, i) => [x, i] as const).sort((a, b) => b[0].explains - a[0].explains || a[1] - b[1]).map(([x]) => x), ...slip];
}
