/**
 * The claim dispatcher: reads `@file` or inline text, recognises which form a person used and
 * hands it to that form's parser. One parser per form, listed in an explicit table; the first
 * whose test matches wins, and the array literal is the fallback. LaTeX and Markdown tables are
 * read whole; for every other form the paste is first reduced to its last tensor (./paste.ts:
 * prompts, names and earlier tensors dropped, and counted).
 */
import { platform } from "../../platform.ts";
import { isTconvError, TconvError, withoutContent } from "../../spec/error.ts";
import { MAX_CLAIM_LENGTH, requireNestingLimit } from "../../spec/limits.ts";
import { parseArrayLiteralClaim } from "./array-literal.ts";
import { looksLikeCsv, parseCsvClaim } from "./csv.ts";
import type { ClaimGrid } from "./grid.ts";
import { looksLikeLatex, parseLatexClaim } from "./latex.ts";
import { looksLikeMarkdownTable, parseMarkdownTableClaim } from "./markdown-table.ts";
import { looksLikeMatlab, parseMatlabClaim } from "./matlab.ts";
import { looksLikeNumpy, parseNumpyClaim } from "./numpy.ts";
import { lastTensor, withoutPrompts } from "./paste.ts";
import { looksLikeRows, parseRowsClaim } from "./rows.ts";
import { looksLikeTf, parseTfClaim } from "./tf.ts";
import { looksLikeTorch, parseTorchClaim } from "./torch.ts";

export type { ClaimEntry } from "./entry.ts";
export type { ClaimGrid } from "./grid.ts";

/** The form a claim was written in (which parser read it). */
export type ClaimForm = "latex" | "markdown-table" | "tf" | "torch" | "numpy" | "matlab" | "csv" | "rows" | "array-literal";

/** A claimed tensor as written: its shape and row-major cells (`?` cells are `unknown`). */
export interface Claim extends ClaimGrid {
  /** Which form the text was read as. */
  readonly form: ClaimForm;
}

type Reader = (text: string, field: string, shape?: readonly number[]) => ClaimGrid;

/** Forms read from the whole paste (they find their own last matrix or table). */
const WHOLE: ReadonlyArray<readonly [ClaimForm, (t: string) => boolean, Reader]> = [
  ["latex", looksLikeLatex, parseLatexClaim],
  ["markdown-table", looksLikeMarkdownTable, parseMarkdownTableClaim],
];

/** Forms read from the paste's last tensor. */
const FORMS: ReadonlyArray<readonly [ClaimForm, (t: string) => boolean, Reader]> = [
  ["tf", looksLikeTf, parseTfClaim],
  ["torch", looksLikeTorch, parseTorchClaim],
  ["numpy", looksLikeNumpy, parseNumpyClaim],
  ["matlab", looksLikeMatlab, parseMatlabClaim],
  ["csv", looksLikeCsv, parseCsvClaim],
  ["rows", looksLikeRows, parseRowsClaim],
  ["array-literal", () => true, parseArrayLiteralClaim],
];

/** Where a claim's text came from, for error messages and `@file` paths. */
export interface ClaimOptions {
  /** The option the text came from; every error names it (`--claim`, `--claim-matrix`). */
  readonly field: string;
  /** Directory that `@path` resolves against. */
  readonly cwd?: string;
  /**
   * The claim's full shape when the text does not state it: places the cells a summarised
   * print leaves out with `...` (`--claim-shape`, `claimShape`).
   */
  readonly shape?: readonly number[];
  /** When set, `@path` must stay inside this directory (notes: the note's folder). */
  readonly fileRoot?: string;
  /** Size cap of an `@path` file in bytes. */
  readonly maxFileBytes?: number;
}

/**
 * Parses a claimed tensor in any supported form.
 *
 * @example
 * parseClaim("[[1,2,0],[3,?,-2],[0,-3,-4]]", { field: "--claim" }).form // → "array-literal"
 * parseClaim("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", { field: "--claim" }).shape // → [2, 2]
 * parseClaim("[1 2; 3 4]", { field: "--claim" }).form // → "matlab"
 * parseClaim("| 1 | 2 |\n|---|---|\n| 3 | ? |", { field: "--claim" }).entries[3].kind // → "unknown"
 * parseClaim("Out[7]: tensor([[1., 2.]], grad_fn=<ConvolutionBackward0>)", { field: "--claim" }).form // → "torch"
 * parseClaim("1 2 0 / 3 3 -2", { field: "--claim" }).shape // → [2, 3]
 */
export function parseClaim(text: string, opts: ClaimOptions): Claim {
  const t = text.trim();
  if (!t.startsWith("@")) return parseClaimText(t, opts);
  const file = t.slice(1);
  const source = platform().readFile(file, opts.field, {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.fileRoot !== undefined ? { root: opts.fileRoot } : {}),
    ...(opts.maxFileBytes !== undefined ? { maxBytes: opts.maxFileBytes } : {}),
  });
  try {
    return parseClaimText(source.trim(), opts);
  } catch (e) {
    // A claim file's content never reaches a message (a note's callout is published).
    throw isTconvError(e) ? withoutContent(e, file) : e;
  }
}

function parseClaimText(source: string, opts: ClaimOptions): Claim {
  if (source === "") throw new TconvError("bad-claim", opts.field, "the claim is empty");
  // Bounds every form's reader before it runs: no claim can exhaust the stack or the memory.
  if (source.length > MAX_CLAIM_LENGTH) {
    throw new TconvError("too-large", opts.field, `the claim is ${source.length} characters long, above the limit of ${MAX_CLAIM_LENGTH}`);
  }
  requireNestingLimit(source, opts.field);
  const text = withoutPrompts(source).trim();
  if (text === "") throw new TconvError("bad-claim", opts.field, "the claim is empty");
  for (const [form, test, parse] of WHOLE) {
    if (test(text)) return { form, ...parse(text, opts.field, opts.shape) };
  }
  const last = lastTensor(text);
  for (const [form, test, parse] of FORMS) {
    if (test(last.text)) {
      const grid = parse(last.text, opts.field, opts.shape);
      return { form, ...grid, ...(last.count > 1 ? { tensors: last.count } : {}) };
    }
  }
  throw new Error("parseClaim: the array-literal fallback always matches");
}
