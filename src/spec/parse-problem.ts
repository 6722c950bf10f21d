/**
 * The door every command and the library go through: a problem in any layout and convention
 * becomes ONE canonical problem (channels-first tensors, per-axis parameters, begin/end pads,
 * output padding) plus its frozen ConvInfo. Validation happens here, once, in the frameworks'
 * own words; everything below trusts the result (DESIGN.md convention 2).
 */
import type { ScalarTensor } from "../algebra/scalar.ts";
import { computeConvInfo, type ConvInfo } from "../geometry/conv-info.ts";
import { TconvError } from "./error.ts";
import { parseMaxCells, requireCellLimit, requireExactSizes } from "./limits.ts";
import {
  canonicalInputShape, canonicalKernelShape, inputToCanonical, kernelToCanonical,
  layoutOutputShape, parseLayout, spatialRank, type Layout,
} from "./layout.ts";
import { parseShape, parseTensorLiteral, tensorFromValues, type NestedValues } from "./literal.ts";
import { apiNames, type FieldNames } from "./names.ts";
import { parseAutoPad, resolvePadding, type AutoPad, type PaddingChoice } from "./padding.ts";
import { parseIntList, perAxis, requirePositive, splitPadding, type ParamValue } from "./params.ts";
import { canonicalParams, type CanonicalParams, type Op } from "./problem.ts";
import { LAYER_SET_KEYS, layerNames, parseLayer, resolveLayer, type LayerSpec, type ResolvedLayer } from "./layer/index.ts";

/** A tensor as text (`[[1,2],[3,4]]`, `@file.json`) or as nested arrays. */
export type TensorInput = string | NestedValues;

/** The parameters of CONTRACT.md; strings as the CLI gives them, or numbers. */
export interface ParameterOptions {
  /** `plain` (default), `torch` (alias `onnx`) or `tf`. */
  readonly layout?: string;
  /** `transposed` (default) or `conv`. */
  readonly op?: string;
  readonly stride?: ParamValue;
  readonly dilation?: ParamValue;
  /** r values (both ends) or 2r values (all begins, then all ends: ONNX `pads`). */
  readonly padding?: ParamValue;
  readonly outputPadding?: ParamValue;
  /** PyTorch `output_size`: chooses the output padding. */
  readonly outputSize?: ParamValue;
  /** ONNX/TF `output_shape`: derives the pads (or, with `padding`, the output padding). */
  readonly outputShape?: ParamValue;
  /** `valid`, `same_upper`, `same_lower` (TF `same` = `same_upper`). */
  readonly autoPad?: string;
  readonly groups?: number | string;
  /** Refuse problems with more multiply-adds than this (default {@link DEFAULT_MAX_TERMS}). */
  readonly maxTerms?: number | string;
  /** Refuse problems that would allocate an array of more cells than this (default {@link DEFAULT_MAX_CELLS}). */
  readonly maxCells?: number | string;
  /** Directory `@file.json` literals are read from. */
  readonly cwd?: string;
  /** When set, `@file.json` must stay inside this directory, and absolute paths are refused (notes set the note's folder). */
  readonly fileRoot?: string;
  /** Size cap of an `@file.json` in bytes (default 10 MB). */
  readonly maxFileBytes?: number;
  /** How errors name fields: API property names (default, `stride`) or CLI options (`cliNames`: `--stride`). */
  readonly names?: FieldNames;
  /**
   * A PyTorch layer as written in code, e.g. `nn.ConvTranspose2d(16, 8, 3, stride=2)`: sets the
   * layout (torch), op, stride, padding, dilation, output padding and groups (giving any of them
   * as well is an error) and is checked against the tensors' shapes.
   */
  readonly torch?: string;
  /** A Keras layer (or `tf.nn.conv2d_transpose` call), e.g. `layers.Conv2DTranspose(8, 3, strides=2, padding='same')`; layout tf. */
  readonly keras?: string;
}

/** A problem as a user states it: input and kernel values plus the parameters in any convention. */
export interface ProblemOptions extends ParameterOptions {
  readonly input: TensorInput;
  readonly kernel: TensorInput;
  /** One value per output channel. Text may omit the brackets: `0.1,0.2`. */
  readonly bias?: TensorInput | number;
  /** Symbols are entries only for commands that derive symbolically (explain, matrix). */
  readonly allowSymbols?: boolean;
}

/** A problem stated by shapes only (for `shape` and `matrix`): no values needed. */
export interface ShapeProblemOptions extends ParameterOptions {
  /** The input's shape in the chosen layout (`plain`: spatial only), e.g. `2,2`. */
  readonly inputShape: string | readonly number[];
  /** The kernel's shape in the chosen layout; or give `kernel` values instead. */
  readonly kernelShape?: string | readonly number[];
  readonly kernel?: TensorInput;
  readonly allowSymbols?: boolean;
}

