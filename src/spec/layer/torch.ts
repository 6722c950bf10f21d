/**
 * PyTorch layer strings: `nn.ConvTranspose1d/2d/3d`, `nn.Conv1d/2d/3d` (with or without a
 * `torch.nn.` or `nn.` prefix) and `F.conv_transpose1d/2d/3d`, `F.conv1d/2d/3d`, read with the
 * argument orders of PyTorch's signatures and refused in PyTorch's words.
 */
import { ArgReader, bindArgs, layerError, requirePositiveValues, stripPrefix, type LayerSpec } from "./args.ts";
import { parsePythonCall, type PyValue } from "./python-call.ts";

const TRANSPOSED_SIGNATURE = ["in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode"] as const;
const CONV_SIGNATURE = ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode"] as const;
const F_TRANSPOSED_SIGNATURE = ["input", "weight", "bias", "stride", "padding", "output_padding", "groups", "dilation"] as const;
const F_CONV_SIGNATURE = ["input", "weight", "bias", "stride", "padding", "dilation", "groups"] as const;

/** Keywords a module accepts that change where it lives, not what it computes. */
const IGNORABLE = new Set(["device", "dtype"]);

const MODULE_PREFIXES = ["torch.nn.", "nn.", ""];
const FUNCTIONAL_PREFIXES = ["torch.nn.functional.", "nn.functional.", "F.", "functional.", "torch."];

/**
 * Reads a PyTorch layer string into what it says (not yet checked against tensors).
 *
 * @example
 * const spec = parseTorchLayer("nn.ConvTranspose2d(16, 8, kernel_size=(4, 3), stride=2, padding=1)", "--torch");
 * spec.kernelSize // → [4, 3]
 * spec.stride     // → [2, 2]
 */
