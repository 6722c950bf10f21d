/**
 * A walkthrough as data: a derivation is a list of steps, each a plain record discriminated on
 * `kind` (DESIGN.md conventions 3 and 4). Steps hold indices and exact values, never prose or
 * TeX, so one derivation renders to every format and language and tests assert on the data.
 *
 * Index conventions used by every step: tensors are canonical and row-major (input
 * [N, C_in, *in], weight as ConvInfo says, output [N, C_out, *out]); a "flat" index is the
 * row-major position in that tensor; multi-indices are 0-based (the renderer adds the index base).
 */
import type { AlgebraValue } from "../algebra/ring.ts";
import type { NumericMode, ScalarTensor } from "../algebra/scalar.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { DirectConvAxis } from "../geometry/direct-conv.ts";
import type { CanonicalParams, Op } from "../spec/problem.ts";
import type { Layout } from "../spec/layout.ts";
import type { PaddingChoice } from "../spec/padding.ts";

/** A parameter as one framework spells it; an empty name is a positional argument. */
export interface FrameworkArg {
  readonly name: string;
  readonly value: number | string | readonly number[] | readonly (readonly number[])[];
}

/** The same layer written for one framework. `exact: false` when the framework cannot say it directly. */
export interface FrameworkCall {
  readonly framework: "pytorch" | "onnx" | "tensorflow";
  readonly call: string;
  readonly args: readonly FrameworkArg[];
  /** Why the call is not a literal translation (asymmetric padding in PyTorch, dilation+stride in TF). */
  readonly caveat?: "asymmetric-padding" | "tf-dilation-with-stride" | "tf-groups";
}

export interface ProblemStep {
  readonly kind: "problem";
  readonly op: Op;
  readonly layout: Layout;
  readonly userShapes: { readonly input: readonly number[]; readonly kernel: readonly number[] };
  readonly userOutputShape: readonly number[];
  readonly params: CanonicalParams;
  readonly mode: NumericMode;
  readonly hasBias: boolean;
  readonly frameworks: readonly FrameworkCall[];
}

export interface SizeAxis {
  readonly input: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBegin: number;
  readonly padEnd: number;
  readonly outputPadding: number;
  readonly output: number;
  /**
   * conv_arithmetic's relationship: the ordinary convolution on this axis maps `convInput` to
   * `convOutput` — the input size, except when output padding reaches the stride (allowed when
   * the dilation is larger), where the output is too large to convolve back to the input.
   */
  readonly convInput: number;
  readonly convOutput: number;
  /**
   * Transposed: (o + p_b + p_e − d(k−1) − 1) mod s — the sizes the stride rounds together, which
   * output padding picks between. Conv: the same remainder for the conv's own input.
   */
  readonly remainder: number;
  /**
   * Transposed: what the stride adds, (i−1)(s−1) (spreading the i inputs s apart), and what the
   * kernel's reach adds, d(k−1); o − i = stride + reach − p_b − p_e + op.
   */
  readonly growth: { readonly stride: number; readonly reach: number; readonly leader: "stride" | "reach" | "equal" | "none" };
}

export interface SizeStep {
  readonly kind: "size";
  readonly op: Op;
  readonly axes: readonly SizeAxis[];
  readonly choices: readonly PaddingChoice[];
}

/** One input value's copy of the kernel: the output cells it lands in and through which tap. */
export interface ScatterCopy {
  /** Input flat index (batch, channel, space). */
  readonly input: number;
  /** Pairs [output flat, weight flat]; cells cropped by padding are not listed. */
  readonly placements: readonly (readonly [number, number])[];
  /** Kernel taps whose target was cropped away by padding. */
  readonly cropped: number;
}

export interface ScatterStep {
  readonly kind: "scatter";
  readonly copies: readonly ScatterCopy[];
  /** With a bias: every output cell's sum of copies before the bias is added (row-major over the output). */
  readonly unbiased?: readonly AlgebraValue[];
  /** Whether two copies land on a common output cell. */
  readonly overlaps: boolean;
}

