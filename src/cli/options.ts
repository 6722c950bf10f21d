/**
 * The problem options every command shares (CONTRACT.md "Parameters"), declared once with their
 * help text, and the step from parsed options to a validated problem. `eval`, `shape`, `matrix`,
 * `explain` and `check` all build their problems through here, so an option means the same
 * thing everywhere.
 */
import type { Command } from "commander";
import { TconvError } from "../spec/error.ts";
import { cliNames } from "../spec/names.ts";
import {
  parseProblem, parseShapeProblem, DEFAULT_MAX_TERMS,
  type ParameterOptions, type Problem, type ProblemOptions, type ShapeProblem, type ShapeProblemOptions,
} from "../spec/parse-problem.ts";
import type { CliIo } from "../io/cli-io.ts";
import { DEFAULT_MAX_CELLS } from "../spec/limits.ts";
import { DEFAULT_MAX_FILE_BYTES, parseMaxFileBytes } from "../io/read-file.ts";

/** Options as commander parses them (every value a string; flags booleans). */
export type ParsedOptions = Record<string, unknown>;

function addParameterOptions(cmd: Command): Command {
  return cmd
    .option("--layout <name>", "axis order of the tensors: plain (spatial only), torch (alias onnx: [N,C,*spatial], kernel [C_in,C_out/g,*k]) or tf ([N,*spatial,C], kernel [*k,C_out/g,C_in]); default plain")
    .option("--op <op>", "transposed or conv (ordinary cross-correlation as in deep-learning libraries; its torch kernel is [C_out,C_in/g,*k], tf [*k,C_in/g,C_out]); default transposed")
    .option("--stride <values>", "stride: one value for every axis or one per spatial axis, e.g. 2 or 2,1")
    .option("--dilation <values>", "dilation: one value or one per spatial axis")
    .option("--padding <values>", "padding: r values (both ends of each axis) or 2r values (all begins, then all ends, ONNX pads order)")
    .option("--output-padding <values>", "extra size at the end of each axis (transposed only); must be < max(stride, dilation)")
    .option("--output-size <values>", "wanted spatial output size (PyTorch output_size): the output padding is chosen to reach it")
    .option("--output-shape <values>", "wanted spatial output size (ONNX/TF output_shape): pads are derived from the total padding, split by --auto-pad")
    .option("--auto-pad <mode>", "valid, same_upper or same_lower (ONNX semantics; TF 'same' = same_upper)")
    .option("--groups <n>", "groups: C_in and C_out must both divide by it (default 1)")
    .option("--torch <layer>", "the problem as a PyTorch layer, e.g. \"nn.ConvTranspose2d(16, 8, kernel_size=(4, 3), stride=2, padding=1)\" (layout torch; sets the parameters above)")
    .option("--keras <layer>", "the problem as a Keras layer, e.g. \"layers.Conv2DTranspose(8, 3, strides=2, padding='same')\" (layout tf; sets the parameters above)")
    .option("--max-terms <n>", `refuse problems with more multiply-add terms than this (default ${DEFAULT_MAX_TERMS})`)
    .option("--max-cells <n>", `refuse problems that would allocate an array (output, zero-inserted input, im2col buffer, tap table) of more cells than this (default ${DEFAULT_MAX_CELLS})`)
    .option("--max-file-size <bytes>", `largest @file (or standard input, for -) read, in bytes (default ${DEFAULT_MAX_FILE_BYTES}); only regular files are read`);
}

/**
 * Adds `--input`, `--kernel`, `--bias` and every parameter option to a command.
 *
 * @example
 * addProblemOptions(program.command("eval"), { symbols: false }).action(...)
 */