export function parseTorchLayer(text: string, field: string): LayerSpec {
  const call = parsePythonCall(text, field);
  const moduleName = stripPrefix(call.name, MODULE_PREFIXES);
  const module = moduleName === undefined ? undefined : /^Conv(Transpose)?([123])d$/.exec(moduleName);
  const fnName = stripPrefix(call.name, FUNCTIONAL_PREFIXES);
  const fn = fnName === undefined ? undefined : /^conv(_transpose)?([123])d$/.exec(fnName);
  if (!module && !fn) {
    const keras = /(^|\.)(Conv[123]D(Transpose)?|conv[123]d_transpose)$/.test(call.name);
    layerError(field, call.pos, keras
      ? `${call.name} is a Keras/TensorFlow layer; give it with --keras`
      : `unknown layer ${call.name}; expected nn.ConvTranspose1d/2d/3d, nn.Conv1d/2d/3d or F.conv_transpose1d/2d/3d, F.conv1d/2d/3d`);
  }
  const op = (module ? module[1] : fn![1]) ? "transposed" : "conv";
  const rank = Number(module ? module[2] : fn![2]);
  const name = module ? moduleName! : fnName!;
  const signature = module
    ? (op === "transposed" ? TRANSPOSED_SIGNATURE : CONV_SIGNATURE)
    : (op === "transposed" ? F_TRANSPOSED_SIGNATURE : F_CONV_SIGNATURE);
  const { bound, ignored } = bindArgs(call, field, signature, (key) => module !== undefined && IGNORABLE.has(key));
  const r = new ArgReader(field, bound, name);
  const end = text.length;

  let inChannels: number | undefined, outChannels: number | undefined, kernelSize: number[] | undefined;
  let bias: boolean;
  if (module) {
    inChannels = r.int(r.required("in_channels", end), "in_channels");
    outChannels = r.int(r.required("out_channels", end), "out_channels");
    const k = r.required("kernel_size", end);
    kernelSize = r.perAxis(k, "kernel_size", rank, "torch");
    if (inChannels < 1) layerError(field, r.value("in_channels")!.pos, `in_channels must be a positive integer (got ${inChannels})`);
    if (outChannels < 1) layerError(field, r.value("out_channels")!.pos, `out_channels must be a positive integer (got ${outChannels})`);
    requirePositiveValues(kernelSize, field, k.pos, "kernel_size", "kernel size should be greater than zero");
    const b = r.value("bias");
    bias = b === undefined ? true : r.bool(b, "bias");
    const mode = r.value("padding_mode");
    if (mode !== undefined) {
      const m = r.str(mode, "padding_mode");
      if (!["zeros", "reflect", "replicate", "circular"].includes(m)) {
        layerError(field, mode.pos, `padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${m}'`);
      }
      if (m !== "zeros" && op === "transposed") layerError(field, mode.pos, `Only "zeros" padding mode is supported for ${name}`);
      if (m !== "zeros") layerError(field, mode.pos, `padding_mode='${m}' pads with copies of the input, not zeros; tconv computes zero padding only`);
    }
  } else {
    for (const key of ["input", "weight"] as const) {
      const v = r.required(key, end);
      if (v.kind !== "name") layerError(field, v.pos, `${key} must be a name standing for the --${key === "input" ? "input" : "kernel"} tensor (such as ${key === "input" ? "x" : "w"})`);
    }
    const b = r.value("bias");
    if (b !== undefined && b.kind !== "name" && !(b.kind === "const" && b.value === null)) {
      layerError(field, b.pos, "bias must be None or a name standing for the --bias values");
    }
    bias = b !== undefined && b.kind === "name";
  }

  const perAxis = (key: string, fallback: number): number[] => {
    const v = r.value(key);
    return v === undefined ? Array<number>(rank).fill(fallback) : r.perAxis(v, key, rank, "torch");
  };
  const stride = perAxis("stride", 1);
  requirePositiveValues(stride, field, r.value("stride")?.pos ?? end, "stride", "non-positive stride is not supported");
  const dilation = perAxis("dilation", 1);
  requirePositiveValues(dilation, field, r.value("dilation")?.pos ?? end, "dilation", "dilation should be greater than zero");
  const groupsValue = r.value("groups");
  const groups = groupsValue === undefined ? 1 : r.int(groupsValue, "groups");
  if (groups < 1) layerError(field, groupsValue!.pos, "groups must be a positive integer");
  if (inChannels !== undefined && inChannels % groups !== 0) layerError(field, groupsValue!.pos, `in_channels must be divisible by groups (in_channels=${inChannels}, groups=${groups})`);
  if (outChannels !== undefined && outChannels % groups !== 0) layerError(field, groupsValue!.pos, `out_channels must be divisible by groups (out_channels=${outChannels}, groups=${groups})`);

  const padding = readPadding(r, r.value("padding"), op, rank, stride, name);
  let outputPadding: number[] = Array<number>(rank).fill(0);
  if (op === "transposed") {
    outputPadding = perAxis("output_padding", 0);
    const opPos = r.value("output_padding")?.pos ?? end;
    if (outputPadding.some((v) => v < 0)) layerError(field, opPos, `negative output_padding is not supported (got output_padding=${outputPadding.join(", ")})`);
    outputPadding.forEach((v, ax) => {
      if (v >= Math.max(stride[ax]!, dilation[ax]!)) {
        layerError(field, opPos, `output padding must be smaller than either stride or dilation, but got output_padding=${v}, stride=${stride[ax]}, dilation=${dilation[ax]} on axis ${ax}`);
      }
    });
  }
  return {
    framework: "torch", field, form: module ? "module" : "functional", name, op, rank,
    ...(inChannels !== undefined ? { inChannels } : {}), ...(outChannels !== undefined ? { outChannels } : {}),
    ...(kernelSize ? { kernelSize } : {}),
    stride, dilation, padding, outputPadding, groups, bias, ignored,
  };
}

function readPadding(r: ArgReader, v: PyValue | undefined, op: "transposed" | "conv", rank: number, stride: readonly number[], name: string): LayerSpec["padding"] {
  if (v === undefined) return { kind: "explicit", values: Array<number>(rank).fill(0) };
  if (v.kind === "str") {
    if (op === "transposed") layerError(r.field, v.pos, `${name} takes integer padding; padding='${v.value}' is only for ordinary convolutions`);
    if (v.value === "valid") return { kind: "valid" };
    if (v.value === "same") {
      if (stride.some((s) => s !== 1)) layerError(r.field, v.pos, "padding='same' is not supported for strided convolutions");
      return { kind: "same" };
    }
    layerError(r.field, v.pos, `Invalid padding string '${v.value}', should be one of {'valid', 'same'}`);
  }
  const values = r.perAxis(v, "padding", rank, "torch");
  if (values.some((p) => p < 0)) layerError(r.field, v.pos, `negative padding is not supported (got padding=${values.join(", ")})`);
  return { kind: "explicit", values };
}
