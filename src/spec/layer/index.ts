/**
 * A layer string checked against the tensors' shapes and translated into the parameters every
 * other problem is given by (layout, op, stride, pads, output padding, groups), so nothing below
 * spec/ knows a layer string existed. The framework's own output-size rule is applied here and
 * recorded, axis by axis, for `shape` to print.
 */
import { TconvError } from "../error.ts";
import type { ParameterOptions } from "../parse-problem.ts";
import type { FieldNames } from "../names.ts";
import type { LayerSpec } from "./args.ts";
import { parseKerasLayer } from "./keras.ts";
import { parseTorchLayer } from "./torch.ts";

export type { LayerSpec } from "./args.ts";
export { parseTorchLayer } from "./torch.ts";
export { parseKerasLayer } from "./keras.ts";

/** A layer string applied to shapes: what it set, and the framework's rule per axis. */
export interface ResolvedLayer {
  readonly spec: LayerSpec;
  /** The parameters the layer stands for, as any other problem gives them. */
  readonly parameters: ParameterOptions;
  /** The kernel's shape in the layer's layout (from the layer, or the tensor for functional calls). */
  readonly kernelShape: readonly number[];
  /** The framework's size rule in words, then one line per axis with the numbers. */
  readonly rules: readonly string[];
  /** Notes on arguments that were accepted but do not enter the numbers (bias without values). */
  readonly notes: readonly string[];
}

/** The parameter options a layer string sets; giving one of them as well is an error. */
export const LAYER_SET_KEYS = ["layout", "op", "stride", "dilation", "padding", "outputPadding", "outputSize", "outputShape", "autoPad", "groups"] as const;

/**
 * Reads a `--torch` or `--keras` string.
 *
 * @example
 * parseLayer("torch", "nn.Conv1d(4, 8, 3)", "--torch").op // → "conv"
 */
export function parseLayer(framework: "torch" | "keras", text: string, field: string): LayerSpec {
  return framework === "torch" ? parseTorchLayer(text, field) : parseKerasLayer(text, field);
}

const shapeText = (s: readonly number[]) => `[${s.join(", ")}]`;
const tuple = (s: readonly number[]) => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;

/**
 * Checks a layer against the input's (and kernel's, when given) shape and translates it.
 *
 * @example
 * const spec = parseLayer("torch", "nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1)", "--torch");
 * const r = resolveLayer(spec, { inputShape: [1, 16, 10, 12], fields: { input: "--input-shape", kernel: "--kernel-shape" } });
 * r.kernelShape // → [16, 8, 3, 3]
 * r.parameters.stride // → [2, 2]
 */