export interface CellEntry {
  /** Output flat index. */
  readonly flat: number;
  readonly index: readonly number[];
  /** Terms [input flat, weight flat] in the documented order (see algebra/cells.ts). */
  readonly terms: readonly (readonly [number, number])[];
  /** Output channel, for the bias summand (present only when the problem has a bias). */
  readonly biasChannel?: number;
  /** Exact or float value; a polynomial when symbols remain. */
  readonly value: AlgebraValue;
}

export interface CellsStep {
  readonly kind: "cells";
  readonly cells: readonly CellEntry[];
  /** The most terms any cell has (the overlap maximum, times input channels per group). */
  readonly maxTerms: number;
}

export interface MatrixStep {
  readonly kind: "matrix";
  /** C: rows = narrow side, columns = wide side, per batch item (see algebra/sparse.ts). */
  readonly rows: number;
  readonly cols: number;
  /** Stored entries [row, col, weight flat], row-major. */
  readonly entries: readonly (readonly [number, number, number])[];
  /** The vector multiplied, per batch item: input flats (vec x). */
  readonly vector: readonly number[];
  /** The product per batch item 0, before reshaping: output flats in order. */
  readonly product: readonly number[];
}

export interface WindowEntry {
  /** Output flat index. */
  readonly output: number;
  /** Start of the window in the padded input, per spatial axis. */
  readonly origin: readonly number[];
}

export interface DirectStep {
  readonly kind: "direct";
  readonly op: Op;
  /** Transposed: zero insertion and padding per axis. Conv: padding only (zerosBetween 0). */
  readonly axes: readonly DirectConvAxis[];
  /** Stride of the sliding window: 1 for the transposed view, s for an ordinary convolution. */
  readonly stride: readonly number[];
  readonly flipped: boolean;
  /** The padded input of batch 0, per input channel: spatial shape and, per cell, the input flat or −1 for a zero. */
  readonly padded: { readonly shape: readonly number[]; readonly source: readonly number[] };
  readonly windows: readonly WindowEntry[];
}

export interface RoundtripStep {
  readonly kind: "roundtrip";
  readonly op: Op;
  /** The wide-side map we start from (batch 0, bias left out): y for transposed, x for conv. */
  readonly start: readonly AlgebraValue[];
  readonly startShape: readonly number[];
  /** C · start: the narrow side (transposed: C·Cᵀ·x). */
  readonly there: readonly AlgebraValue[];
  readonly thereShape: readonly number[];
  /** Cᵀ C · start: back on the wide side. */
  readonly back: readonly AlgebraValue[];
  /** The problem's input x (batch 0, every channel), what C·Y is compared with. */
  readonly input: readonly AlgebraValue[];
  /** Transposed: whether C·Y = C·Cᵀ·x equals x. */
  readonly thereIsInput: boolean;
  /**
   * The matrix whose test decides the text: C·Cᵀ (narrow × narrow) for a transposed problem,
   * Cᵀ·C (wide × wide) for conv. Non-zero entries [row, col, value] of the rows in `gramRows`.
   */
  readonly gram: readonly (readonly [number, number, AlgebraValue])[];
  readonly gramSize: number;
  readonly gramRows: readonly number[];
  /** Whether that matrix is the identity (for a partly computed Cᵀ·C: whether its computed rows are). */
  readonly identity: boolean;
  /** c when the matrix is c·I (c ≠ 0), else null. */
  readonly scale: AlgebraValue | null;
  /** Its exact rank (exact arithmetic and at most 32 rows: rational elimination on larger ones costs seconds), else null. */
  readonly rank: number | null;
  /** Rows of C (input cells × channels for a transposed problem) and columns. */
  readonly narrowCount: number;
  readonly wideCount: number;
  /** Whether the chain came back to the start exactly. */
  readonly recovered: boolean;
  /** Whether the chain came back as scale·start (scale not null). */
  readonly backIsScaled: boolean;
  /** Whether two rows of C share a column (kernel copies, or windows, overlap). */
  readonly copiesOverlap: boolean;
}

