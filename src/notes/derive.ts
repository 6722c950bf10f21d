/**
 * A valid block to its Markdown derivation: the problem goes through the spec layer's one parser
 * (with errors naming the block's own keys), then the walkthrough (explain + render) — or, with
 * `claim`, the checker and its report. This module only wires those APIs together the way the
 * `explain` and `check` commands do; nothing here formats maths.
 */
import { parseClaim } from "../check/claim/index.ts";
import { checkClaim } from "../check/check.ts";
import { explain, parseCell, parseSections } from "../explain/index.ts";
import { renderCheckMarkdown } from "../render/check-report.ts";
import { renderDerivation } from "../render/index.ts";
import { parseLocale, type Locale } from "../spec/locale.ts";
import { TconvError } from "../spec/error.ts";
import type { FieldNames } from "../spec/names.ts";
import { parseProblem, type Problem, type ProblemOptions } from "../spec/parse-problem.ts";
import type { NoteBlock } from "./block.ts";
import type { DeriveContext } from "./render-block.ts";

/** How errors name each field inside a block: the snake_case spelling unless the block used another. */
function blockNames(block: NoteBlock): FieldNames {
  const as = (key: string, fallback: string) => block.spelling[key] ?? fallback;
  return {
    input: as("input", "input"), kernel: as("kernel", "kernel"), bias: as("bias", "bias"),
    layout: as("layout", "layout"), op: as("op", "op"), stride: as("stride", "stride"),
    dilation: as("dilation", "dilation"), padding: as("padding", "padding"),
    outputPadding: as("output-padding", "output_padding"), outputSize: as("output-size", "output_size"),
    outputShape: as("output-shape", "output_shape"), autoPad: as("auto-pad", "auto_pad"),
    groups: as("groups", "groups"), maxTerms: "max_terms", maxCells: "max_cells", inputShape: "input_shape", kernelShape: "kernel_shape",
    torch: as("torch", "torch"), keras: as("keras", "keras"),
  };
}

/**
 * The block's problem as the spec layer's options.
 *
 * @example
 * toProblemOptions(parseNoteBlock("input: [1, 2]\nkernel: [1, 1]\noutput_padding: 1\nstride: 2"), { cwd: "." })
 * // → { input: "[1, 2]", kernel: "[1, 1]", stride: "2", outputPadding: "1", allowSymbols: true, cwd: ".", names: {…} }
 */
export function toProblemOptions(block: NoteBlock, context: DeriveContext, allowSymbols = true): ProblemOptions {
  const p = block.problem;
  const options: Record<string, unknown> = {
    input: p.input, kernel: p.kernel, bias: p.bias, layout: p.layout, op: p.op,
    stride: p.stride, dilation: p.dilation, padding: p.padding, outputPadding: p["output-padding"],
    outputSize: p["output-size"], outputShape: p["output-shape"], autoPad: p["auto-pad"], groups: p.groups,
    torch: p.torch, keras: p.keras, allowSymbols, cwd: context.cwd, fileRoot: context.fileRoot, names: blockNames(block),
  };
  for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
  return options as unknown as ProblemOptions;
}

interface View {
  readonly problem: Problem;
  readonly locale: Locale;
  readonly indexBase: 0 | 1;
}

function view(block: NoteBlock, context: DeriveContext): View {
  const problem = parseProblem(toProblemOptions(block, context, block.claim === undefined));
  const locale = parseLocale(block.lang, block.spelling["lang"] ?? "lang");
  const base = block.problem["index-base"]?.trim() ?? "0";
  if (base !== "0" && base !== "1") {
    throw new TconvError("bad-parameter", block.spelling["index-base"] ?? "index_base", `expected 0 or 1, got "${base.slice(0, 20)}"`);
  }
  return { problem, locale, indexBase: base === "1" ? 1 : 0 };
}

/** The document title is the note's business: a block's derivation starts below it. */
function withoutTitle(markdown: string): string {
  return markdown.replace(/^# [^\n]*\n+/, "");
}

/**
 * The walkthrough of a block without a claim, synchronously (so markdown-it's `md.render` can use
 * it). A block with a claim needs {@link deriveBlock}: the checker's report loads its templates
 * asynchronously.
 *
 * @example
 * deriveBlockSync(parseNoteBlock("input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]"), { cwd: "." })
 * // → "**Conventions, stated once.** …\n\n## 1. Output size\n\n…"
 */
export function deriveBlockSync(block: NoteBlock, context: DeriveContext): string {
  const { problem, locale, indexBase } = view(block, context);
  if (block.claim !== undefined) {
    throw new TconvError("needs-async", block.spelling["claim"] ?? "claim",
      "a block with a claim renders the checker's report, which this synchronous renderer cannot; use renderWithTconv (markdown-it) or tconv notes");
  }
  const sections = block.sections ? parseSections(block.sections.join(","), problem.info, block.spelling["sections"] ?? "sections") : undefined;
  const cell = block.cell !== undefined ? parseCell(block.cell, problem.info, indexBase, block.spelling["cell"] ?? "cell") : undefined;
  const derivation = explain(problem, { indexBase, ...(sections ? { sections } : {}), ...(cell ? { cell } : {}), maxTermsField: block.spelling["input"] ?? "input",
    maxTermsRaise: "a note cannot raise it (tconv explain --max-terms can)" });
  return withoutTitle(renderDerivation(derivation, { format: "md", locale }));
}

/**
 * The derivation of a block: its walkthrough, or with `claim` the checker's report.
 *
 * @example
 * await deriveBlock(parseNoteBlock("input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nclaim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]"), { cwd: "." })
 * // → the report: which cell is wrong (y_{2,2}: 4 claimed, −4 expected), its sum, and the likely mistake
 */
export async function deriveBlock(block: NoteBlock, context: DeriveContext): Promise<string> {
  if (block.claim === undefined) return deriveBlockSync(block, context);
  const { problem, locale, indexBase } = view(block, context);
  for (const key of ["sections", "cell"] as const) {
    if (block[key] !== undefined) {
      throw new TconvError("conflicting-keys", block.spelling[key] ?? key, "a block with claim: renders the checker's report, which has no sections or chosen cell; remove one of them");
    }
  }
  const claim = parseClaim(block.claim, {
    field: block.spelling["claim"] ?? "claim", cwd: context.cwd, ...(context.fileRoot !== undefined ? { fileRoot: context.fileRoot } : {}),
  });
  const result = checkClaim({ problem, claim });
  return withoutTitle(await renderCheckMarkdown(problem, result, { lang: locale, indexBase }));
}
