/**
 * The mistakes the checker knows, as a discriminated union on `mistake` (one file per mistake,
 * listed in ./index.ts). Three scopes:
 * - `problem`: the whole problem recomputed under the mistake (flipped kernel, overlaps not
 *   summed, ...). It is named when it reproduces wrong cells exactly and changes no cell the
 *   claim has right.
 * - `fit`: a mistake found by solving for it (one input or kernel value misread).
 * - `cell`: the smallest change of one cell's terms that gives the claimed value.
 */
import type { ConvInfo } from "../../geometry/conv-info.ts";
import type { ClaimEntry } from "../claim/entry.ts";
import type { CheckProblem } from "../problem.ts";
import type { CellTerms, TermRef } from "../terms.ts";
import type { Num } from "../value.ts";

export type ProblemMistakeId =
  | "flipped-kernel" | "overlap-not-summed" | "padding-not-cropped" | "output-padding-ignored"
  | "stride-zeros-wrong" | "input-transposed" | "conv-instead-of-transposed" | "bias-ignored"
  | "kernel-transposed";
export type CellMistakeId = "missing-term" | "extra-term" | "sign-error" | "arithmetic-slip";
/** Shape misuses that are a parameter change, so their values can be recomputed (see ../shape). */
export type AxisMistakeId = "padding-counted-twice" | "stride-ignored" | "copies-not-overlapped" | "stride-on-kernel" | "dilation-ignored";

/**
 * `explains`: how many wrong cells the mistake reproduces exactly (for a wrong shape: how many
 * claimed cells); `cells`: those cells (canonical flat output indices; empty for a wrong shape);
 * `axes`: spatial axes (0-based).
 */
export type Diagnosis = (
  | { readonly mistake: "flipped-kernel"; readonly explains: number }
  | { readonly mistake: "overlap-not-summed"; readonly explains: number; readonly order: "last-wins" | "first-wins" }
  | { readonly mistake: "padding-not-cropped"; readonly explains: number; readonly axes?: readonly number[] }
  | { readonly mistake: "output-padding-ignored"; readonly explains: number; readonly axes?: readonly number[] }
  | { readonly mistake: "stride-zeros-wrong"; readonly explains: number; readonly axes?: readonly number[] }
  | { readonly mistake: "input-transposed"; readonly explains: number }
  | { readonly mistake: "bias-ignored"; readonly explains: number }
  | { readonly mistake: "kernel-transposed"; readonly explains: number }
  | { readonly mistake: "conv-instead-of-transposed"; readonly explains: number; readonly computed: "conv" | "transposed" }
  | {
    readonly mistake: "misread-value"; readonly explains: number;
    readonly tensor: "input" | "kernel"; readonly at: number; readonly used: Num; readonly actual: Num;
  }
  | { readonly mistake: AxisMistakeId; readonly explains: number; readonly axes: readonly number[] }
  | { readonly mistake: CellMistakeId; readonly explains: number }
) & { readonly cells: readonly number[] };

/** Every mistake id a diagnosis can name. */
export type MistakeId = Diagnosis["mistake"];

/** What a cell-level explanation says about one wrong cell. */
export type CellExplanation =
  | { readonly mistake: "missing-term"; readonly term: TermRef; readonly value: Num }
  | {
    readonly mistake: "extra-term"; readonly term: TermRef; readonly value: Num;
    /** `duplicate`: a term of this cell counted twice; `neighbour`: a term of cell `from`. */
    readonly source: "duplicate" | "neighbour"; readonly from?: number;
  }
  | { readonly mistake: "sign-error"; readonly scope: "term"; readonly term: TermRef; readonly value: Num }
  | { readonly mistake: "sign-error"; readonly scope: "result" }
  | { readonly mistake: "arithmetic-slip"; readonly off: Num };

export interface MistakeContext {
  readonly problem: CheckProblem;
  /** The true output, canonical order. */
  readonly truth: readonly Num[];
  readonly terms: CellTerms;
  /** x, w and bias as numbers, canonical order. */
  readonly xValues: readonly Num[];
  readonly wValues: readonly Num[];
  readonly biasValues: readonly Num[] | undefined;
  /** The values x·w of a cell's terms, in term order (memoised). */
  termValues(cell: number): readonly Num[];
}

/** One way of making the mistake, recomputed: its diagnosis (without `explains`) and output. */
export interface Recomputation {
  readonly diagnosis: DistributiveOmit<Diagnosis, "explains" | "cells">;
  readonly info: ConvInfo;
  readonly values: readonly Num[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type DiagnosisWithout<K extends PropertyKey> = DistributiveOmit<Diagnosis, K>;

export interface ProblemMistake {
  readonly id: ProblemMistakeId;
  readonly scope: "problem";
  /** Every variant of the mistake that applies to this problem (none when it cannot happen). */
  recompute(ctx: MistakeContext): Recomputation[];
}

export interface FitContext extends MistakeContext {
  /** The claim, canonical order, same shape as the truth. */
  readonly claim: readonly ClaimEntry[];
  /** Canonical cells the claim has wrong that no whole-problem mistake reproduces (others are left alone). */
  readonly wrong: readonly number[];
}

export interface FitMistake {
  readonly id: "misread-value";
  readonly scope: "fit";
  fit(ctx: FitContext): Diagnosis[];
}

export interface CellContext {
  readonly cell: number;
  readonly expected: Num;
  readonly claimed: ClaimEntry;
  /** The cell's terms and their values x·w. */
  readonly terms: readonly TermRef[];
  readonly termValues: readonly Num[];
  readonly bias: Num | undefined;
  readonly ctx: MistakeContext;
  /**
   * Whether the claimed value equals expected + factor·value (under the claim's tolerance): a
   * term added (factor 1), left out (−1) or with its sign flipped (−2).
   */
  fits(value: Num, factor: 1 | -1 | -2): boolean;
}

export interface CellMistake {
  readonly id: CellMistakeId;
  readonly scope: "cell";
  /** Every way this mistake gives the claimed value (empty when it does not). */
  explain(cell: CellContext): CellExplanation[];
}