/**
 * Why "transposed": the ordinary convolution Z = C·U (U output-shaped, Z input-shaped) has input
 * gradient ∂L/∂U = Cᵀ·∂L/∂Z; with ∂L/∂Z = X that is Y without the bias (batch item 0).
 */
export interface GradientStep {
  readonly kind: "gradient";
  /** U's shape [C_out, *out] and Z's shape [C_in, *in]. */
  readonly convInputShape: readonly number[];
  readonly convOutputShape: readonly number[];
  /** ∂L/∂Z: the problem's input X (batch item 0, every channel). */
  readonly upstream: readonly AlgebraValue[];
  /** ∂L/∂U = Cᵀ·∂L/∂Z, output-shaped (batch item 0, every channel). */
  readonly gradient: readonly AlgebraValue[];
  /** Whether ∂L/∂U plus the bias equals the transposed convolution's output, cell by cell. */
  readonly matchesOutput: boolean;
  /** The cell derived by the chain rule (output flat within batch item 0: the focus cell). */
  readonly cell: number;
  /** Its terms [input flat = a, weight flat]: ∂L/∂z_a = x_a times ∂z_a/∂u = that weight. */
  readonly terms: readonly (readonly [number, number])[];
  readonly value: AlgebraValue;
}

export interface OverlapAxis {
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly counts: readonly number[];
  /** Distill's rule: the kernel size divides by the stride. */
  readonly divisible: boolean;
  /** Whether every interior position gets the same count. */
  readonly even: boolean;
  /** The same count everywhere, even inside with fewer at the borders, or uneven inside. */
  readonly pattern: "constant" | "even-inside" | "uneven";
}

export interface OverlapStep {
  readonly kind: "overlap";
  readonly shape: readonly number[];
  /** Terms per spatial output cell for one input channel, row-major. */
  readonly counts: readonly number[];
  readonly levels: readonly number[];
  readonly axes: readonly OverlapAxis[];
  /** The focus cell (spatial flat) and the input cells (spatial flats) that meet there. */
  readonly focus: number;
  readonly meeting: readonly number[];
  /** Every axis is even inside. */
  readonly even: boolean;
  /** The most terms any cell sums (per input channel); 1 means no two copies overlap. */
  readonly maxCount: number;
  /** Output channel 0 (batch item 0) for an all-ones input: what the kernel does to a flat input. */
  readonly ones: readonly AlgebraValue[];
  /** The inside cells (spatial flats) the all-ones test looks at. */
  readonly onesInside: readonly number[];
  /** Whether the all-ones output is the same in every inside cell. */
  readonly onesEven: boolean;
  /** A flat input comes out patterned inside: the checkerboard shows. */
  readonly checkerboard: boolean;
  /** Uneven overlap, yet a flat input comes out flat: the kernel compensates. */
  readonly compensates: boolean;
}

/** One phase of the sub-pixel view. */
export interface PhaseEntry {
  /** The residue φ per axis: the phase's outputs have (o + p_begin) mod s = φ. */
  readonly phase: readonly number[];
  /** The sub-kernel's taps, row-major: kernel spatial flat, multi-index, and position (lag) in the sub-kernel. */
  readonly taps: readonly { readonly tap: number; readonly index: readonly number[]; readonly lag: readonly number[] }[];
  readonly subKernelShape: readonly number[];
  /** The phase grid's shape and its cells (output spatial flats, row-major over the grid). */
  readonly gridShape: readonly number[];
  readonly outputs: readonly number[];
  /** Output positions per axis (the grid's rows, columns, ...) and their blocks m (o + p_begin = m·s + φ). */
  readonly positions: readonly (readonly number[])[];
  readonly blocks: readonly (readonly number[])[];
  /** The phase grid of batch 0, output channel 0 (bias included), computed as the phase's own convolution. */
  readonly values: readonly AlgebraValue[];
  /** Sum of the sub-kernel's entries (kernel slice c_in = 0, c_out = 0). */
  readonly sum: AlgebraValue;
  /** Whether some cell of the grid receives every tap of the phase (so an all-ones input shows `sum` there). */
  readonly hasInside: boolean;
}

