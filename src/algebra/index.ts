/**
 * The algebra layer's public API: exact scalars, default symbols, per-cell symbolic sums,
 * the sparse convolution matrix C and its transpose, the five views and the adjoint identity.
 * Values and structure only: their TeX is render's (src/render/tex/).
 *
 * Term order of a cell: input channels of the output channel's group outermost (ascending),
 * then ascending input position, row-major over space (geometry's `forEachCellTerm`); bias last.
 * Matrix numbering: see `sparse.ts` (rows = the narrow side (channel, space), columns = the wide
 * side, channel-major, per batch item).
 */
export { Rational } from "./rational.ts";
export { exact, float, symbol, numericMode, type Scalar, type ScalarTensor, type NumericMode } from "./scalar.ts";
export { evaluate, type Evaluation } from "./evaluate.ts";
export { defaultSymbols, outputLabels, indexedNames, type DefaultSymbols, type IndexOptions } from "./symbols.ts";
export { Polynomial, PolynomialBuilder, type Coefficient, type PolynomialTerm, type SymbolRef } from "./polynomial.ts";
export { deriveCells, type CellSum, type CellSums, type CellTerm, type DeriveOptions } from "./cells.ts";
export { convMatrix, transpose, matrixEntry, type SparseMatrix } from "./sparse.ts";
export {
  scatterView, gatherView, matrixView, directConvView, directConvInput, flippedKernel, matVec, adjointCheck, overlap,
  phaseGrids, pixelShuffle, phasesView,
} from "./views.ts";
export { ringFor, ringOf, tensorsEqual, exactRing, floatRing, polynomialRing, type AlgebraTensor, type AlgebraValue, type Ring } from "./ring.ts";