/** The shape part of a problem, shared by shape-only and full problems. */
export interface ShapeProblem {
  readonly params: CanonicalParams;
  /** The frozen shape record every layer below spec/ works from. */
  readonly info: ConvInfo;
  /** The layout the user wrote in; results go back to it. `onnx` is `torch`. */
  readonly layout: Layout;
  /** Whether the input had an N axis (plain never has; the output follows the input). */
  readonly batched: boolean;
  /** How `--output-size`, `--output-shape` or `--auto-pad` chose pads and output padding, per axis. */
  readonly choices: readonly PaddingChoice[];
  readonly autoPad: AutoPad | undefined;
  /** The shapes as the user wrote them. */
  readonly userShapes: { readonly input: readonly number[]; readonly kernel: readonly number[] };
  /** The output's shape in the user's layout. */
  readonly outputShape: readonly number[];
  /** The kernel in canonical weight order, when values were given. */
  readonly w?: ScalarTensor;
  /** The layer string the problem was given by (`torch`/`keras`), with the framework's size rule. */
  readonly layer?: ResolvedLayer;
}

/** A problem with values: canonical tensors ready for evaluation or derivation. */
export interface Problem extends ShapeProblem {
  /** Input, canonical [N, C_in, *in]. */
  readonly x: ScalarTensor;
  /** Weight, canonical [C_in, C_out/g, *k] (transposed) or [C_out, C_in/g, *k] (conv). */
  readonly w: ScalarTensor;
  /** One value per output channel, shape [C_out]. */
  readonly bias?: ScalarTensor;
}

/**
 * The size guard: problems above this many multiply-adds are refused unless `maxTerms` (CLI
 * `--max-terms`) raises it. Measured on the project's machine: 2.5·10⁷ terms take ~0.2 s in
 * float64 (the tensor core) and ~8 s exact (BigInt rationals), so the limit keeps an exact
 * `eval` under half a minute and per-term work (symbolic sums, explanations) bounded in memory.
 *
 * @example
 * DEFAULT_MAX_TERMS // → 50000000
 */
export const DEFAULT_MAX_TERMS = 50_000_000;

/**
 * The default term limit when an entry is exact or symbolic (no decimal anywhere): BigInt
 * rationals cost about 40 times a float64 multiply-add, and 4.9·10⁷ exact terms took 7–14 s on
 * the project's machine (`npm run bench -- limits`), so exact and symbolic problems get half
 * the float limit by default. An explicit `maxTerms` (`--max-terms`) applies to every mode.
 *
 * @example
 * DEFAULT_MAX_EXACT_TERMS // → 25000000
 */
export const DEFAULT_MAX_EXACT_TERMS = 25_000_000;

/**
 * Parses and validates a full problem (input and kernel values).
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * p.info.outSpatial // → [3, 3]
 * const torch = parseProblem({ layout: "torch", input: [[[[1, 2], [3, 4]]]], kernel: [[[[1, 0], [0, -1]]]], stride: 2 });
 * torch.outputShape // → [1, 1, 4, 4]
 */
