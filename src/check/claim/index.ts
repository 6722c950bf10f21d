/**
 * The claim dispatcher: reads `@file` or inline text, recognises which form a person used and
 * hands it to that form's parser. One parser per form, listed in an explicit table; the first
 * whose test matches wins, and the array literal is the fallback. LaTeX and Markdown tables are
 * read whole; for every other form the paste is first reduced to its last tensor (./paste.ts:
 * prompts, names and earlier tensors dropped, and counted).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { TconvError } from "../../spec/error.ts";
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
  const source = withoutPrompts(readSource(text, opts)).trim();
  if (source === "") throw new TconvError("bad-claim", opts.field, "the claim is empty");
  for (const [form, test, parse] of WHOLE) {
    if (test(source)) return { form, ...parse(source, opts.field, opts.shape) };
  }
  const last = lastTensor(source);
  for (const [form, test, parse] of FORMS) {
    if (test(last.text)) {
      const grid = parse(last.text, opts.field, opts.shape);
      return { form, ...grid, ...(last.count > 1 ? { tensors: last.count } : {}) };
    }
  }
  throw new Error("parseClaim: the array-literal fallback always matches");
}

function readSource(text: string, opts: ClaimOptions): string {
  const t = text.trim();
  if (!t.startsWith("@")) return t;
  try {
    return readFileSync(resolve(opts.cwd ?? process.cwd(), t.slice(1)), "utf8");
  } catch (e) {
    throw new TconvError("bad-file", opts.field, `cannot read ${t.slice(1)} (${(e as NodeJS.ErrnoException).code ?? "unreadable"})`);
  }
}
