/**
 * A valid block to its Markdown derivation: the block's keys become the library's options (errors
 * naming the block's own spelling), and `explainDocument` — the same call `tconv explain` makes —
 * writes the walkthrough; or, with `claim`, the checker writes its report. Nothing here parses a
 * problem option or formats maths.
 */
import { parseClaim } from "../check/claim/index.ts";
import { checkClaim } from "../check/check.ts";
import { explainDocument, parseIndexBase } from "../api/explain.ts";
import { parseLocale } from "../spec/locale.ts";
import { renderCheckMarkdown } from "../render/check-report.ts";
import { TconvError } from "../spec/error.ts";
import type { FieldNames } from "../spec/names.ts";
import { parseProblem, type ProblemOptions } from "../spec/parse-problem.ts";
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
    format: "format", lang: as("lang", "lang"), sections: as("sections", "sections"), cell: as("cell", "cell"), indexBase: as("index-base", "index_base"),
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

/** The document title is the note's business: a block's derivation starts below it. */
function withoutTitle(markdown: string): string {
  return markdown.replace(/^# [^\n]*\n+/, "");
}

/**
 * The derivation of a block: its walkthrough, or with `claim` the checker's report. Synchronous,
 * so markdown-it's `md.render` and unified's `processSync` can use it.
 *
 * @example
 * deriveBlock(parseNoteBlock("input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]"), { cwd: "." })
 * // → "**Conventions, stated once.** …\n\n## 1. Output size\n\n…"
 * deriveBlock(parseNoteBlock("input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nclaim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]"), { cwd: "." })
 * // → the report: which cell is wrong (y_{2,2}: 4 claimed, −4 expected), its sum, and the likely mistake
 */
export function deriveBlock(block: NoteBlock, context: DeriveContext): string {
  if (block.claim !== undefined) return checkReport(block, context);
  const options = toProblemOptions(block, context);
  const { text } = explainDocument({
    ...options, format: "md", lang: block.lang, indexBase: block.problem["index-base"], sections: block.sections, cell: block.cell,
    maxTermsField: options.names!.input, maxTermsRaise: "a note cannot raise it (tconv explain --max-terms can)",
  });
  return withoutTitle(text);
}

/** A block with `claim:`: the checker's report on it, in the block's language and numbering. */
function checkReport(block: NoteBlock, context: DeriveContext): string {
  const options = toProblemOptions(block, context, false);
  const names = options.names!;
  const problem = parseProblem(options);
  const locale = parseLocale(block.lang, names.lang);
  const indexBase = parseIndexBase(block.problem["index-base"], names.indexBase);
  for (const key of ["sections", "cell"] as const) {
    if (block[key] !== undefined) {
      throw new TconvError("conflicting-keys", block.spelling[key] ?? key, "a block with claim: renders the checker's report, which has no sections or chosen cell; remove one of them");
    }
  }
  const claim = parseClaim(block.claim!, {
    field: block.spelling["claim"] ?? "claim", cwd: context.cwd, ...(context.fileRoot !== undefined ? { fileRoot: context.fileRoot } : {}),
  });
  const result = checkClaim({ problem, claim });
  return withoutTitle(renderCheckMarkdown(problem, result, { lang: locale, indexBase }));
}
