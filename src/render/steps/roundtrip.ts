/**
 * View of the round trip: the chain stacked vertically (one arrow per line), C·Y next to X for a
 * transposed problem, and the matrix whose test the text reports (C·Cᵀ, or Cᵀ·C for conv),
 * elided like C when it is large. The step decided every claim; this only formats it.
 */
import type { RoundtripStep } from "../../explain/types.ts";
import { valueTex, type MathKit } from "../math.ts";

export interface RoundtripView {
  readonly transposed: boolean;
  /** The chain start → C → Cᵀ as one aligned block, one arrow per line. */
  readonly chain: string;
  /** Transposed: `C\,Y = C C^T X = (values)` and the input X. */
  readonly there: string;
  readonly input: string;
  readonly thereIsInput: boolean;
  /** TeX of the printed matrix (C·Cᵀ or Cᵀ·C) and its name. */
  readonly gram: string;
  readonly gramName: string;
  readonly gramSize: number;
  readonly gramComplete: boolean;
  readonly identity: boolean;
  /** TeX of c when the matrix is c·I (c ≠ 1), else "". */
  readonly scale: string;
  readonly rank: number | null;
  readonly copiesOverlap: boolean;
  readonly recovered: boolean;
  readonly backIsScaled: boolean;
  readonly narrowCount: number;
  readonly wideCount: number;
  /** The counting argument holds: the wide side has more cells than the narrow one. */
  readonly counting: boolean;
  readonly elided: boolean;
  readonly bias: boolean;
  /** Several channels or batch items: the grids show channel 0 of batch item 0. */
  readonly firstMapOnly: boolean;
}

export function roundtripView(step: RoundtripStep, kit: MathKit): RoundtripView {
  const { d } = kit;
  const transposed = step.op === "transposed";
  // Channel 0 of batch item 0 (the text says so when there are more).
  const flatGrid = (shape: readonly number[], values: RoundtripStep["start"], colour: boolean) =>
    kit.grid(shape.slice(1), (f) => (colour ? kit.t.colour(f, valueTex(values[f]!)) : valueTex(values[f]!)));
  const T = "^{\\mathsf{T}}";
  const s = transposed ? "Y" : "X";
  const chain = `\\begin{aligned} ${s} &= ${flatGrid(step.startShape, step.start, !transposed)} \\\\ `
    + `\\xrightarrow{\\;C\\;}\\quad C\\,${s} &= ${flatGrid(step.thereShape, step.there, transposed)} \\\\ `
    + `\\xrightarrow{\\;C${T}\\;}\\quad C${T}C\\,${s} &= ${flatGrid(step.startShape, step.back, false)} \\end{aligned}`;
  const gramAt = new Map<number, string>();
  for (const [r, c, v] of step.gram) gramAt.set(r * step.gramSize + c, valueTex(v));
  const rowsKnown = new Set(step.gramRows);
  const complete = step.gramRows.length === step.gramSize;
  const gram = kit.matrix(step.gramSize, step.gramSize,
    (r, c) => (rowsKnown.has(r) ? gramAt.get(r * step.gramSize + c) ?? "0" : "\\ast"),
    complete ? [] : step.gramRows, complete ? [] : step.gramRows);
  const scale = step.scale !== null && !step.identity ? valueTex(step.scale) : "";
  return {
    transposed, chain,
    there: `C\\,Y = C C${T} X = ${flatGrid(step.thereShape, step.there, true)}`,
    input: transposed ? `X = ${flatGrid(step.thereShape, step.input, true)}` : "",
    thereIsInput: step.thereIsInput,
    gram, gramName: transposed ? `C C${T}` : `C${T} C`,
    gramSize: step.gramSize, gramComplete: complete,
    identity: step.identity, scale, rank: step.rank, copiesOverlap: step.copiesOverlap,
    recovered: step.recovered, backIsScaled: step.backIsScaled,
    narrowCount: step.narrowCount, wideCount: step.wideCount,
    counting: step.wideCount > step.narrowCount,
    elided: step.gramSize > 16,
    bias: d.bias !== undefined,
    firstMapOnly: d.info.inChannels > 1 || d.info.outChannels > 1 || d.info.batch > 1,
  };
}
