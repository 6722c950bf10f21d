/**
 * The table of step kinds (after markdown-it's rule table): a new section is one file in
 * steps/, one row here and one template per locale. The order of rows is the default order.
 */
import type { Op } from "../spec/problem.ts";
import type { ExplainContext } from "./context.ts";
import { buildCells } from "./steps/cells.ts";
import { buildCheck } from "./steps/check.ts";
import { buildGradient } from "./steps/gradient.ts";
import { buildDirect } from "./steps/direct.ts";
import { buildMatrix } from "./steps/matrix.ts";
import { buildOverlap } from "./steps/overlap.ts";
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
}

const both: readonly Op[] = ["transposed", "conv"];

/**
 * Every step kind, in the default order for a transposed convolution.
 *
 * @example
 * stepTable.map((row) => row.kind) // → ["problem", "size", "scatter", "cells", "matrix", "gradient", "direct", "roundtrip", "overlap", "check"]
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
  { kind: "check", build: buildCheck, ops: both },
];

/**
 * The default sections of an operation. An ordinary convolution is told window first: the
 * sliding window is how readers already know it, the cell sums then name each window's terms.
 *
 * @example
 * defaultSections("conv") // → ["problem", "size", "direct", "cells", "matrix", "roundtrip", "check"]
 */
export function defaultSections(op: Op): StepKind[] {
  const kinds = stepTable.filter((r) => r.ops.includes(op)).map((r) => r.kind);
  if (op === "transposed") return kinds;
  return ["problem", "size", "direct", "cells", "matrix", "roundtrip", "check"];
}

/** The row of a kind. */
export function stepRow(kind: StepKind): StepRow {
  const row = stepTable.find((r) => r.kind === kind);
  if (!row) throw new Error(`stepRow: unknown step kind ${kind}`);
  return row;
}
