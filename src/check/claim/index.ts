/**
 * The claim dispatcher: reads `@file` or inline text, recognises which form a person used and
 * hands it to that form's parser. One parser per form, listed in an explicit table; the first
 * whose test matches wins, and the array literal is the fallback.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { TconvError } from "../../spec/error.ts";
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
  const source = readSource(text, opts).trim();
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

function readSource(text: string, opts: ClaimOptions): string {
  const t = text.trim();
  if (!t.startsWith("@")) return t;
  try {
    return readFileSync(resolve(opts.cwd ?? process.cwd(), t.slice(1)), "utf8");
  } catch (e) {
    throw new TconvError("bad-file", opts.field, `cannot read ${t.slice(1)} (${(e as NodeJS.ErrnoException).code ?? "unreadable"})`);
  }
}
