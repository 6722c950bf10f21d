/**
 * `check`: a hand calculation against the truth, from option-like inputs — the problem as for
 * `evaluate`, the claim as text in any form the claim parsers read (array literal with `?`,
 * LaTeX bmatrix/pmatrix, Markdown table, numpy/PyTorch/TensorFlow prints, MATLAB, plain rows,
 * CSV/TSV) or already parsed. The checker itself
 * (`checkClaim`) and its reports (`checkJson`, `renderCheckMarkdown`, …) do the work.
 */
import { checkClaim, type CheckResult } from "../check/check.ts";
import { parseClaim, type Claim } from "../check/claim/index.ts";
import { parseShape } from "../spec/literal.ts";
import { apiNames, type CheckFieldNames } from "../spec/names.ts";
import { parseProblem, type Problem, type ProblemOptions } from "../spec/parse-problem.ts";

/**
 * The default term limit of `check`: besides the truth it recomputes the problem once per
 * whole-problem mistake and lists the terms of the cells it explains, about 1 µs per term in
 * float64 (`npm run bench -- limits`: 5·10⁶ terms took 5 s; at eval's 4.9·10⁷ it ran past
 * 30 s and 3 GB). `maxTerms` (`--max-terms`) raises it.
 *
 * @example DEFAULT_MAX_CHECK_TERMS // → 5000000
 */
export const DEFAULT_MAX_CHECK_TERMS = 5_000_000;

/** The problem (as for {@link parseProblem}) and what was claimed about its output. */
export interface CheckOptions extends ProblemOptions {
  /** The claimed output in the problem's layout, `?` for cells not computed. */
  readonly claim?: string | Claim;
  /** A claimed output shape in the problem's layout (`"3,3"` or `[3, 3]`). */
  readonly claimShape?: string | readonly number[];
  /** A claimed matrix C. */
  readonly claimMatrix?: string | Claim;
  /** How errors name the fields: property names (default, `claim`) or the CLI's (`cliNames`: `--claim`). */
  readonly names?: CheckFieldNames;
}

/** What {@link check} found, with the parsed problem its reports need. */
export interface CheckOutcome {
  readonly problem: Problem;
  readonly result: CheckResult;
}

/**
 * Checks a claimed result; give at least one of `claim`, `claimShape`, `claimMatrix`.
 *
 * @example
 * const { result } = check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: "[[1,2,0],[3,3,-2],[0,-3,4]]" });
 * result.correct                      // → false
 * result.wrong.map((c) => c.index)    // → [[2, 2]]
 * check({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", claim: "[[1,2,0],[3,?,-2],[0,-3,-4]]" }).result.correct // → true
 */
export function check(options: CheckOptions): CheckOutcome {
  const names = options.names ?? apiNames;
  // The claims are read before the problem, so a bad claim is reported first, as it always was on the CLI.
  const claimShape = typeof options.claimShape === "string" ? parseShape(options.claimShape, names.claimShape) : options.claimShape;
  const files = {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
  };
  // The claimed shape also places the cells a summarised print (`...`) leaves out.
  const claimOf = (c: string | Claim | undefined, field: string, shape?: readonly number[]) =>
    typeof c === "string" ? parseClaim(c, { field, ...files, ...(shape ? { shape } : {}) }) : c;
  const claim = claimOf(options.claim, names.claim, claimShape);
  const claimMatrix = claimOf(options.claimMatrix, names.claimMatrix);
  const problem = parseProblem({ ...options, names, allowSymbols: false, maxTerms: options.maxTerms ?? DEFAULT_MAX_CHECK_TERMS });
  const result = checkClaim({ problem, claim, claimShape, claimMatrix, names });
  return { problem, result };
}
