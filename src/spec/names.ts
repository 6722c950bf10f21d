/**
 * What an error calls each field: the CLI option (`--stride`) on the command line, the property
 * name (`stride`) for library and notes users. One table, so every message names the thing the
 * user actually typed.
 */
export type FieldKey =
  | "input" | "kernel" | "bias" | "layout" | "op" | "stride" | "dilation" | "padding"
  | "outputPadding" | "outputSize" | "outputShape" | "autoPad" | "groups" | "maxTerms" | "maxCells"
  | "inputShape" | "kernelShape" | "torch" | "keras"
  // How a walkthrough is shown (explainDocument): format, language, sections, the cell in full, numbering.
  | "format" | "lang" | "sections" | "cell" | "indexBase";

/** How errors name each field: API property names or CLI option names. */
export type FieldNames = Readonly<Record<FieldKey, string>>;

/** The checker's own fields: what was claimed about the output (a tensor, a shape, the matrix C). */
export type ClaimFieldKey = "claim" | "claimShape" | "claimMatrix";

/** How a check's errors name its fields: the problem's and the claim's. */
export type CheckFieldNames = FieldNames & Readonly<Record<ClaimFieldKey, string>>;

/**
 * Field names as CLI options; pass as `names` to make library errors name options.
 *
 * @example
 * cliNames.outputPadding // → "--output-padding"
 */
export const cliNames: CheckFieldNames = {
  input: "--input", kernel: "--kernel", bias: "--bias", layout: "--layout", op: "--op",
  stride: "--stride", dilation: "--dilation", padding: "--padding", outputPadding: "--output-padding",
  outputSize: "--output-size", outputShape: "--output-shape", autoPad: "--auto-pad", groups: "--groups",
  maxTerms: "--max-terms", maxCells: "--max-cells", inputShape: "--input-shape", kernelShape: "--kernel-shape",
  torch: "--torch", keras: "--keras",
  format: "--format", lang: "--lang", sections: "--sections", cell: "--cell", indexBase: "--index-base",
  claim: "--claim", claimShape: "--claim-shape", claimMatrix: "--claim-matrix",
};

/**
 * Field names as library properties (the default of `parseProblem`).
 *
 * @example
 * apiNames.outputPadding // → "outputPadding"
 */
export const apiNames: CheckFieldNames = {
  input: "input", kernel: "kernel", bias: "bias", layout: "layout", op: "op",
  stride: "stride", dilation: "dilation", padding: "padding", outputPadding: "outputPadding",
  outputSize: "outputSize", outputShape: "outputShape", autoPad: "autoPad", groups: "groups",
  maxTerms: "maxTerms", maxCells: "maxCells", inputShape: "inputShape", kernelShape: "kernelShape",
  torch: "torch", keras: "keras",
  format: "format", lang: "lang", sections: "sections", cell: "cell", indexBase: "indexBase",
  claim: "claim", claimShape: "claimShape", claimMatrix: "claimMatrix",
};