export function addProblemOptions(cmd: Command, opts: { symbols: boolean }): Command {
  const entries = opts.symbols
    ? "integers, fractions 3/4, decimals or symbols (a, w1, x_{1,2})"
    : "integers, fractions 3/4 or decimals";
  cmd
    .option("--input <tensor>", `the transposed convolution's input as a nested array literal, e.g. [[1,2],[3,4]], @file.json, or - (read from standard input); entries: ${entries}`)
    .option("--kernel <tensor>", "the kernel (weights) as a nested array literal, @file.json or - (standard input), in the --layout's kernel order")
    .option("--bias <values>", "one value per output channel, e.g. [0.1,0.2] or 0.1,0.2");
  addParameterOptions(cmd);
  if (opts.symbols) cmd.option("--index-base <n>", "0 or 1: how cells and symbols are numbered in text (x_{0,0} or x_{1,1})", "0");
  return groupProblemOptions(cmd);
}

/**
 * Adds `--input-shape`, `--kernel-shape` and every parameter option (for `shape`, `matrix`).
 * With `kernelValues`, `--kernel` may give the kernel's values instead of its shape.
 *
 * @example
 * addShapeOptions(program.command("shape")).action(...)
 */
export function addShapeOptions(cmd: Command, opts: { kernelValues?: boolean; symbols?: boolean } = {}): Command {
  cmd
    .option("--input-shape <sizes>", "the input's shape in the --layout, e.g. 2,2 (plain: spatial sizes only)")
    .option("--kernel-shape <sizes>", "the kernel's shape in the --layout, e.g. 2,2");
  if (opts.kernelValues) {
    cmd.option("--kernel <tensor>", `the kernel's values instead of its shape: a nested array literal, @file.json or - (standard input)${opts.symbols ? " (symbols allowed)" : ""}`);
  }
  return groupProblemOptions(addParameterOptions(cmd));
}

/**
 * The help headings of the shared problem options, in the order `--help` shows them; a
 * command's own options (and `--index-base`, `--help`) stay under "Options:", which comes
 * first because every command declares its own options before the shared ones.
 */
export const PROBLEM_OPTION_GROUPS: ReadonlyArray<readonly [heading: string, options: readonly string[]]> = [
  ["Problem:", ["--input", "--kernel", "--input-shape", "--kernel-shape", "--bias", "--layout", "--op"]],
  ["Geometry:", ["--stride", "--dilation", "--padding", "--output-padding", "--output-size", "--output-shape", "--auto-pad", "--groups"]],
  ["Framework layer:", ["--torch", "--keras"]],
  ["Limits:", ["--max-terms", "--max-cells", "--max-file-size"]],
];