export function parseProblem(options: ProblemOptions): Problem {
  const names = options.names ?? apiNames;
  const allowSymbols = options.allowSymbols ?? false;
  const lit = (value: TensorInput, field: string) => typeof value === "string"
    ? parseTensorLiteral(value, { field, allowSymbols, ...fileOptions(options) })
    : tensorFromValues(value, { field, allowSymbols });
  if (options.input === undefined) throw new TconvError("missing-option", names.input, "required: the input tensor, e.g. [[1,2],[3,4]]");
  if (options.kernel === undefined) throw new TconvError("missing-option", names.kernel, "required: the kernel tensor, e.g. [[1,0],[0,-1]]");
  // The input first: with both wrong, the first option the user gave is the one reported.
  const input = lit(options.input, names.input);
  const kernel = lit(options.kernel, names.kernel);
  const layerSpec = layerFrom(options, names);
  let base: ShapeProblem;
  if (layerSpec) {
    const layer = resolveLayer(layerSpec, { inputShape: input.shape, kernelShape: kernel.shape, fields: { input: names.input, kernel: names.kernel } });
    requireLayerBias(layerSpec, options.bias !== undefined, names);
    base = { ...build({ ...options, ...layer.parameters }, layerNames(names, layerSpec.field), input.shape, kernel.shape), layer };
  } else {
    base = build(options, names, input.shape, kernel.shape);
  }
  // Refused before anything the size of the output is allocated.
  const exactWork = !hasFloat(input) && !hasFloat(kernel);
  const termLimit = options.maxTerms === undefined && exactWork ? DEFAULT_MAX_EXACT_TERMS : parseMaxTerms(options.maxTerms, names.maxTerms);
  requireTermLimit(base.info, termLimit, names.maxTerms);
  requireCellLimit(base.info, parseMaxCells(options.maxCells, names.maxCells), names.maxCells);
  const { tensor: x } = inputToCanonical(base.layout, input, base.info.rank, names.input);
  const w = kernelToCanonical(base.layout, kernel, base.info.rank);

  let bias: ScalarTensor | undefined;
  if (options.bias !== undefined) {
    const b = options.bias;
    bias = typeof b === "number" ? tensorFromValues([b], { field: names.bias, allowSymbols })
      : typeof b === "string" ? lit(/^\s*[[@]/.test(b) ? b : `[${b}]`, names.bias)
      : lit(b, names.bias);
    if (bias.shape.length !== 1 || bias.shape[0] !== base.info.outChannels) {
      throw new TconvError("bias-length", names.bias,
        `expected one value per output channel: ${base.info.outChannels} value${base.info.outChannels === 1 ? "" : "s"} (shape [${base.info.outChannels}]), got shape [${bias.shape.join(",")}]`,
        { expected: `[${base.info.outChannels}]`, actual: `[${bias.shape.join(",")}]` });
    }
  }
  return Object.freeze({ ...base, x, w, ...(bias ? { bias } : {}) });
}

/**
 * Parses a problem given by shapes (`shape`, `matrix`): the input's shape, and the kernel's
 * shape or values.
 *
 * @example
 * parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).outputShape // → [3, 3]
 * parseShapeProblem({ inputShape: [3], kernelShape: [3], stride: 2, padding: 1, outputSize: 6 }).choices[0]?.summary
 * // → "outputSize 6 → output_padding 1 (reachable sizes 5..6)"
 */
export function parseShapeProblem(options: ShapeProblemOptions): ShapeProblem {
  const names = options.names ?? apiNames;
  const allowSymbols = options.allowSymbols ?? false;
  if (options.inputShape === undefined) throw new TconvError("missing-option", names.inputShape, "required: the input's shape, e.g. 2,2");
  const inputShape = typeof options.inputShape === "string" ? parseShape(options.inputShape, names.inputShape) : [...options.inputShape];
  let kernelShape: number[];
  let kernel: ScalarTensor | undefined;
  if (options.kernel !== undefined && options.kernelShape !== undefined) {
    throw new TconvError("conflicting-options", names.kernelShape, `give the kernel's values (${names.kernel}) or its shape (${names.kernelShape}), not both`);
  }
  if (options.kernel !== undefined) {
    kernel = typeof options.kernel === "string"
      ? parseTensorLiteral(options.kernel, { field: names.kernel, allowSymbols, ...fileOptions(options) })
      : tensorFromValues(options.kernel, { field: names.kernel, allowSymbols });
    kernelShape = [...kernel.shape];
  } else if (options.kernelShape !== undefined) {
    kernelShape = typeof options.kernelShape === "string" ? parseShape(options.kernelShape, names.kernelShape) : [...options.kernelShape];
  } else {
    kernelShape = [];
  }
  const layerSpec = layerFrom(options, names);
  if (kernelShape.length === 0 && layerSpec?.form !== "module") {
    throw new TconvError("missing-option", names.kernelShape, `required: the kernel's shape (e.g. 2,2) or its values (${names.kernel})`);
  }
  for (const [shape, field] of [[inputShape, names.inputShape], [kernelShape, names.kernelShape]] as const) {
    if (shape.some((n) => !Number.isSafeInteger(n) || n < 1)) {
      throw new TconvError("bad-shape", field, `every size must be a positive integer, got [${shape.join(",")}]`);
    }
  }
  const fields = { input: names.inputShape, kernel: kernel ? names.kernel : names.kernelShape };
  let base: ShapeProblem;
  if (layerSpec) {
    const layer = resolveLayer(layerSpec, { inputShape, ...(kernelShape.length > 0 ? { kernelShape } : {}), fields });
    base = Object.freeze({ ...build({ ...options, ...layer.parameters }, layerNames(names, layerSpec.field), inputShape, layer.kernelShape, fields), layer });
  } else {
    base = build(options, names, inputShape, kernelShape, fields);
  }
  if (!kernel) return base;
  return Object.freeze({ ...base, w: kernelToCanonical(base.layout, kernel, base.info.rank) });
}

const hasFloat = (t: ScalarTensor) => t.data.some((s) => s.kind === "float");

/** Where `@file` tensors are read from, as the literal parser takes it. */
function fileOptions(options: ParameterOptions): { cwd?: string; fileRoot?: string; maxFileBytes?: number } {
  return {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.fileRoot !== undefined ? { fileRoot: options.fileRoot } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
  };
}

/**
 * The layer string of a problem, read (`torch` or `keras`), after refusing the options it sets
 * when they are given as well: a layer string is the whole parameter set, never silently overridden.
 */
function layerFrom(options: ParameterOptions, names: FieldNames): LayerSpec | undefined {
  if (options.torch !== undefined && options.keras !== undefined) {
    throw new TconvError("conflicting-options", names.keras, `give one layer string: ${names.torch} or ${names.keras}, not both`);
  }
  const framework = options.torch !== undefined ? "torch" : options.keras !== undefined ? "keras" : undefined;
  if (framework === undefined) return undefined;
  const field = names[framework];
  for (const key of LAYER_SET_KEYS) {
    if (options[key] !== undefined) {
      throw new TconvError("conflicting-options", names[key],
        `cannot be given together with ${field}: the layer string sets it; change it in the layer instead`);
    }
  }
  const text = options[framework];
  if (typeof text !== "string") throw new TconvError("bad-layer", field, "expected the layer as text, e.g. nn.ConvTranspose2d(16, 8, 3)");
  return parseLayer(framework, text, field);
}

function requireLayerBias(spec: LayerSpec, given: boolean, names: FieldNames): void {
  if (given && !spec.bias) {
    throw new TconvError("conflicting-options", names.bias, spec.form === "module"
      ? `the layer ${spec.field} has ${spec.framework === "torch" ? "bias=False" : "use_bias=False"}; drop ${names.bias} or give the layer a bias`
      : `the call ${spec.field} passes no bias (bias=None); drop ${names.bias} or pass bias=b`);
  }
  if (!given && spec.bias && spec.form === "functional") {
    throw new TconvError("missing-option", names.bias, `the call ${spec.field} passes a bias tensor; give its values`);
  }
}

function parseOp(text: string | undefined, field: string): Op {
  const t = (text ?? "transposed").trim().toLowerCase();
  if (t === "transposed" || t === "transpose" || t === "conv_transpose" || t === "deconv") return "transposed";
  if (t === "conv" || t === "convolution") return "conv";
  throw new TconvError("bad-op", field, `unknown operation "${text}"; expected transposed or conv`, { expected: "transposed|conv", actual: String(text) });
}

/**
 * The term limit a caller asked for (`maxTerms`, `--max-terms`), or the default.
 *
 * @example
 * parseMaxTerms("1e6", "--max-terms") // → 1000000
 */
export function parseMaxTerms(value: number | string | undefined, field: string): number {
  if (value === undefined) return DEFAULT_MAX_TERMS;
  const n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isFinite(n) || n < 1) throw new TconvError("bad-parameter", field, `expected a positive number of terms, got "${value}"`);
  return n;
}

