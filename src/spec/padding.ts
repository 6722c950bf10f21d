/**
 * How each framework lets users ask for an output size instead of giving padding, resolved to
 * the canonical begin/end pads and output padding — with a record of what was chosen, so a
 * walkthrough can say "--output-size 6 → output_padding 1".
 *
 * - PyTorch `output_size` (`--output-size`): padding stays as given; output padding is chosen,
 *   and a size outside [min, min + max(stride, dilation) − 1] is refused with that range.
 * - ONNX `output_shape` (`--output-shape`, no `--padding`): total_padding = s·(i − 1) +
 *   output_padding + ((k − 1)·d + 1) − output_shape, split as the ONNX operator spec says:
 *   `same_upper` puts the odd unit at the end, anything else at the start. A negative total asks
 *   for more output than the kernel reaches; it becomes extra output padding at the end, which
 *   reproduces the ONNX reference implementation's numbers (test_convtranspose_output_shape).
 * - TF `output_shape` with explicit `--padding`: the pads stay and the size picks the output
 *   padding (as for PyTorch). In the `tf` layout TF's own consistency rule also applies: the
 *   forward convolution of the output shape must give the input's size.
 * - `--auto-pad valid|same_upper|same_lower` without an output shape: `valid` pads nothing, `same_*`
 *   aims at output = input · stride (ONNX), split as above. For `--op conv` the ONNX Conv rule:
 *   output = ⌈input / stride⌉.
 */
import { convOutputSize, transposedOutputRange, transposedOutputSize } from "../geometry/output-size.ts";
import { convTotalPadding, sameOutputSize, splitPadding, transposedTotalPadding } from "../geometry/padding.ts";
import type { Op } from "./problem.ts";
import type { Layout } from "./layout.ts";
import type { FieldNames } from "./names.ts";
import { TconvError } from "./error.ts";
import { requireNonNegative, requireOutputPaddingInRange } from "./params.ts";

/** ONNX `auto_pad` (TF `SAME` is `same_upper`): which end gets an odd unit of padding. */
export type AutoPad = "valid" | "same_upper" | "same_lower";

export function parseAutoPad(text: string | undefined, field: string): AutoPad | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase().replace("-", "_");
  if (t === "valid" || t === "same_upper" || t === "same_lower") return t;
  // TF's 'SAME' is ONNX's SAME_UPPER: the odd unit goes at the end.
  if (t === "same") return "same_upper";
  if (t === "notset") return undefined;
  throw new TconvError("bad-auto-pad", field, `unknown auto-pad "${text}"; expected valid, same_upper or same_lower`,
    { expected: "valid|same_upper|same_lower", actual: text });
}

/** What was derived on one axis, and from which option; data for the walkthrough's size step. */
export type PaddingChoice =
  | {
    readonly kind: "output-size"; readonly axis: number; readonly requested: number;
    /** The sizes output padding can reach: [min, min + max(stride, dilation) − 1]. */
    readonly range: readonly [number, number];
    readonly outputPadding: number; readonly summary: string;
  }
  | {
    readonly kind: "output-shape" | "auto-pad"; readonly axis: number;
    /** The size aimed at: the requested output shape, or input · stride for `same_*` auto-pad. */
    readonly requested: number; readonly autoPad: AutoPad | "notset";
    /** s·(i − 1) + output_padding + ((k − 1)·d + 1) − requested; negative means extra output at the end. */
    readonly totalPadding: number;
    readonly padBegin: number; readonly padEnd: number; readonly outputPadding: number; readonly summary: string;
  };

export interface PaddingRequest {
  readonly op: Op;
  readonly layout: Layout;
  readonly inSize: readonly number[];
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding?: { readonly begin: readonly number[]; readonly end: readonly number[] };
  readonly outputPadding?: readonly number[];
  readonly outputSize?: readonly number[];
  readonly outputShape?: readonly number[];
  readonly autoPad?: AutoPad;
  readonly names: FieldNames;
}

