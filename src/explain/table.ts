/**
 * The table of step kinds (after markdown-it's rule table): a new section is one file in
 * steps/, one row here and one template per locale. The order of rows is the default order.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { Op } from "../spec/problem.ts";
import type { ExplainContext } from "./context.ts";
import { buildCells } from "./steps/cells.ts";
import { buildCheck } from "./steps/check.ts";
import { buildCode } from "./steps/code.ts";
import { buildGradient } from "./steps/gradient.ts";
import { buildDirect } from "./steps/direct.ts";
import { buildMatrix } from "./steps/matrix.ts";
import { buildOverlap } from "./steps/overlap.ts";
import { buildPhases, phasesApply } from "./steps/phases.ts";
import { buildProblem } from "./steps/problem.ts";
import { buildRoundtrip } from "./steps/roundtrip.ts";
import { buildScatter } from "./steps/scatter.ts";
import { buildSize } from "./steps/size.ts";
import type { Step, StepKind } from "./types.ts";

export interface StepRow {
  readonly kind: StepKind;
  readonly build: (ctx: ExplainContext) => Step;
  /** The operations the section makes sense for. */
  readonly ops: readonly Op[];
  /**
   * Beyond the operation, whether the section applies to a problem, with what it needs and what
   * the problem has instead, in the words of an error ("a stride above 1 on some axis",
   * "stride 1,1"). Absent: every problem of `ops`.
   */
  readonly applies?: { readonly test: (info: ConvInfo) => boolean; readonly needs: string; readonly has: (info: ConvInfo) => string };
  /** Shown only when `--sections` asks for it. */
  readonly optional?: boolean;
}

const both: readonly Op[] = ["transposed", "conv"];

/**
 * Every step kind, in the default order for a transposed convolution.
 *
 * @example
 * stepTable.map((row) => row.kind) // → ["problem", "size", "scatter", "cells", "matrix", "gradient", "direct", "roundtrip", "overlap", "phases", "check", "code"]
 */
export const stepTable: readonly StepRow[] = [
  { kind: "problem", build: buildProblem, ops: both },
  { kind: "size", build: buildSize, ops: both },
  { kind: "scatter", build: buildScatter, ops: ["transposed"] },
  { kind: "cells", build: buildCells, ops: both },
  { kind: "matrix", build: buildMatrix, ops: both },
  { kind: "gradient", build: buildGradient, ops: ["transposed"] },
  { kind: "direct", build: buildDirect, ops: both },
  { kind: "roundtrip", build: buildRoundtrip, ops: both },
  { kind: "overlap", build: buildOverlap, ops: ["transposed"] },
  { kind: "phases", build: buildPhases, ops: ["transposed"], applies: {
    test: phasesApply, needs: "a stride above 1 on some axis", has: (info) => `stride ${info.axes.map((a) => a.stride).join(",")}`,
  } },
  { kind: "check", build: buildCheck, ops: both },
  { kind: "code", build: buildCode, ops: both, optional: true },
];

/**
 * Whether a section applies to a problem: its operation, then its own test.
 *
 * @example
 * const phases = stepTable.find((row) => row.kind === "phases")!;
 * stepApplies(phases, parseProblem({ input: "[1,2]", kernel: "[1,1]" }).info) // → false
 * stepApplies(phases, parseProblem({ input: "[1,2]", kernel: "[1,1]", stride: "2" }).info) // → true
 */
export function stepApplies(row: StepRow, info: ConvInfo): boolean {
  return row.ops.includes(info.op) && (row.applies?.test(info) ?? true);
}

/**
 * The default sections of a problem: every section that applies to it. An ordinary convolution
 * is told window first: the sliding window is how readers already know it, the cell sums then
 * name each window's terms.
 *
 * @example
 * defaultSections(parseProblem({ op: "conv", input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).info) // → ["problem", "size", "direct", "cells", "matrix", "roundtrip", "check"]
 * defaultSections(parseProblem({ input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" }).info).includes("phases") // → true
 */
export function defaultSections(info: ConvInfo): StepKind[] {
  const order: readonly StepKind[] = info.op === "transposed"
    ? stepTable.filter((r) => !r.optional).map((r) => r.kind)
    : ["problem", "size", "direct", "cells", "matrix", "roundtrip", "check"];
  return order.filter((kind) => stepApplies(stepRow(kind), info));
}

/** The row of a kind. */
export function stepRow(kind: StepKind): StepRow {
  const row = stepTable.find((r) => r.kind === kind);
  if (!row) throw new Error(`stepRow: unknown step kind ${kind}`);
  return row;
}