/**
 * Multiply-adds of a problem: batch · C_in · in · (C_out/g) · k for transposed (every input
 * value times the kernel, before padding crops), batch · C_out · out · (C_in/g) · k for conv.
 *
 * @example
 * termCount(parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).info) // → 16
 */
export function termCount(info: ConvInfo): number {
  return info.op === "transposed"
    ? info.batch * info.inChannels * info.inCount * info.outChannelsPerGroup * info.kernelCount
    : info.batch * info.outChannels * info.outCount * info.inChannelsPerGroup * info.kernelCount;
}

/**
 * Refuses a problem above the term limit, saying the limit and how to raise it.
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }); // 16 terms
 * requireTermLimit(info, 100, "--max-terms"); // passes: 16 ≤ 100
 * // with a limit of 10 it throws a TconvError: "... raise it with --max-terms 16 if you mean it"
 */
export function requireTermLimit(info: ConvInfo, limit: number, field: string): void {
  const terms = termCount(info);
  if (terms > limit) {
    throw new TconvError("too-large", field,
      `this problem has ${count(terms)} multiply-add terms, above the limit of ${count(limit)}; raise it with ${field} ${Math.ceil(terms)} if you mean it`,
      { expected: `<= ${limit}`, actual: String(terms) });
  }
}

const count = (n: number) => (n < 1e6 ? String(n) : n.toExponential(2));

