/**
 * The explain layer's API: a validated problem becomes a derivation (steps as data). Options are
 * validated here, at the door, with errors naming the option (`--sections`, `--cell`).
 */
import { defaultSymbols, indexedNames } from "../algebra/symbols.ts";
import { TconvError } from "../spec/error.ts";
import { termCount, type Problem } from "../spec/parse-problem.ts";
import { problemCells } from "../spec/limits.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import { explainContext } from "./context.ts";
import { defaultSections, stepApplies, stepRow, stepTable, type StepRow } from "./table.ts";
import type { Scalar, ScalarTensor } from "../algebra/scalar.ts";
import type { Derivation, StepKind } from "./types.ts";

export type * from "./types.ts";
export { defaultSections, stepApplies, stepTable } from "./table.ts";
export { elide, shownCells, type Elided } from "./elision.ts";

/**
 * Options of {@link explain}: which sections, which cell in full, how indices are numbered.
 *
 * @example
 * const opts: ExplainOptions = { sections: ["size", "cells"], cell: [1, 1], indexBase: 1 };
 */
export interface ExplainOptions {
  /** Which sections, in which order (default: every section that applies to the problem). */
  readonly sections?: readonly StepKind[];
  /** The cell explained in full: one 0-based index per spatial axis, or [n, c, *spatial]. */
  readonly cell?: readonly number[];
  readonly indexBase?: 0 | 1;
  /**
   * The most multiply-add terms a walkthrough derives (default {@link DEFAULT_MAX_EXPLAIN_TERMS});
   * when given, also the most cells it draws (default {@link DEFAULT_MAX_EXPLAIN_CELLS}).
   */
  readonly maxTerms?: number;
  /** How errors name that limit (`maxTerms`; the CLI passes `--max-terms`). */
  readonly maxTermsField?: string;
  /** Where a problem past the limit can be raised, when not by `maxTermsField` itself (notes cannot). */
  readonly maxTermsRaise?: string;
}

/**
 * The default term limit of a walkthrough: every cell derived symbolically and checked, every
 * section built, within about 6 s on the project's machine for the costliest shapes measured
 * (large kernels, many channels, 3-D: `npm run bench -- limits`). Far below what `eval` and
 * `check` accept, since they only compute numbers; `--max-terms` raises it.
 *
 * @example DEFAULT_MAX_EXPLAIN_TERMS // → 100000
 */
export const DEFAULT_MAX_EXPLAIN_TERMS = 100_000;

/**
 * The default limit on the cells a walkthrough draws: the (uncropped) output, the zero-inserted
 * input of the direct view and, for a transposed convolution, one sub-kernel per phase of the
 * stride. A problem of few terms can still have a huge output: `[[1,2],[3,4]]` with stride 150
 * has 16 terms and drew 54 MB of HTML; stride 1000 on one cell overflowed the stack (10⁶
 * phases). The same `maxTerms` (`--max-terms`) raises it.
 *
 * @example DEFAULT_MAX_EXPLAIN_CELLS // → 100000
 */
export const DEFAULT_MAX_EXPLAIN_CELLS = 100_000;

/**
 * The cells a walkthrough draws (see {@link DEFAULT_MAX_EXPLAIN_CELLS}), as a float (only ever
 * compared with a limit).
 *
 * @example
 * walkthroughCells(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: 2 }).info) // → 61
 */
export function walkthroughCells(info: ConvInfo): number {
  const grids = problemCells(info).filter((c) => c.what !== "tap table" && c.what !== "im2col buffer");
  const phases = info.op === "transposed" ? info.axes.reduce((p, a) => p * a.stride, 1) : 0;
  return grids.reduce((s, c) => s + c.cells, 0) + phases;
}

/** Why a section does not apply to a problem, in the words of an error; undefined when it does. */
function notApplicable(row: StepRow, info: ConvInfo): string | undefined {
  if (!row.ops.includes(info.op)) return `section "${row.kind}" applies to --op ${row.ops.join("/")} only; this problem is --op ${info.op}`;
  if (!stepApplies(row, info)) return `section "${row.kind}" needs ${row.applies!.needs}; this problem has ${row.applies!.has(info)}`;
  return undefined;
}