/** Puts each shared problem option under its heading in `--help` (commander's help groups). */
function groupProblemOptions(cmd: Command): Command {
  const heading = new Map(PROBLEM_OPTION_GROUPS.flatMap(([h, names]) => names.map((n) => [n, h] as const)));
  for (const option of cmd.options) {
    const h = option.long !== undefined ? heading.get(option.long) : undefined;
    if (h !== undefined) option.helpGroup(h);
  }
  return cmd;
}

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function parameterOptions(opts: ParsedOptions, io?: CliIo): ParameterOptions {
  const pick = (key: string) => text(opts[key]);
  const out: { -readonly [K in keyof ParameterOptions]: ParameterOptions[K] } = { names: cliNames };
  const keys = ["layout", "op", "stride", "dilation", "padding", "outputPadding", "outputSize", "outputShape", "autoPad", "groups", "maxTerms", "maxCells", "torch", "keras"] as const;
  for (const key of keys) {
    const v = pick(key);
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  if (io) out.cwd = io.cwd;
  if (opts["maxFileSize"] !== undefined) out.maxFileBytes = parseMaxFileBytes(text(opts["maxFileSize"]), "--max-file-size");
  return out;
}

/**
 * The library's problem options from a command's parsed options, with errors naming the CLI's
 * options (`--stride`) and `@file` paths resolving against `io.cwd`: the commands hand these to
 * the library API unchanged, so the CLI stays a thin layer over it.
 *
 * @example
 * problemOptionsFromParsed({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).input // → "[[1,2],[3,4]]"
 */
export function problemOptionsFromParsed(opts: ParsedOptions, io?: CliIo, settings: { symbols?: boolean } = {}): ProblemOptions {
  const input = text(opts["input"]), kernel = text(opts["kernel"]);
  if (input === undefined) throw new TconvError("missing-option", "--input", "required: the input tensor, e.g. --input '[[1,2],[3,4]]'");
  if (kernel === undefined) throw new TconvError("missing-option", "--kernel", "required: the kernel tensor, e.g. --kernel '[[1,0],[0,-1]]'");
  const bias = text(opts["bias"]);
  return {
    ...parameterOptions(opts, io), input, kernel, ...(bias !== undefined ? { bias } : {}),
    allowSymbols: settings.symbols ?? false,
  };
}

/**
 * Builds the validated problem from a command's parsed options.
 *
 * @example
 * const problem = problemFromOptions(cmd.opts(), io);
 */
export function problemFromOptions(opts: ParsedOptions, io: CliIo, settings: { symbols?: boolean } = {}): Problem {
  return parseProblem(problemOptionsFromParsed(opts, io, settings));
}

/**
 * The library's shape-problem options from `--input-shape` and `--kernel-shape` (or `--kernel`
 * values), errors naming the CLI's options.
 *
 * @example
 * shapeOptionsFromParsed({ inputShape: "2,2", kernelShape: "2,2" }).inputShape // → "2,2"
 */
export function shapeOptionsFromParsed(opts: ParsedOptions, io?: CliIo, settings: { symbols?: boolean } = {}): ShapeProblemOptions {
  const inputShape = text(opts["inputShape"]);
  if (inputShape === undefined) throw new TconvError("missing-option", "--input-shape", "required: the input's shape, e.g. --input-shape 2,2");
  const kernelShape = text(opts["kernelShape"]), kernel = text(opts["kernel"]);
  return {
    ...parameterOptions(opts, io), inputShape,
    ...(kernelShape !== undefined ? { kernelShape } : {}), ...(kernel !== undefined ? { kernel } : {}),
    allowSymbols: settings.symbols ?? false,
  };
}

/**
 * Builds a shape-only problem from `--input-shape` and `--kernel-shape` (or `--kernel` values).
 *
 * @example
 * shapeProblemFromOptions({ inputShape: "2,2", kernelShape: "2,2" }).outputShape // → [3, 3]
 */
export function shapeProblemFromOptions(opts: ParsedOptions, io?: CliIo, settings: { symbols?: boolean } = {}): ShapeProblem {
  return parseShapeProblem(shapeOptionsFromParsed(opts, io, settings));
}

/**
 * `--index-base` as 0 or 1.
 *
 * @example
 * indexBaseFromOptions({ indexBase: "1" }) // → 1
 */
export function indexBaseFromOptions(opts: ParsedOptions): 0 | 1 {
  const v = text(opts["indexBase"]) ?? "0";
  if (v.trim() === "0") return 0;
  if (v.trim() === "1") return 1;
  throw new TconvError("bad-parameter", "--index-base", `expected 0 or 1, got "${v}"`, { expected: "0|1", actual: v });
}

/**
 * `--json` on a command that also has `--format json`: the same thing, spelled as on every other
 * command. Returns the format to use; `--json` with another `--format` written on the command
 * line is refused as conflicting (the default `--format` does not count).
 *
 * @example
 * formatOrJson(cmd) // `explain --json` → "json"; `explain --json --format md` throws (--json)
 */
export function formatOrJson(cmd: Command): string {
  const format = String(cmd.getOptionValue("format") ?? "").trim();
  if (cmd.getOptionValue("json") !== true) return format;
  if (cmd.getOptionValueSource("format") === "cli" && format.toLowerCase() !== "json") {
    throw new TconvError("conflicting-options", "--json", `give --json or --format ${format.slice(0, 20)}, not both (--json is --format json)`);
  }
  return "json";
}