export interface ResolvedPadding {
  readonly padBegin: number[];
  readonly padEnd: number[];
  readonly outputPadding: number[];
  readonly choices: PaddingChoice[];
}

/**
 * Turns the user's padding options into canonical pads and output padding, refusing conflicts
 * and unreachable sizes in the frameworks' words.
 *
 * @example
 * resolvePadding({ op: "transposed", layout: "torch", inSize: [3], kernel: [3], stride: [2],
 *   dilation: [1], padding: { begin: [1], end: [1] }, outputSize: [6], names: cliNames })
 * // → { padBegin: [1], padEnd: [1], outputPadding: [1], choices: [{ kind: "output-size", ... }] }
 */
export function resolvePadding(req: PaddingRequest): ResolvedPadding {
  const { names: n } = req;
  const rank = req.inSize.length;
  if (req.autoPad && req.padding) {
    throw new TconvError("conflicting-options", n.autoPad,
      `${n.padding} cannot be used together with ${n.autoPad} (ONNX: the pads attribute cannot be used simultaneously with auto_pad); give one of them`);
  }
  if (req.outputSize && req.outputShape) {
    throw new TconvError("conflicting-options", n.outputShape,
      `${n.outputSize} (PyTorch output_size) and ${n.outputShape} (ONNX/TF output_shape) both set the output size; give one of them`);
  }
  if (req.padding) {
    requireNonNegative(req.padding.begin, n.padding, "padding");
    requireNonNegative(req.padding.end, n.padding, "padding");
  }
  if (req.outputPadding) requireNonNegative(req.outputPadding, n.outputPadding, "output padding");
  if (req.op === "conv") return resolveConv(req, rank);

  if (req.outputPadding) requireOutputPaddingInRange(req.outputPadding, req.stride, req.dilation, n.outputPadding);
  if (req.outputSize && req.autoPad) {
    throw new TconvError("conflicting-options", n.outputSize,
      `${n.outputSize} keeps the given padding and chooses the output padding; it cannot be combined with ${n.autoPad}`);
  }
  const sizeField = req.outputSize ? n.outputSize : req.outputShape && req.padding ? n.outputShape : undefined;
  if (sizeField && req.outputPadding) {
    throw new TconvError("conflicting-options", sizeField,
      `${sizeField} chooses the output padding itself (PyTorch ignores output_padding when output_size is given); drop ${n.outputPadding}`);
  }
  const padBegin = req.padding ? [...req.padding.begin] : Array<number>(rank).fill(0);
  const padEnd = req.padding ? [...req.padding.end] : Array<number>(rank).fill(0);
  const outputPadding = req.outputPadding ? [...req.outputPadding] : Array<number>(rank).fill(0);
  const choices: PaddingChoice[] = [];

  const target = req.outputSize ?? (req.outputShape && req.padding ? req.outputShape : undefined);
  if (target) {
    const field = sizeField!;
    for (let ax = 0; ax < rank; ax++) {
      const [min, max] = transposedOutputRange(req.inSize[ax]!, req.kernel[ax]!, req.stride[ax]!, req.dilation[ax]!, padBegin[ax]!, padEnd[ax]!);
      const want = target[ax]!;
      if (want < 1) throw new TconvError("output-size-too-small", field, `output size must be at least 1, got ${want} on axis ${ax}`);
      if (want < min || want > max) {
        throw new TconvError("output-size-out-of-range", field,
          `requested an output size of ${want} on axis ${ax}, but valid sizes range from ${min} to ${max} (for an input of ${req.inSize[ax]}, kernel ${req.kernel[ax]}, stride ${req.stride[ax]}, dilation ${req.dilation[ax]}, padding ${padBegin[ax]}+${padEnd[ax]})`,
          { expected: `${min}..${max}`, actual: String(want) });
      }
      outputPadding[ax] = want - min;
      choices.push({
        kind: "output-size", axis: ax, requested: want, range: [min, max], outputPadding: want - min,
        summary: `${field} ${want} → output_padding ${want - min} (reachable sizes ${min}..${max})`,
      });
    }
    if (req.outputShape && req.layout === "tf") requireTfConsistent(req, padBegin, padEnd, undefined);
    return { padBegin, padEnd, outputPadding, choices };
  }

  if (req.outputShape || (req.autoPad && req.autoPad !== "valid")) {
    const autoPad = req.autoPad ?? "notset";
    const field = req.outputShape ? n.outputShape : n.autoPad;
    for (let ax = 0; ax < rank; ax++) {
      const s = req.stride[ax]!, d = req.dilation[ax]!, k = req.kernel[ax]!, i = req.inSize[ax]!;
      const requested = req.outputShape ? req.outputShape[ax]! : sameOutputSize("transposed", i, s);
      if (requested < 1) {
        throw new TconvError("output-size-too-small", field, `output size must be at least 1, got ${requested} on axis ${ax}`);
      }
      const total = transposedTotalPadding(i, k, s, d, outputPadding[ax]!, requested);
      if (total >= 0) {
        [padBegin[ax], padEnd[ax]] = splitPadding(total, autoPad === "same_upper");
      } else {
        outputPadding[ax] = outputPadding[ax]! - total;
        const limit = Math.max(s, d);
        if (outputPadding[ax]! >= limit) {
          const [min, max] = transposedOutputRange(i, k, s, d, 0, 0);
          throw new TconvError("output-size-out-of-range", field,
            `an output size of ${requested} on axis ${ax} needs output padding ${outputPadding[ax]}, which must be smaller than either stride (${s}) or dilation (${d}); without padding the reachable sizes are ${min} to ${max}`,
            { expected: `<= ${max}`, actual: String(requested) });
        }
      }
      const kind = req.outputShape ? "output-shape" : "auto-pad";
      choices.push({
        kind, axis: ax, requested, autoPad, totalPadding: total,
        padBegin: padBegin[ax]!, padEnd: padEnd[ax]!, outputPadding: outputPadding[ax]!,
        summary: total >= 0
          ? `${kind === "output-shape" ? `${n.outputShape} ${requested}` : `${n.autoPad} ${autoPad} (output ${requested} = ${i}·${s})`} → total padding ${total}, pads ${padBegin[ax]} before and ${padEnd[ax]} after`
          : `${kind === "output-shape" ? `${n.outputShape} ${requested}` : `${n.autoPad} ${autoPad} (output ${requested} = ${i}·${s})`} → total padding ${total}: no padding, output_padding ${outputPadding[ax]} at the end`,
      });
    }
    if (req.outputShape && req.layout === "tf") requireTfConsistent(req, padBegin, padEnd, autoPad);
  }
  requireOutputAtLeastOne(req, padBegin, padEnd, outputPadding);
  return { padBegin, padEnd, outputPadding, choices };
}