export interface PhasesStep {
  readonly kind: "phases";
  readonly strides: readonly number[];
  readonly phases: readonly PhaseEntry[];
  /** Per output spatial cell (row-major): the index of its phase in `phases`. */
  readonly phaseOf: readonly number[];
  /** Phases shown in full by text formats (the focus cell's first); the others are listed compactly. */
  readonly full: readonly number[];
  readonly focusPhase: number;
  /** The output of an all-ones input (one channel, kernel slice c_in = 0, c_out = 0, no bias), row-major. */
  readonly ones: readonly AlgebraValue[];
  /** Output cells (spatial flats) that receive every tap of their phase: there the all-ones output is the phase's sum. */
  readonly inside: readonly number[];
  /** Every phase has the same number of taps (the overlap is even). */
  readonly countsEven: boolean;
  /** Every phase's sub-kernel has the same sum (a constant input gives a constant output inside). */
  readonly sumsEqual: boolean;
  /** The all-ones output takes one value on every inside cell (null when no cell is inside). */
  readonly insideEven: boolean | null;
}

export interface CheckStep {
  readonly kind: "check";
  readonly mode: NumericMode;
  /** Symbolic problems are checked after putting these numbers in for the symbols. */
  readonly substitution: readonly (readonly [string, number])[];
  /** The tensor core's result (float64). */
  readonly core: readonly number[];
  /** The exact result it was compared with. */
  readonly exact: readonly AlgebraValue[];
  readonly maxDifference: number;
  readonly tolerance: number;
  readonly agrees: boolean;
}

export interface CodeStep {
  readonly kind: "code";
  /** The framework whose script the section shows. */
  readonly framework: "torch";
  /** The user's layout and whether the input had a batch axis: the script writes the tensors as the user did. */
  readonly layout: Layout;
  readonly batched: boolean;
  /** Why there is no script: symbols (a script computes with numbers) or more spatial axes than PyTorch has (3). */
  readonly refusal?: "symbolic" | "rank";
}

/**
 * One section of a walkthrough, as data; `kind` names its file in src/explain/steps/.
 *
 * @example
 * const step: Step = { kind: "scatter", copies: [] };
 */
export type Step =
  | ProblemStep | SizeStep | ScatterStep | CellsStep | MatrixStep
  | DirectStep | RoundtripStep | OverlapStep | PhasesStep | CheckStep | GradientStep | CodeStep;

/**
 * The name of a section (`--sections` takes these).
 *
 * @example
 * const kind: StepKind = "cells";
 */
export type StepKind = Step["kind"];

/** Everything a renderer needs: the steps and the tensors they index into. */
export interface Derivation {
  readonly info: ConvInfo;
  readonly mode: NumericMode;
  readonly indexBase: 0 | 1;
  readonly x: ScalarTensor;
  readonly w: ScalarTensor;
  readonly bias?: ScalarTensor;
  /** Symbol TeX per entry: default names (x_{i,j}, w_{a,b}, b_c, y_{i,j}) in the index base. */
  readonly names: { readonly x: readonly string[]; readonly w: readonly string[]; readonly bias: readonly string[]; readonly y: readonly string[] };
  /** Every output cell's value (row-major over the output). */
  readonly output: readonly AlgebraValue[];
  /** The user's symbols whose names are formula letters, [name, TeX shown instead] (see renameReserved). */
  readonly renamed: readonly (readonly [string, string])[];
  /** The output cell explained in full (flat): `--cell`, else the first with the most terms. */
  readonly focus: number;
  readonly steps: readonly Step[];
}