/**
 * Parses `--sections a,b,c` (names from the step table) for a problem: each must apply to it
 * (`phases` needs a transposed convolution with some stride above 1).
 *
 * @example
 * parseSections("size,cells", parseProblem({ input: "[1,2]", kernel: "[1,1]" }).info) // → ["size", "cells"]
 */
export function parseSections(text: string, info: ConvInfo, field = "--sections"): StepKind[] {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 0) throw new TconvError("bad-sections", field, `expected section names such as size,cells; known: ${stepTable.map((r) => r.kind).join(", ")}`);
  const seen = new Set<string>();
  return names.map((name) => {
    const row = stepTable.find((r) => r.kind === name);
    if (!row) throw new TconvError("bad-sections", field, `unknown section "${name.slice(0, 40)}"; known: ${stepTable.map((r) => r.kind).join(", ")}`);
    const why = notApplicable(row, info);
    if (why) throw new TconvError("bad-sections", field, why);
    if (seen.has(name)) throw new TconvError("bad-sections", field, `section "${name}" is listed twice`);
    seen.add(name);
    return row.kind;
  });
}

/**
 * Parses `--cell i,j` in the user's index base into 0-based indices, checked against the output.
 *
 * @example
 * parseCell("2,2", parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).info, 1) // → [1, 1]
 */
export function parseCell(text: string, info: Problem["info"], indexBase: 0 | 1, field = "--cell"): number[] {
  const parts = text.replace(/^\[(.*)\]$/s, "$1").split(",").map((s) => s.trim());
  const full = parts.length !== info.rank;
  if (parts.length !== info.rank && parts.length !== info.rank + 2) {
    throw new TconvError("bad-cell", field, `expected ${info.rank} indices (one per spatial axis) or ${info.rank + 2} ([n, c, *spatial]), got ${parts.length}`);
  }
  const shape = full ? info.outputShape : info.outSpatial;
  return parts.map((p, ax) => {
    if (!/^\d+$/.test(p)) throw new TconvError("bad-cell", field, `index ${ax + 1} is "${p.slice(0, 20)}"; expected a whole number`);
    const v = Number(p) - indexBase;
    if (v < 0 || v >= shape[ax]!) {
      throw new TconvError("bad-cell", field, `index ${ax + 1} is ${p}, outside ${indexBase}..${shape[ax]! - 1 + indexBase} (output shape ${shape.join("×")}, counted from ${indexBase})`);
    }
    return v;
  });
}

/**
 * Derives the walkthrough of a problem.
 *
 * @example
 * const d = explain(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }));
 * d.steps.map((s) => s.kind) // → ["problem", "size", "scatter", "cells", "matrix", "gradient", "direct", "roundtrip", "overlap", "check"]
 * d.focus // → 4
 */
