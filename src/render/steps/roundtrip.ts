/** View of the round trip: start, C·start, Cᵀ C·start, and Cᵀ C itself next to I. */
import type { RoundtripStep } from "../../explain/types.ts";
import { scalarCell, valueTex, type MathKit } from "../math.ts";

export interface RoundtripView {
  readonly transposed: boolean;
  readonly start: string;
  readonly there: string;
  /** The problem's own input X (transposed: what C·Y would have to be to undo the layer). */
  readonly input: string;
  /** Whether C·Y came back to X (transposed problems). */
  readonly thereIsInput: boolean;
  readonly back: string;
  readonly gram: string;
  readonly gramSize: number;
  readonly gramComplete: boolean;
  readonly identity: boolean;
  readonly recovered: boolean;
  readonly narrowCount: number;
  readonly wideCount: number;
  readonly bias: boolean;
  /** Several channels or batch items: the grids show channel 0 of batch item 0. */
  readonly firstMapOnly: boolean;
}

export function roundtripView(step: RoundtripStep, kit: MathKit): RoundtripView {
  const { d } = kit;
  const spatialOf = (shape: readonly number[]) => shape.slice(1);
  const flatGrid = (shape: readonly number[], values: RoundtripStep["start"]) => {
    const sp = spatialOf(shape);
    // Channel 0 of batch item 0 (the text says so when there are more).
    return kit.grid(sp, (f) => valueTex(values[f]!));
  };
  const gramAt = new Map<number, string>();
  for (const [r, c, v] of step.gram) gramAt.set(r * step.gramSize + c, valueTex(v));
  const rowsKnown = new Set(step.gramRows);
  const complete = step.gramRows.length === step.gramSize;
  const gram = kit.matrix(step.gramSize, step.gramSize, (r, c) => (rowsKnown.has(r) ? gramAt.get(r * step.gramSize + c) ?? "0" : "\\ast"),
    step.gramRows, step.gramRows);
  return {
    transposed: step.op === "transposed",
    start: flatGrid(step.startShape, step.start),
    there: flatGrid(step.thereShape, step.there),
    input: kit.grid(d.info.inSpatial, (f) => kit.colour(f, scalarCell(d.x.data[f]!))),
    thereIsInput: step.op === "transposed" && step.there.every((v, i) => valueTex(v) === scalarCell(d.x.data[i]!)),
    back: flatGrid(step.startShape, step.back),
    gram, gramSize: step.gramSize, gramComplete: complete,
    identity: step.identity, recovered: step.recovered,
    narrowCount: step.there.length, wideCount: step.start.length,
    bias: d.bias !== undefined,
    firstMapOnly: d.info.inChannels > 1 || d.info.outChannels > 1 || d.info.batch > 1,
  };
}