/** `fields` names where the shapes came from: the tensors, or `--input-shape`/`--kernel-shape`. */
function build(
  options: ParameterOptions, names: FieldNames, inputShape: readonly number[], kernelShape: readonly number[],
  fields: { input: string; kernel: string } = { input: names.input, kernel: names.kernel },
): ShapeProblem {
  const layout = parseLayout(options.layout, names.layout);
  const op = parseOp(options.op, names.op);
  const rank = spatialRank(layout, kernelShape, fields.kernel);
  const { shape: xShape, batched } = canonicalInputShape(layout, inputShape, rank, fields.input);
  const wShape = canonicalKernelShape(layout, kernelShape, rank);

  const groupsList = parseIntList(options.groups ?? 1, names.groups);
  if (groupsList.length !== 1) throw new TconvError("wrong-count", names.groups, `expected one value, got ${groupsList.length}`);
  requirePositive(groupsList, names.groups, "groups");
  const groups = groupsList[0]!;

  const batch = xShape[0]!, inChannels = xShape[1]!;
  const [w0, w1] = [wShape[0]!, wShape[1]!];
  if (inChannels % groups !== 0) {
    throw new TconvError("groups-mismatch", names.groups,
      `in_channels must be divisible by groups: ${inChannels} input channels, groups ${groups}`, { expected: `multiple of ${groups}`, actual: String(inChannels) });
  }
  let outChannels: number;
  const kernelForm = layout === "tf"
    ? (op === "transposed" ? "[*kernel, C_out/groups, C_in]" : "[*kernel, C_in/groups, C_out]")
    : (op === "transposed" ? "[C_in, C_out/groups, *kernel]" : "[C_out, C_in/groups, *kernel]");
  if (op === "transposed") {
    if (w0 !== inChannels) {
      throw new TconvError("channel-mismatch", fields.kernel,
        `Given transposed=1, weight of size [${kernelShape.join(", ")}] (${kernelForm}), expected input to have ${w0} channels, but got ${inChannels} channels instead`,
        { expected: String(w0), actual: String(inChannels) });
    }
    outChannels = w1 * groups;
  } else {
    if (w1 * groups !== inChannels) {
      throw new TconvError("channel-mismatch", fields.kernel,
        `weight of size [${kernelShape.join(", ")}] (${kernelForm}) with groups ${groups} expects input to have ${w1 * groups} channels, but got ${inChannels} channels instead`,
        { expected: String(w1 * groups), actual: String(inChannels) });
    }
    if (w0 % groups !== 0) {
      throw new TconvError("groups-mismatch", names.groups,
        `out_channels must be divisible by groups: ${w0} output channels, groups ${groups}`, { expected: `multiple of ${groups}`, actual: String(w0) });
    }
    outChannels = w0;
  }

  const list = (v: ParamValue | undefined, key: keyof FieldNames, fallback: number) =>
    perAxis(v === undefined ? [fallback] : parseIntList(v, names[key]), rank, names[key]);
  const stride = list(options.stride, "stride", 1);
  requirePositive(stride, names.stride, "stride");
  const dilation = list(options.dilation, "dilation", 1);
  requirePositive(dilation, names.dilation, "dilation");
  const padding = options.padding === undefined ? undefined : splitPadding(parseIntList(options.padding, names.padding), rank, names.padding);
  const outputPadding = options.outputPadding === undefined ? undefined : list(options.outputPadding, "outputPadding", 0);
  const outputSize = options.outputSize === undefined ? undefined : list(options.outputSize, "outputSize", 0);
  const outputShape = options.outputShape === undefined ? undefined : list(options.outputShape, "outputShape", 0);
  const autoPad = parseAutoPad(options.autoPad, names.autoPad);

  const inputSize = xShape.slice(2), kernelSize = wShape.slice(2);
  const resolved = resolvePadding({
    op, layout, inSize: inputSize, kernel: kernelSize, stride, dilation,
    ...(padding ? { padding } : {}), ...(outputPadding ? { outputPadding } : {}),
    ...(outputSize ? { outputSize } : {}), ...(outputShape ? { outputShape } : {}),
    ...(autoPad ? { autoPad } : {}), names,
  });
  const params = canonicalParams({
    op, inputSize, kernelSize, stride, dilation,
    padBegin: resolved.padBegin, padEnd: resolved.padEnd, outputPadding: resolved.outputPadding,
    batch, inChannels, outChannels, groups,
  });
  requireExactSizes(params, fields.input);
  const info = computeConvInfo(params);
  return Object.freeze({
    params, info, layout, batched, choices: Object.freeze(resolved.choices), autoPad,
    userShapes: { input: [...inputShape], kernel: [...kernelShape] },
    outputShape: layoutOutputShape(layout, batched, info.outputShape),
  });
}