export function explain(problem: Problem, opts: ExplainOptions = {}): Derivation {
  const indexBase = opts.indexBase ?? 0;
  const limit = opts.maxTerms ?? DEFAULT_MAX_EXPLAIN_TERMS, terms = termCount(problem.info);
  if (terms > limit) {
    const field = opts.maxTermsField ?? "maxTerms";
    throw new TconvError("too-large", field,
      `a walkthrough of ${terms.toExponential(2)} multiply-add terms is above its limit of ${limit.toExponential(2)} (each term is derived, rendered and checked); ${opts.maxTermsRaise ?? `raise it with ${field} ${terms}`}, or compute the numbers with eval or check, which allow far larger problems`,
      { expected: `<= ${limit}`, actual: String(terms) });
  }
  const cellLimit = opts.maxTerms ?? DEFAULT_MAX_EXPLAIN_CELLS, cells = walkthroughCells(problem.info);
  if (cells > cellLimit) {
    const field = opts.maxTermsField ?? "maxTerms";
    throw new TconvError("too-large", field,
      `a walkthrough drawing ${cells.toExponential(2)} cells (the output, the zero-inserted input and the stride's phases) is above its limit of ${cellLimit.toExponential(2)} (each cell is derived and rendered); ${opts.maxTermsRaise ?? `raise it with ${field} ${Math.ceil(cells)}`}, or compute the numbers with eval or check, which allow far larger problems`,
      { expected: `<= ${cellLimit}`, actual: String(cells) });
  }
  const sections = opts.sections ?? defaultSections(problem.info);
  for (const kind of sections) {
    const why = notApplicable(stepRow(kind), problem.info);
    if (why) throw new TconvError("bad-sections", "sections", why);
  }
  const { problem: shown, renamed } = renameReserved(problem);
  const ctx = explainContext(shown, { indexBase, ...(opts.cell ? { cell: opts.cell } : {}) });
  const names = defaultSymbols(problem.info, { indexBase });
  const tex = (t: { data: readonly { kind: string; tex?: string }[] }) => t.data.map((s) => s.tex ?? "");
  const derivation: Derivation = {
    info: problem.info,
    mode: ctx.cells.mode,
    indexBase,
    x: shown.x,
    w: shown.w,
    ...(shown.bias ? { bias: shown.bias } : {}),
    renamed,
    names: { x: tex(names.x), w: tex(names.w), bias: tex(names.bias), y: indexedNames("y", problem.info.outputShape, 2, indexBase) },
    output: ctx.output,
    focus: ctx.focus,
    steps: sections.map((kind) => stepRow(kind).build(ctx)),
  };
  return derivation;
}

/**
 * Letters the walkthrough's formulas and names use: sizes i, k, s, p, d, o; positions a, t, j
 * and the phases' m, q; the tensors x, w, b, y and the gradient's u, z, L; matrices C, I, X, Y,
 * W, U, Z and the sub-kernels K.
 */
export const RESERVED_LETTERS: ReadonlySet<string> = new Set([
  "a", "b", "d", "i", "j", "k", "m", "o", "p", "q", "s", "t", "u", "w", "x", "y", "z", "C", "I", "K", "L", "U", "W", "X", "Y", "Z",
]);

/**
 * A user's symbol named like a formula letter is shown with a hat (â), so "o = a·s + t·d − p"
 * never reads as the user's a and s; the pairs [name, new TeX] let the text say so. Only the
 * display (TeX) changes: the symbol's name, and so every sum and value, stays the same.
 *
 * @example renameReserved(parseProblem({ input: "[[a,2],[3,4]]", kernel: "[[1,0],[0,1]]", allowSymbols: true })).renamed // → [["a", "\\hat{a}"]]
 */
export function renameReserved(problem: Problem): { problem: Problem; renamed: [string, string][] } {
  const renamed = new Map<string, string>();
  const rename = (t: ScalarTensor): ScalarTensor => {
    const reservedIn = (e: Scalar) => (e.kind === "symbol" && RESERVED_LETTERS.has(e.tex))
      || (e.kind === "expression" && e.poly.symbols().some((f) => RESERVED_LETTERS.has(f.tex)));
    if (!t.data.some(reservedIn)) return t;
    return {
      ...t,
      data: t.data.map((e): Scalar => {
        if (e.kind === "expression" && reservedIn(e)) {
          // The symbols inside an expression entry get the same hat; substituting a symbol keeps its name.
          const hats = new Map<string, Scalar>();
          for (const f of e.poly.symbols()) {
            if (!RESERVED_LETTERS.has(f.tex)) continue;
            const tex = `\\hat{${f.tex}}`;
            renamed.set(f.name, tex);
            hats.set(f.name, { kind: "symbol", name: f.name, tex });
          }
          return { ...e, poly: e.poly.substitute(hats) };
        }
        if (e.kind !== "symbol" || !RESERVED_LETTERS.has(e.tex)) return e;
        const tex = `\\hat{${e.tex}}`;
        renamed.set(e.name, tex);
        return { ...e, tex };
      }),
    };
  };
  const x = rename(problem.x), w = rename(problem.w), bias = problem.bias && rename(problem.bias);
  if (renamed.size === 0) return { problem, renamed: [] };
  return { problem: { ...problem, x, w, ...(bias ? { bias } : {}) }, renamed: [...renamed] };
}