/**
 * TF computes a transposed convolution as the gradient of the forward convolution of a tensor
 * of `output_shape`; Python TF refuses when that forward convolution does not give the input's
 * size ("Size of out_backprop doesn't match computed"). tfjs does not check and silently reads
 * only part of the input, so the refusal says how to reproduce its numbers.
 */
function requireTfConsistent(req: PaddingRequest, padBegin: readonly number[], padEnd: readonly number[], autoPad: AutoPad | "notset" | undefined): void {
  const shape = req.outputShape!;
  shape.forEach((out, ax) => {
    const s = req.stride[ax]!, d = req.dilation[ax]!, k = req.kernel[ax]!, i = req.inSize[ax]!;
    const same = autoPad === "same_upper" || autoPad === "same_lower";
    const forward = same ? sameOutputSize("conv", out, s) : convOutputSize(out, k, s, d, padBegin[ax]!, padEnd[ax]!);
    if (forward !== i) {
      const how = same ? `a SAME convolution with stride ${s}` : `a convolution with kernel ${k}, stride ${s}, padding ${padBegin[ax]}+${padEnd[ax]}`;
      const hint = forward < i && forward >= 1
        ? ` (tfjs does not check this and silently reads only the first ${forward}; crop the input to ${forward} to reproduce its numbers)`
        : "";
      throw new TconvError("output-shape-mismatch", req.names.outputShape,
        `TF requires the forward convolution of the output shape to give the input: ${how} of ${out} gives ${forward}, but the input has ${i} on axis ${ax}${hint}`,
        { expected: String(forward), actual: String(i) });
    }
  });
}

