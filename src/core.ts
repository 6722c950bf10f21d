/**
 * tconv as a library: the same operations the CLI runs, on the same validated problems. This
 * module is the library without its environment (browser-safe, no `node:*` import): the
 * package's Node entry (src/index.ts) re-exports it with the Node platform installed, its
 * browser entry (src/browser.ts) as it is.
 *
 * - `shape` (`tconv shape`), `evaluate` (`tconv eval`), `matrix` (`tconv matrix`): sizes, the
 *   exact output, the sparse convolution matrix C and Cᵀ;
 * - `explainDocument` (`tconv explain`): the walkthrough as Markdown, HTML, LaTeX or JSON in
 *   English or Chinese, in one call; `explain` + `renderDerivation` are its two halves (the steps
 *   as data, then the text);
 * - `check` + `checkJson` / `renderCheckMarkdown` (`tconv check`): a hand calculation against the
 *   truth, with the mistake diagnosed;
 * - `renderTconvNote` (`tconv notes`): fenced ```` ```tconv ```` blocks in Markdown notes; the
 *   site-build plugins are `remarkTconv` from `tconv/remark` and `markdownItTconv` from
 *   `tconv/markdown-it`.
 *
 * Problems are given as on the command line (tensor text or nested arrays, parameters as numbers,
 * lists or text); mistakes throw a `TconvError` naming the property at fault.
 *
 * @example
 * import { evaluate, nestedOutput, shape } from "tconv";
 * shape({ inputShape: "2,2", kernelShape: "2,2" }).shape; // [3, 3]
 * nestedOutput(evaluate({ input: [[1, 2], [3, 4]], kernel: [[1, 0], [0, -1]] }));
 * // [[1, 2, 0], [3, 3, -2], [0, -3, -4]]
 */

// The environment's services (`@file`, mathjs for expression entries): src/platform.ts.
export { installPlatform, platform, type Platform, type FileAccess, type MathBundle, type MathInstance } from "./platform.ts";

// Problems: parsing and validation (errors are TconvError with a code and the field's path).
export {
  parseProblem, parseShapeProblem, termCount, requireTermLimit, DEFAULT_MAX_TERMS, DEFAULT_MAX_EXACT_TERMS,
  type Problem, type ShapeProblem, type ProblemOptions, type ShapeProblemOptions,
  type ParameterOptions, type TensorInput,
} from "./spec/parse-problem.ts";
export { DEFAULT_MAX_CELLS, problemCells, requireCellLimit, type CellCount } from "./spec/limits.ts";
export { parseTensorLiteral, tensorFromValues, parseShape, type NestedValues, type LiteralOptions } from "./spec/literal.ts";
export { TconvError, isTconvError } from "./spec/error.ts";
export { canonicalParams, type CanonicalParams, type Op } from "./spec/problem.ts";
export { parseLayout, type Layout } from "./spec/layout.ts";
export type { AutoPad, PaddingChoice } from "./spec/padding.ts";
export { cliNames, apiNames, type FieldNames, type CheckFieldNames } from "./spec/names.ts";
export type { ParamValue } from "./spec/params.ts";

// Shapes and numbers.
export { shape, shapeFormulaLines, outputReach, fixForShape, type ShapeResult, type OutputReach, type AxisReach, type ShapeFix } from "./api/shape.ts";
export { code, type ScriptFramework } from "./api/code.ts";
export { parseLayer, resolveLayer, type LayerSpec, type ResolvedLayer } from "./spec/layer/index.ts";
export { evaluate, nestedOutput, evaluationJson, type EvaluateResult, type NestedOutput } from "./api/evaluate.ts";
export { matrix, type MatrixOptions, type MatrixResult } from "./api/matrix.ts";
export { check, type CheckOptions, type CheckOutcome } from "./api/check.ts";
export type { ConvInfo, AxisInfo } from "./geometry/conv-info.ts";
export { directConvGeometry, directWindowAxes, type DirectConvAxis, type DirectWindowAxis } from "./geometry/direct-conv.ts";
export type { Scalar, ScalarTensor } from "./algebra/scalar.ts";
export { Rational } from "./algebra/rational.ts";

