/**
 * Keras / TensorFlow layer strings: `layers.Conv1DTranspose/Conv2DTranspose/Conv3DTranspose`,
 * `layers.Conv1D/2D/3D` (with or without a `tf.keras.` or `keras.` prefix) and
 * `tf.nn.conv1d_transpose/conv2d_transpose/conv3d_transpose`, read with Keras's argument orders.
 */
import { ArgReader, bindArgs, describeValue, layerError, requirePositiveValues, stripPrefix, type LayerSpec } from "./args.ts";
import { parsePythonCall, type PyValue } from "./python-call.ts";

const TRANSPOSED_SIGNATURE = ["filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate", "activation", "use_bias"] as const;
const CONV_SIGNATURE = ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias"] as const;
const TF_NN_SIGNATURE = ["input", "filters", "output_shape", "strides", "padding", "data_format", "dilations", "name"] as const;

/** Keywords that name, initialise, regularise or constrain a layer: none changes the numbers of one call. */
const IGNORABLE = new Set([
  "name", "dtype", "trainable", "kernel_initializer", "bias_initializer", "kernel_regularizer",
  "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint", "lora_rank",
]);

const LAYER_PREFIXES = ["tf.keras.layers.", "keras.layers.", "layers.", ""];
const TF_NN_PREFIXES = ["tf.nn.", "nn."];

/**
 * Reads a Keras layer (or `tf.nn.conv2d_transpose` call) into what it says.
 *
 * @example
 * const spec = parseKerasLayer("layers.Conv2DTranspose(8, 3, strides=2, padding='same')", "--keras");
 * spec.padding       // → { kind: "same" }
 * spec.outputPadding // → null
 */
export function parseKerasLayer(text: string, field: string): LayerSpec {
  const call = parsePythonCall(text, field);
  const layerName = stripPrefix(call.name, LAYER_PREFIXES);
  const layer = layerName === undefined ? undefined : /^Conv([123])D(Transpose)?$/.exec(layerName);
  const fnName = stripPrefix(call.name, TF_NN_PREFIXES);
  const fn = fnName === undefined ? undefined : /^conv([123])d_transpose$/.exec(fnName);
  if (!layer && !fn) {
    const torch = /(^|\.)(Conv(Transpose)?[123]d|conv(_transpose)?[123]d)$/.test(call.name);
    layerError(field, call.pos, torch
      ? `${call.name} is a PyTorch layer; give it with --torch`
      : `unknown layer ${call.name}; expected layers.Conv1DTranspose/Conv2DTranspose/Conv3DTranspose, layers.Conv1D/2D/3D or tf.nn.conv1d_transpose/conv2d_transpose/conv3d_transpose`);
  }
  return layer ? readLayer(call, field, layerName!, Number(layer[1]), layer[2] ? "transposed" : "conv", text.length)
    : readTfNn(call, field, fnName!, Number(fn![1]), text.length);
}

function readLayer(call: Parameters<typeof bindArgs>[0], field: string, name: string, rank: number, op: "transposed" | "conv", end: number): LayerSpec {
  const signature = op === "transposed" ? TRANSPOSED_SIGNATURE : CONV_SIGNATURE;
  const { bound, ignored } = bindArgs(call, field, signature, (key) => IGNORABLE.has(key));
  const r = new ArgReader(field, bound, name);
  const filters = r.int(r.required("filters", end), "filters");
  if (filters < 1) layerError(field, r.value("filters")!.pos, `Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${filters}.`);
  const k = r.required("kernel_size", end);
  const kernelSize = r.perAxis(k, "kernel_size", rank, "keras");
  requirePositiveValues(kernelSize, field, k.pos, "kernel_size", "The `kernel_size` argument must be a tuple of positive integers");
  const perAxis = (key: string): number[] => {
    const v = r.value(key);
    return v === undefined ? Array<number>(rank).fill(1) : r.perAxis(v, key, rank, "keras");
  };
  const stride = perAxis("strides");
  requirePositiveValues(stride, field, r.value("strides")?.pos ?? end, "strides", "The `strides` argument must be a tuple of positive integers");
  const dilation = perAxis("dilation_rate");
  requirePositiveValues(dilation, field, r.value("dilation_rate")?.pos ?? end, "dilation_rate", "The `dilation_rate` argument must be a tuple of positive integers");
  if (stride.some((s) => s > 1) && dilation.some((d) => d > 1) && op === "conv") {
    layerError(field, r.value("dilation_rate")!.pos, `\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. Received: strides=(${stride.join(", ")}) and dilation_rate=(${dilation.join(", ")})`);
  }
  const padding = readPadding(r, r.value("padding"), op === "conv" && rank === 1);
  const format = r.value("data_format");
  if (format !== undefined && !(format.kind === "const" && format.value === null)) {
    const f = r.str(format, "data_format");
    if (f !== "channels_last") layerError(field, format.pos, `data_format='${f}' is not supported here; tconv reads Keras layers channels_last (layout tf)`);
  }
  const activation = r.value("activation");
  if (activation !== undefined && !(activation.kind === "const" && activation.value === null)
    && !(activation.kind === "str" && activation.value === "linear")) {
    layerError(field, activation.pos, `activation=${describeValue(activation)} changes the numbers after the convolution; tconv computes the convolution alone (activation=None)`);
  }
  const activationIgnored = activation !== undefined ? ["activation"] : [];
  const useBias = r.value("use_bias");
  const bias = useBias === undefined ? true : r.bool(useBias, "use_bias");
  let groups = 1;
  if (op === "conv") {
    const g = r.value("groups");
    if (g !== undefined) groups = r.int(g, "groups");
    if (groups < 1) layerError(field, g!.pos, `groups must be a positive integer, received groups=${groups}`);
    if (filters % groups !== 0) layerError(field, g!.pos, `The number of filters must be evenly divisible by the number of groups. Received: groups=${groups}, filters=${filters}.`);
  }
  let outputPadding: number[] | null = null;
  if (op === "transposed") {
    const v = r.value("output_padding");
    if (v !== undefined && !(v.kind === "const" && v.value === null)) {
      outputPadding = r.perAxis(v, "output_padding", rank, "keras");
      if (outputPadding.some((p) => p < 0)) layerError(field, v.pos, `output_padding must be non-negative, received output_padding=(${outputPadding.join(", ")})`);
      if (outputPadding.some((p, ax) => p >= stride[ax]!)) {
        layerError(field, v.pos, `Strides must be greater than output padding. Received strides=(${stride.join(", ")}), output_padding=(${outputPadding.join(", ")}).`);
      }
    }
  }
  return {
    framework: "keras", field, form: "module", name, op, rank, outChannels: filters, kernelSize,
    stride, dilation, padding, outputPadding: op === "conv" ? Array<number>(rank).fill(0) : outputPadding,
    groups, bias, ignored: [...ignored, ...activationIgnored],
  };
}

