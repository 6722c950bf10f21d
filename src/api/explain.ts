/**
 * `explainDocument`: the walkthrough of a problem as a finished document, from option-like inputs
 * — the problem as for `parseProblem`, and how to show it: format, language, sections, the cell
 * explained in full, and how cells are numbered. Each of those is parsed here, once, with errors
 * naming the field as the caller's user wrote it (`--cell` on the command line, `cell` in a
 * library call or a notes block). The explain layer (`explain`) builds the steps and the renderer
 * (`renderDerivation`) writes them; `tconv explain`, notes blocks and the showcase all come
 * through here.
 */
import { explain, parseCell, parseSections } from "../explain/index.ts";
import type { Derivation, StepKind } from "../explain/types.ts";
import { FORMATS, renderDerivation, type Format } from "../render/index.ts";
import { parseLocale, type Locale } from "../spec/locale.ts";
import { TconvError } from "../spec/error.ts";
import { apiNames } from "../spec/names.ts";
import { parseMaxTerms, parseProblem, type Problem, type ProblemOptions } from "../spec/parse-problem.ts";

/** The problem (as for {@link parseProblem}) and how its walkthrough is shown. */
export interface ExplainDocumentOptions extends ProblemOptions {
  /** `md` (default), `html`, `tex` or `json`. */
  readonly format?: Format | string;
  /** `en` (default), `zh` or `zh-CN`. */
  readonly lang?: Locale | string;
  /** The sections, in this order: `"size,cells"` or `["size", "cells"]` (default: every one that applies). */
  readonly sections?: string | readonly string[];
  /** The output cell explained in full, counted from `indexBase`: `"1,1"` or `[1, 1]` (default: one with the most terms). */
  readonly cell?: string | readonly number[];
  /** How cells and symbols are numbered in text: 0 (default, `x_{0,0}`) or 1 (`x_{1,1}`). */
  readonly indexBase?: 0 | 1 | string;
  /**
   * What a too-large walkthrough's error is pinned on, when not the term limit's own field
   * (`names.maxTerms`): a notes block, which cannot raise the limit, names its input.
   */
  readonly maxTermsField?: string;
  /** Where that limit can be raised, when the caller's user cannot raise it with `maxTermsField`. */
  readonly maxTermsRaise?: string;
}

/** A walkthrough document and what it was made from, every option parsed. */
export interface ExplainDocument {
  /** The document: Markdown, a self-contained HTML page, standalone LaTeX, or the steps as JSON. */
  readonly text: string;
  readonly format: Format;
  readonly locale: Locale;
  readonly indexBase: 0 | 1;
  /** The sections the document holds, in order. */
  readonly sections: readonly StepKind[];
  readonly problem: Problem;
  readonly derivation: Derivation;
}

/**
 * Writes the walkthrough of a problem.
 *
 * @example
 * const doc = explainDocument({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", sections: "size,cells", lang: "zh" });
 * doc.locale                          // → "zh-CN"
 * doc.sections                        // → ["size", "cells"]
 * doc.text.startsWith("# 转置卷积")    // → true
 * explainDocument({ input: "[1,2]", kernel: "[1,1]", format: "json" }).derivation.output // → [1, 3, 2]
 */
export function explainDocument(options: ExplainDocumentOptions): ExplainDocument {
  const names = options.names ?? apiNames;
  const format = parseFormat(options.format, names.format);
  const locale = parseLocale(options.lang, names.lang);
  const indexBase = parseIndexBase(options.indexBase, names.indexBase);
  const problem = parseProblem({ ...options, names, allowSymbols: options.allowSymbols ?? true });
  const sections = options.sections === undefined ? undefined
    : parseSections(typeof options.sections === "string" ? options.sections : options.sections.join(","), problem.info, names.sections);
  const cell = options.cell === undefined ? undefined
    : parseCell(typeof options.cell === "string" ? options.cell : options.cell.join(","), problem.info, indexBase, names.cell);
  // A given term limit raises the walkthrough's own (lower) limit too.
  const maxTerms = options.maxTerms !== undefined ? parseMaxTerms(options.maxTerms, names.maxTerms) : undefined;
  const derivation = explain(problem, {
    indexBase, ...(sections ? { sections } : {}), ...(cell ? { cell } : {}), ...(maxTerms !== undefined ? { maxTerms } : {}),
    maxTermsField: options.maxTermsField ?? names.maxTerms, ...(options.maxTermsRaise !== undefined ? { maxTermsRaise: options.maxTermsRaise } : {}),
  });
  return {
    text: renderDerivation(derivation, { format, locale }),
    format, locale, indexBase, sections: derivation.steps.map((s) => s.kind), problem, derivation,
  };
}

/**
 * A walkthrough format, case and spaces ignored.
 *
 * @example parseFormat(" HTML ", "--format") // → "html"
 */
export function parseFormat(value: string | undefined, field: string): Format {
  const format = (value ?? "md").trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new TconvError("bad-format", field, `unknown format "${format.slice(0, 20)}"; expected md, html, tex or json`);
  }
  return format as Format;
}

/**
 * How cells and symbols are numbered: 0 (default) or 1, as a number or its text.
 *
 * @example parseIndexBase("1", "--index-base") // → 1
 */
export function parseIndexBase(value: 0 | 1 | string | undefined, field: string): 0 | 1 {
  const text = String(value ?? "0").trim();
  if (text === "0") return 0;
  if (text === "1") return 1;
  throw new TconvError("bad-parameter", field, `expected 0 or 1, got "${text.slice(0, 20)}"`, { expected: "0|1", actual: text.slice(0, 20) });
}
