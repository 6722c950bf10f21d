/**
 * A valid block to its Markdown derivation: the problem goes through the spec layer's one parser
 * (with errors naming the block's own keys), then the walkthrough renderer — or, with `claim`, the
 * checker's report. Nothing here formats maths itself.
 */
import { parseProblem, type ProblemOptions } from "../spec/parse-problem.ts";
import type { FieldNames } from "../spec/names.ts";
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
    groups: as("groups", "groups"), maxTerms: "max_terms", inputShape: "input_shape", kernelShape: "kernel_shape",
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
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return defined({
    input: p.input!, kernel: p.kernel!, bias: p.bias, layout: p.layout, op: p.op,
    stride: p.stride, dilation: p.dilation, padding: p.padding, outputPadding: p["output-padding"],
    outputSize: p["output-size"], outputShape: p["output-shape"], autoPad: p["auto-pad"], groups: p.groups,
    allowSymbols, cwd: context.cwd, names: blockNames(block),
  });
}

/**
 * The derivation of a valid block. Until the walkthrough renderer (src/explain) lands, the
 * problem is fully validated (so bad blocks get their callout) and a valid one is reported as not
 * renderable yet — an internal error, never a made-up derivation.
 */
export function deriveBlockSync(block: NoteBlock, context: DeriveContext): string {
  parseProblem(toProblemOptions(block, context, block.claim === undefined));
  throw new Error("the walkthrough renderer (src/explain) is not in this build yet");
}

export async function deriveBlock(block: NoteBlock, context: DeriveContext): Promise<string> {
  return deriveBlockSync(block, context);
}
