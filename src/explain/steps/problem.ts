/**
 * Step 1, the problem: shapes as the user wrote them, the canonical parameters, and the same
 * layer spelled in PyTorch, ONNX and TensorFlow, so readers of any framework recognise it.
 */
import type { ExplainContext } from "../context.ts";
import type { FrameworkArg, FrameworkCall, ProblemStep } from "../types.ts";

const sameEverywhere = (xs: readonly number[]) => xs.every((v) => v === xs[0]);
/** One number when every axis agrees (as the frameworks accept), else the per-axis list. */
const compact = (xs: readonly number[]): number | readonly number[] => (xs.length > 0 && sameEverywhere(xs) ? xs[0]! : xs);

function pytorch(ctx: ExplainContext): FrameworkCall {
  const { info, problem } = ctx;
  const p = problem.params;
  const symmetric = p.padBegin.every((b, i) => b === p.padEnd[i]);
  const args: FrameworkArg[] = [
    { name: "in_channels", value: info.inChannels },
    { name: "out_channels", value: info.outChannels },
    { name: "kernel_size", value: compact(info.kernelSpatial) },
    { name: "stride", value: compact(p.stride) },
    { name: "padding", value: compact(symmetric ? p.padBegin : p.padBegin.map((b, i) => Math.min(b, p.padEnd[i]!))) },
  ];
  if (info.op === "transposed") args.push({ name: "output_padding", value: compact(p.outputPadding) });
  args.push({ name: "groups", value: info.groups }, { name: "dilation", value: compact(p.dilation) },
    { name: "bias", value: problem.bias ? "True" : "False" });
  const call = `torch.nn.${info.op === "transposed" ? "ConvTranspose" : "Conv"}${info.rank}d`;
  return symmetric ? { framework: "pytorch", call, args } : { framework: "pytorch", call, args, caveat: "asymmetric-padding" };
}

function onnx(ctx: ExplainContext): FrameworkCall {
  const { info, problem } = ctx;
  const p = problem.params;
  const args: FrameworkArg[] = [
    { name: "kernel_shape", value: info.kernelSpatial },
    { name: "strides", value: p.stride },
    { name: "pads", value: [...p.padBegin, ...p.padEnd] },
    { name: "dilations", value: p.dilation },
  ];
  if (info.op === "transposed") args.push({ name: "output_padding", value: p.outputPadding });
  args.push({ name: "group", value: info.groups });
  return { framework: "onnx", call: info.op === "transposed" ? "ConvTranspose" : "Conv", args };
}

function tensorflow(ctx: ExplainContext): FrameworkCall {
  const { info, problem } = ctx;
  const p = problem.params;
  const r = info.rank;
  const name = r === 1 ? "conv1d" : r === 2 ? "conv2d" : r === 3 ? "conv3d" : "convolution";
  const padding = [[0, 0], ...p.padBegin.map((b, i) => [b, p.padEnd[i]!]), [0, 0]];
  // TF's functions take the tensors positionally: the input and the filters come first.
  const args: FrameworkArg[] = [{ name: "", value: "x" }, { name: "", value: "filters" }];
  if (info.op === "transposed") {
    args.push({ name: "output_shape", value: [info.batch, ...info.outSpatial, info.outChannels] });
  }
  args.push({ name: "strides", value: compact(p.stride) }, { name: "padding", value: padding },
    { name: "dilations", value: compact(p.dilation) });
  const call = info.op === "transposed" ? `tf.nn.${r <= 3 ? name : "conv3d"}_transpose` : `tf.nn.${name}`;
  const base: FrameworkCall = { framework: "tensorflow", call, args };
  if (info.groups > 1 && info.op === "transposed") return { ...base, caveat: "tf-groups" };
  if (info.op === "transposed" && p.stride.some((s) => s > 1) && p.dilation.some((d) => d > 1)) {
    return { ...base, caveat: "tf-dilation-with-stride" };
  }
  return base;
}

/**
 * Builds the problem step.
 *
 * @example
 * buildProblem(seedCtx).frameworks[0].call // → "torch.nn.ConvTranspose2d"
 */
export function buildProblem(ctx: ExplainContext): ProblemStep {
  const { problem, info } = ctx;
  return {
    kind: "problem",
    op: info.op,
    layout: problem.layout,
    userShapes: problem.userShapes,
    userOutputShape: problem.outputShape,
    params: problem.params,
    mode: ctx.cells.mode,
    hasBias: problem.bias !== undefined,
    frameworks: [pytorch(ctx), onnx(ctx), tensorflow(ctx)],
  };
}
