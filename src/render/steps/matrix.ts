/** View of the matrix step: C, Cᵀ, vec(x), the product and the reshape. */
import type { MatrixStep } from "../../explain/types.ts";
import { valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";

export interface MatrixView {
  readonly transposed: boolean;
  readonly rows: number;
  readonly cols: number;
  readonly c: string;
  readonly ct: string;
  readonly vecX: string;
  /** `vec(Y) = Cᵀ vec(X) = (values)` */
  readonly product: string;
  readonly result: readonly MapView[];
  readonly elided: boolean;
  readonly nnz: number;
  readonly batch: boolean;
  readonly channels: boolean;
}

export function matrixView(step: MatrixStep, kit: MathKit): MatrixView {
  const { d } = kit;
  const info = d.info;
  const transposed = info.op === "transposed";
  const at = new Map<number, number>();
  for (const [r, c, w] of step.entries) at.set(r * step.cols + c, w);
  // Rows of C belong to input cells (transposed) and take their colour; zeros stay plain.
  const entry = (r: number, c: number) => {
    const w = at.get(r * step.cols + c);
    if (w === undefined) return "0";
    const tex = kit.wName(w);
    return transposed ? kit.colour(r % info.inCount, tex) : kit.colour(c % info.inCount, tex);
  };
  const outFocus = d.focus % (info.outChannels * info.outCount);
  const [keepRows, keepCols] = transposed ? [[], [outFocus]] : [[outFocus], []];
  const c = kit.matrix(step.rows, step.cols, entry, keepRows, keepCols);
  const ct = kit.matrix(step.cols, step.rows, (r, col) => entry(col, r), keepCols, keepRows);
  const vecX = kit.column(step.vector.length, (i) => kit.xValue(step.vector[i]!));
  const vecY = kit.column(step.product.length, (i) => valueTex(d.output[step.product[i]!]!), [outFocus]);
  const bias = d.bias ? " + b" : "";
  return {
    transposed, rows: step.rows, cols: step.cols, c, ct, vecX,
    product: transposed
      ? `\\operatorname{vec}(Y) = C^{\\mathsf{T}} \\operatorname{vec}(X)${bias} = ${ct} ${vecX}${bias} = ${vecY}`
      : `\\operatorname{vec}(Y) = C \\operatorname{vec}(X)${bias} = ${c} ${vecX}${bias} = ${vecY}`,
    result: outputMaps(kit).maps,
    elided: step.rows > 16 || step.cols > 16,
    nnz: step.entries.length,
    batch: info.batch > 1,
    channels: info.inChannels > 1 || info.outChannels > 1,
  };
}