function readPadding(r: ArgReader, v: PyValue | undefined, causalPossible: boolean): LayerSpec["padding"] {
  if (v === undefined) return { kind: "valid" };
  const p = r.str(v, "padding").toLowerCase();
  if (p === "valid" || p === "same") return { kind: p };
  if (p === "causal" && causalPossible) layerError(r.field, v.pos, "padding='causal' is not supported by tconv (it pads only the start); use 'valid' or 'same'");
  return layerError(r.field, v.pos, `The \`padding\` argument must be a list/tuple or one of "valid", "same". Received: ${describeValue(v)}`);
}

function readTfNn(call: Parameters<typeof bindArgs>[0], field: string, name: string, rank: number, end: number): LayerSpec {
  const { bound, ignored } = bindArgs(call, field, TF_NN_SIGNATURE, () => false);
  const r = new ArgReader(field, bound, name);
  if (r.has("name")) ignored.push("name");
  for (const key of ["input", "filters"] as const) {
    const v = r.required(key, end);
    if (v.kind !== "name") layerError(field, v.pos, `${key} must be a name standing for the --${key === "input" ? "input" : "kernel"} tensor (such as ${key === "input" ? "x" : "w"})`);
  }
  const shapeValue = r.required("output_shape", end);
  if (shapeValue.kind !== "seq") layerError(field, shapeValue.pos, `output_shape must be a list of ${rank + 2} integers [N, *spatial, C_out], got ${describeValue(shapeValue)}`);
  const outputShape = (shapeValue as Extract<PyValue, { kind: "seq" }>).items.map((item) => r.int(item, "output_shape"));
  if (outputShape.length !== rank + 2) {
    layerError(field, shapeValue.pos, `output_shape must have ${rank + 2} elements [N, *spatial, C_out] for ${name}, got ${outputShape.length}`);
  }
  if (outputShape.some((n) => n < 1)) layerError(field, shapeValue.pos, `output_shape must be positive, got [${outputShape.join(", ")}]`);
  const tfList = (key: string, required: boolean): number[] => {
    const v = required ? r.required(key, end) : r.value(key);
    if (v === undefined || (v.kind === "const" && v.value === null && !required)) return Array<number>(rank).fill(1);
    if (v.kind === "int") return Array<number>(rank).fill(v.value);
    if (v.kind !== "seq") return layerError(field, v.pos, `${key} must be an int or a list of 1, ${rank} or ${rank + 2} ints, got ${describeValue(v)}`);
    const values = v.items.map((item) => r.int(item, key));
    if (values.length === 1) return Array<number>(rank).fill(values[0]!);
    if (values.length === rank) return values;
    if (values.length === rank + 2) {
      if (values[0] !== 1 || values[rank + 1] !== 1) layerError(field, v.pos, `${key} in the batch and depth dimensions must be 1, got [${values.join(", ")}]`);
      return values.slice(1, rank + 1);
    }
    return layerError(field, v.pos, `${key} must be of length 1, ${rank} or ${rank + 2}, got ${values.length}`);
  };
  const stride = tfList("strides", true);
  requirePositiveValues(stride, field, r.value("strides")!.pos, "strides", "strides must be positive");
  const dilation = tfList("dilations", false);
  requirePositiveValues(dilation, field, r.value("dilations")?.pos ?? end, "dilations", "dilations must be positive");
  const padValue = r.value("padding");
  let padding: LayerSpec["padding"] = { kind: "same" };
  if (padValue !== undefined) {
    const p = padValue.kind === "str" ? padValue.value : undefined;
    if (p !== "SAME" && p !== "VALID") {
      layerError(field, padValue.pos, `padding must be 'SAME' or 'VALID' here (explicit padding lists are not read), got ${describeValue(padValue)}`);
    }
    padding = { kind: p === "SAME" ? "same" : "valid" };
  }
  const format = r.value("data_format");
  if (format !== undefined) {
    const f = r.str(format, "data_format");
    const want = rank === 1 ? "NWC" : rank === 2 ? "NHWC" : "NDHWC";
    if (f !== want) layerError(field, format.pos, `data_format='${f}' is not supported here; tconv reads ${name} as ${want} (layout tf)`);
  }
  return {
    framework: "keras", field, form: "functional", name, op: "transposed", rank,
    outChannels: outputShape[rank + 1]!, stride, dilation, padding, outputPadding: null, outputShape,
    groups: 1, bias: false, ignored,
  };
}