export function resolveLayer(
  spec: LayerSpec,
  shapes: { inputShape: readonly number[]; kernelShape?: readonly number[]; fields: { input: string; kernel: string } },
): ResolvedLayer {
  const { rank, field } = spec;
  const { inputShape, fields } = shapes;
  const fnLabel = spec.framework === "torch" ? spec.name.replace(/^Conv(Transpose)?(\d)d$/, (_, t, n) => `conv${t ? "_transpose" : ""}${n}d`) : spec.name;
  const notes: string[] = [];

  // Input rank: PyTorch takes batched or unbatched; Keras layers and tf.nn want a batch axis.
  if (spec.framework === "torch") {
    if (inputShape.length !== rank + 1 && inputShape.length !== rank + 2) {
      throw new TconvError("rank-mismatch", fields.input,
        `Expected ${rank + 1}D (unbatched) or ${rank + 2}D (batched) input to ${fnLabel}, but got input of size: ${shapeText(inputShape)}`);
    }
  } else if (inputShape.length !== rank + 2) {
    throw new TconvError("rank-mismatch", fields.input, spec.form === "module"
      ? `Input 0 of layer "${snake(spec.name)}" is incompatible with the layer: expected ndim=${rank + 2}, found ndim=${inputShape.length}. Full shape received: ${tuple(inputShape)}`
      : `${spec.name} expects a ${rank + 2}-D input [N, *spatial, C_in], got shape ${shapeText(inputShape)}`);
  }
  const batched = inputShape.length === rank + 2;
  const channels = spec.framework === "torch" ? inputShape[batched ? 1 : 0]! : inputShape[inputShape.length - 1]!;
  const spatialIn = spec.framework === "torch" ? inputShape.slice(batched ? 2 : 1) : inputShape.slice(1, rank + 1);

  // The kernel: from the layer (modules) or the tensor (functional calls).
  let kernelShape: number[];
  if (spec.form === "module") {
    const k = spec.kernelSize!;
    if (spec.framework === "torch") {
      const cin = spec.inChannels!, cout = spec.outChannels!, g = spec.groups;
      kernelShape = spec.op === "transposed" ? [cin, cout / g, ...k] : [cout, cin / g, ...k];
      if (channels !== cin) {
        throw new TconvError("channel-mismatch", fields.input, spec.op === "transposed"
          ? `Given transposed=1, weight of size ${shapeText(kernelShape)}, expected input${shapeText(inputShape)} to have ${cin} channels, but got ${channels} channels instead`
          : `Given groups=${g}, weight of size ${shapeText(kernelShape)}, expected input${shapeText(inputShape)} to have ${cin} channels, but got ${channels} channels instead`,
          { expected: String(cin), actual: String(channels) });
      }
      if (shapes.kernelShape && shapeText(shapes.kernelShape) !== shapeText(kernelShape)) {
        throw new TconvError("kernel-mismatch", fields.kernel,
          `size mismatch for weight: copying a param with shape torch.Size(${shapeText(shapes.kernelShape)}), the shape in current model is torch.Size(${shapeText(kernelShape)})`,
          { expected: shapeText(kernelShape), actual: shapeText(shapes.kernelShape) });
      }
    } else {
      const g = spec.groups;
      if (channels % g !== 0) {
        throw new TconvError("groups-mismatch", fields.input,
          `The number of input channels must be evenly divisible by the number of groups. Received groups=${g}, but the input has ${channels} channels (full input shape is ${tuple(inputShape)}).`);
      }
      kernelShape = spec.op === "transposed" ? [...k, spec.outChannels!, channels] : [...k, channels / g, spec.outChannels!];
      if (shapes.kernelShape && shapeText(shapes.kernelShape) !== shapeText(kernelShape)) {
        throw new TconvError("kernel-mismatch", fields.kernel,
          `Layer ${snake(spec.name)} weight shape ${tuple(kernelShape)} is not compatible with provided weight shape ${tuple(shapes.kernelShape)}.`,
          { expected: shapeText(kernelShape), actual: shapeText(shapes.kernelShape) });
      }
    }
  } else {
    if (!shapes.kernelShape) {
      throw new TconvError("missing-option", fields.kernel, `${spec.name} takes the weight as a tensor: give its values or its shape`);
    }
    if (shapes.kernelShape.length !== rank + 2) {
      const form = spec.framework === "torch"
        ? (spec.op === "transposed" ? "[C_in, C_out/groups, *kernel]" : "[C_out, C_in/groups, *kernel]")
        : "[*kernel, C_out, C_in]";
      throw new TconvError("rank-mismatch", fields.kernel,
        `${spec.name} expects a ${rank + 2}-D weight ${form}, got size ${shapeText(shapes.kernelShape)}`);
    }
    kernelShape = [...shapes.kernelShape];
    if (spec.outputShape) {
      const cout = kernelShape[rank]!, n = spec.outputShape[0]!;
      if (spec.outputShape[rank + 1] !== cout) {
        throw new TconvError("channel-mismatch", field,
          `${spec.name}: output_shape's last dimension (${spec.outputShape[rank + 1]}) must equal the filters' output depth ${cout} (filters ${shapeText(kernelShape)})`);
      }
      if (n !== inputShape[0]) {
        throw new TconvError("batch-mismatch", field,
          `${spec.name}: input and out_backprop must have the same batch size: output_shape has ${n}, the input ${inputShape[0]}`);
      }
    }
  }
  const kSpatial = spec.framework === "torch" ? kernelShape.slice(2) : kernelShape.slice(0, rank);

  if (spec.bias) {
    notes.push(spec.form === "module"
      ? `${spec.framework === "torch" ? "bias=True" : "use_bias=True"}: the bias is one of the layer's parameters; its values come from --bias (0 when not given)`
      : "bias: its values come from --bias");
  }

  const rules: string[] = [];
  const parameters: { -readonly [K in keyof ParameterOptions]: ParameterOptions[K] } = {
    layout: spec.framework === "torch" ? "torch" : "tf", op: spec.op,
    stride: [...spec.stride], dilation: [...spec.dilation], groups: spec.groups,
  };
  const s = spec.stride, d = spec.dilation;
  const eff = (ax: number) => (kSpatial[ax]! - 1) * d[ax]! + 1;

  if (spec.framework === "torch") {
    let pads: number[];
    if (spec.padding.kind === "explicit") pads = [...spec.padding.values, ...spec.padding.values];
    else if (spec.padding.kind === "valid") pads = Array<number>(2 * rank).fill(0);
    else {
      const total = kSpatial.map((k, ax) => d[ax]! * (k - 1));
      const begin = total.map((t) => Math.floor(t / 2));
      pads = [...begin, ...total.map((t, ax) => t - begin[ax]!)];
    }
    parameters.padding = pads;
    if (spec.op === "transposed") {
      parameters.outputPadding = [...spec.outputPadding!];
      rules.push(`PyTorch ${spec.name}: out = (in − 1)·stride − 2·padding + dilation·(kernel_size − 1) + output_padding + 1`);
      spatialIn.forEach((i, ax) => rules.push(`  axis ${ax}: (${i} − 1)·${s[ax]} − 2·${pads[ax]} + ${d[ax]}·(${kSpatial[ax]} − 1) + ${spec.outputPadding![ax]} + 1 = ${(i - 1) * s[ax]! - 2 * pads[ax]! + d[ax]! * (kSpatial[ax]! - 1) + spec.outputPadding![ax]! + 1}`));
    } else {
      const how = spec.padding.kind === "same" ? ", padding='same': total padding dilation·(kernel_size − 1), the odd unit at the end"
        : spec.padding.kind === "valid" ? ", padding='valid': no padding" : "";
      rules.push(`PyTorch ${spec.name}${how}: out = ⌊(in + padding_begin + padding_end − dilation·(kernel_size − 1) − 1)/stride⌋ + 1`);
      spatialIn.forEach((i, ax) => rules.push(`  axis ${ax}: ⌊(${i} + ${pads[ax]} + ${pads[ax + rank]} − ${d[ax]}·(${kSpatial[ax]} − 1) − 1)/${s[ax]}⌋ + 1 = ${Math.floor((i + pads[ax]! + pads[ax + rank]! - d[ax]! * (kSpatial[ax]! - 1) - 1) / s[ax]!) + 1}`));
    }
  } else if (spec.form === "functional") {
    // tf.nn.conv*_transpose: the output shape is given; TF's own consistency rule applies (spec/padding.ts).
    parameters.outputShape = spec.outputShape!.slice(1, rank + 1);
    if (spec.padding.kind === "same") parameters.autoPad = "same_upper";
    else parameters.padding = 0;
    rules.push(`TensorFlow ${spec.name}, padding='${spec.padding.kind.toUpperCase()}': the output_shape is given; ${spec.padding.kind === "same"
      ? "⌈output/strides⌉ must equal the input, and the total crop (input − 1)·strides + K − output (K = (kernel − 1)·dilation + 1) is split ⌊·/2⌋ before, the rest after"
      : "⌊(output − K)/strides⌋ + 1 must equal the input (K = (kernel − 1)·dilation + 1); rows the kernel does not reach are zeros at the end"}`);
    spatialIn.forEach((i, ax) => rules.push(`  axis ${ax}: input ${i}, output_shape ${spec.outputShape![ax + 1]}`));
  } else if (spec.op === "transposed") {
    const begin: number[] = [], end: number[] = [], extra: number[] = [];
    const op = spec.outputPadding;
    const same = spec.padding.kind === "same";
    rules.push(`Keras ${spec.name}, padding='${spec.padding.kind}', output_padding=${op ? tuple(op) : "None"}: ${op
      ? (same ? "length = (input − 1)·strides + K − 2·⌊K/2⌋ + output_padding" : "length = (input − 1)·strides + K + output_padding")
      : (same ? "length = input·strides" : "length = input·strides + max(K − strides, 0)")} with K = (kernel − 1)·dilation + 1${same ? "; TF 'SAME' crops (input − 1)·strides + K − length, ⌊·/2⌋ before and the rest after" : ""}`);
    spatialIn.forEach((i, ax) => {
      const K = eff(ax), st = s[ax]!;
      const length = op
        ? (same ? (i - 1) * st + K - 2 * Math.floor(K / 2) + op[ax]! : (i - 1) * st + K + op[ax]!)
        : (same ? i * st : i * st + Math.max(K - st, 0));
      const full = (i - 1) * st + K;
      let b = 0, e = 0, x = 0;
      if (same && full - length >= 0) { b = Math.floor((full - length) / 2); e = full - length - b; } else x = length - full;
      begin.push(b); end.push(e); extra.push(x);
      const formula = op
        ? (same ? `(${i} − 1)·${st} + ${K} − 2·⌊${K}/2⌋ + ${op[ax]}` : `(${i} − 1)·${st} + ${K} + ${op[ax]}`)
        : (same ? `${i}·${st}` : `${i}·${st} + max(${K} − ${st}, 0)`);
      rules.push(`  axis ${ax}: ${formula} = ${length} (crop ${b} before and ${e} after${x > 0 ? `, ${x} zero${x === 1 ? "" : "s"} of output padding at the end` : ""})`);
    });
    parameters.padding = [...begin, ...end];
    parameters.outputPadding = extra;
  } else {
    const same = spec.padding.kind === "same";
    const begin: number[] = [], end: number[] = [];
    rules.push(`Keras ${spec.name}, padding='${spec.padding.kind}': ${same
      ? "length = ⌈input/strides⌉; TF 'SAME' pads max((length − 1)·strides + K − input, 0), ⌊·/2⌋ before and the rest after"
      : "length = ⌊(input − K)/strides⌋ + 1"} with K = (kernel − 1)·dilation + 1`);
    spatialIn.forEach((i, ax) => {
      const K = eff(ax), st = s[ax]!;
      if (same) {
        const length = Math.ceil(i / st);
        const total = Math.max((length - 1) * st + K - i, 0);
        begin.push(Math.floor(total / 2)); end.push(total - Math.floor(total / 2));
        rules.push(`  axis ${ax}: ⌈${i}/${st}⌉ = ${length} (pads ${begin[ax]} before and ${end[ax]} after)`);
      } else {
        begin.push(0); end.push(0);
        rules.push(`  axis ${ax}: ⌊(${i} − ${K})/${st}⌋ + 1 = ${Math.floor((i - K) / st) + 1}`);
      }
    });
    parameters.padding = [...begin, ...end];
  }
  return { spec, parameters, kernelShape, rules, notes };
}

/**
 * The field names a layer's translated parameters report errors under: the layer option itself.
 *
 * @example
 * layerNames(cliNames, "--torch").stride // → "--torch"
 */
export function layerNames(names: FieldNames, field: string): FieldNames {
  const out: Record<string, string> = { ...names };
  for (const key of LAYER_SET_KEYS) out[key] = field;
  return out as unknown as FieldNames;
}

/** Keras's default layer names: `Conv2DTranspose` → `conv2d_transpose`. */
function snake(name: string): string {
  return name.replace(/D/g, "d").replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}