function requireOutputAtLeastOne(req: PaddingRequest, padBegin: readonly number[], padEnd: readonly number[], outputPadding: readonly number[]): void {
  const sizes = req.inSize.map((i, ax) => transposedOutputSize(i, req.kernel[ax]!, req.stride[ax]!, req.dilation[ax]!, padBegin[ax]!, padEnd[ax]!, outputPadding[ax]!));
  if (sizes.some((o) => o < 1)) {
    throw new TconvError("output-too-small", req.names.padding,
      `Given input size per channel: (${req.inSize.join(" x ")}). Calculated output size per channel: (${sizes.join(" x ")}). Output size is too small; padding ${padBegin.map((b, ax) => `${b}+${padEnd[ax]}`).join(", ")} crops more than the transposed convolution produces`,
      { expected: ">= 1", actual: sizes.join("x") });
  }
}

function resolveConv(req: PaddingRequest, rank: number): ResolvedPadding {
  const { names: n } = req;
  for (const [key, value] of [["outputPadding", req.outputPadding], ["outputSize", req.outputSize], ["outputShape", req.outputShape]] as const) {
    if (value) throw new TconvError("not-for-conv", n[key], `applies only to transposed convolution (${n.op} transposed), not to ${n.op} conv`);
  }
  const padBegin = req.padding ? [...req.padding.begin] : Array<number>(rank).fill(0);
  const padEnd = req.padding ? [...req.padding.end] : Array<number>(rank).fill(0);
  const choices: PaddingChoice[] = [];
  if (req.autoPad === "same_upper" || req.autoPad === "same_lower") {
    for (let ax = 0; ax < rank; ax++) {
      const s = req.stride[ax]!, d = req.dilation[ax]!, k = req.kernel[ax]!, i = req.inSize[ax]!;
      const requested = sameOutputSize("conv", i, s);
      const total = convTotalPadding(i, k, s, d, requested);
      [padBegin[ax], padEnd[ax]] = splitPadding(total, req.autoPad === "same_upper");
      choices.push({
        kind: "auto-pad", axis: ax, requested, autoPad: req.autoPad, totalPadding: total,
        padBegin: padBegin[ax]!, padEnd: padEnd[ax]!, outputPadding: 0,
        summary: `${n.autoPad} ${req.autoPad} (output ${requested} = ⌈${i}/${s}⌉) → total padding ${total}, pads ${padBegin[ax]} before and ${padEnd[ax]} after`,
      });
    }
  }
  const sizes = req.inSize.map((i, ax) => convOutputSize(i, req.kernel[ax]!, req.stride[ax]!, req.dilation[ax]!, padBegin[ax]!, padEnd[ax]!));
  if (sizes.some((o) => o < 1)) {
    throw new TconvError("output-too-small", req.padding ? n.padding : n.kernel,
      `Given input size per channel: (${req.inSize.join(" x ")}). Calculated output size per channel: (${sizes.join(" x ")}). Output size is too small: the (dilated) kernel is larger than the padded input`,
      { expected: ">= 1", actual: sizes.join("x") });
  }
  return { padBegin, padEnd, outputPadding: Array<number>(rank).fill(0), choices };
}
