/**
 * The claim dispatcher: reads `@file` or inline text, recognises which form a person used and
 * hands it to that form's parser. One parser per form, listed in an explicit table; the first
 * whose test matches wins, and the array literal is the fallback.
 */
import { readUserFile } from "../../io/read-file.ts";
import { isTconvError, TconvError, withoutContent } from "../../spec/error.ts";
import { MAX_CLAIM_LENGTH, requireNestingLimit } from "../../spec/limits.ts";
import { parseArrayLiteralClaim } from "./array-literal.ts";
import type { ClaimGrid } from "./grid.ts";
import { looksLikeLatex, parseLatexClaim } from "./latex.ts";
import { looksLikeMarkdownTable, parseMarkdownTableClaim } from "./markdown-table.ts";
import { looksLikeMatlab, parseMatlabClaim } from "./matlab.ts";
import { looksLikeNumpy, parseNumpyClaim } from "./numpy.ts";

export type { ClaimEntry } from "./entry.ts";
export type { ClaimGrid } from "./grid.ts";

/** The form a claim was written in (which parser read it). */
export type ClaimForm = "latex" | "markdown-table" | "numpy" | "matlab" | "array-literal";

/** A claimed tensor as written: its shape and row-major cells (`?` cells are `unknown`). */
export interface Claim extends ClaimGrid {
  /** Which form the text was read as. */
  readonly form: ClaimForm;
}

const FORMS: ReadonlyArray<readonly [ClaimForm, (t: string) => boolean, (t: string, field: string) => ClaimGrid]> = [
  ["latex", looksLikeLatex, parseLatexClaim],
  ["markdown-table", looksLikeMarkdownTable, parseMarkdownTableClaim],
  ["numpy", looksLikeNumpy, parseNumpyClaim],
  ["matlab", looksLikeMatlab, parseMatlabClaim],
  ["array-literal", () => true, parseArrayLiteralClaim],
];

/** Where a claim's text came from, for error messages and `@file` paths. */
export interface ClaimOptions {
  /** The option the text came from; every error names it (`--claim`, `--claim-matrix`). */
  readonly field: string;
  /** Directory that `@path` resolves against. */
  readonly cwd?: string;
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
 */
export function parseClaim(text: string, opts: ClaimOptions): Claim {
  const t = text.trim();
  if (!t.startsWith("@")) return parseClaimText(t, opts);
  const file = t.slice(1);
  const source = readUserFile(file, opts.field, {
    cwd: opts.cwd ?? process.cwd(),
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
  for (const [form, test, parse] of FORMS) {
    if (test(source)) return { form, ...parse(source, opts.field) };
  }
  throw new Error("parseClaim: the array-literal fallback always matches");
}