// The symbolic engine: cell sums, the sparse convolution matrix C, the five views.
export { exact, float, symbol, numericMode, type NumericMode } from "./algebra/scalar.ts";
export { defaultSymbols, outputLabels, indexedNames, type DefaultSymbols, type IndexOptions } from "./algebra/symbols.ts";
export { Polynomial, PolynomialBuilder, type Coefficient, type PolynomialTerm, type SymbolRef } from "./algebra/polynomial.ts";
export { deriveCells, type CellSum, type CellSums, type CellTerm, type DeriveOptions } from "./algebra/cells.ts";
export { convMatrix, transpose, matrixEntry, type SparseMatrix } from "./algebra/sparse.ts";
export {
  scatterView, gatherView, matrixView, directConvView, directConvInput, flippedKernel, matVec, adjointCheck, overlap,
  phaseGrids, pixelShuffle, phasesView,
} from "./algebra/views.ts";
export {
  ringFor, ringOf, tensorsEqual, exactRing, floatRing, polynomialRing,
  type AlgebraTensor, type AlgebraValue, type Ring,
} from "./algebra/ring.ts";
// TeX of the engine's values (render's): numbers, scalars, polynomials, cell sums, matrix rows.
export { scalarTex, factorTex, numberTex, floatTex, rationalTex, juxtapose, cdot } from "./render/tex/scalar.ts";
export { polynomialTex } from "./render/tex/polynomial.ts";
export { symbolicTex, substitutedTex, allSymbolicTex, productTex } from "./render/tex/cells.ts";
export { entryTex, denseRowTex } from "./render/tex/matrix.ts";

// Walkthroughs: a derivation as steps (data), rendered to Markdown, HTML, LaTeX or JSON in en / zh-CN.
export { explainDocument, type ExplainDocumentOptions, type ExplainDocument } from "./api/explain.ts";
export { explain, parseSections, parseCell, defaultSections, stepApplies, stepTable, DEFAULT_MAX_EXPLAIN_TERMS, type ExplainOptions } from "./explain/index.ts";
export type { Derivation, Step, StepKind } from "./explain/types.ts";
export { renderDerivation, renderHtmlParts, FORMATS, type Format, type RenderOptions, type HtmlParts } from "./render/index.ts";
export { parseLocale, LOCALES, type Locale } from "./spec/locale.ts";
export { renderMatrix, parseMatrixFormat, TEXT_MAX_ENTRIES, type MatrixFormat } from "./render/matrix.ts";

// Checking a hand calculation: the claim parsers, the checker (pure data) and its reports.
export { parseClaim, type Claim, type ClaimForm, type ClaimEntry, type ClaimOptions } from "./check/claim/index.ts";
export { checkClaim, type CheckRequest, type CheckResult, type WrongCell } from "./check/check.ts";
export type { Diagnosis, CellExplanation, MistakeId } from "./check/mistakes/types.ts";
export type { MatrixFinding } from "./check/matrix.ts";
export { checkJson, renderCheckMarkdown, renderCheckHtml, renderCheckText, type CheckJson, type ReportOptions } from "./render/check-report.ts";

// Notes: fenced ```tconv blocks in Markdown, in place (`tconv notes`) and at site-build time.
export { renderTconvNote, type RenderTconvNoteOptions } from "./notes/api.ts";
export { noteStatus, stripGenerated, type NoteRender, type BlockReport, type BlockStatus, type BlockError } from "./notes/document.ts";
export { parseNoteBlock, type NoteBlock } from "./notes/block.ts";
export type { Deriver, DeriveContext } from "./notes/render-block.ts";
// The site-build plugins have entry points of their own (`tconv/remark`, `tconv/markdown-it`:
// src/remark.ts, src/markdown-it.ts), so this export's types need no mdast, unified or markdown-it.
