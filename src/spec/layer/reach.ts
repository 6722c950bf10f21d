/**
 * Which output sizes a transposed problem could have by changing only its output padding, in
 * each framework's own terms (PyTorch `output_padding`/`output_size`, Keras `output_padding`,
 * `tf.nn` `output_shape`), and the fix for a wanted shape: the shape-bug use case of `shape
 * --want-shape`.
 */
import { TconvError } from "../error.ts";
import type { ShapeProblem } from "../parse-problem.ts";

/** The sizes the output-size knob can reach on one axis, and what the knob is called. */
export interface AxisReach {
  readonly axis: number;
  readonly current: number;
  readonly min: number;
  readonly max: number;
}

/** Which sizes a transposed problem's output padding (or output_size/output_shape) reaches. */
export interface OutputReach {
  /** `output_padding` (PyTorch, Keras, plain options) or `output_shape` (tf.nn calls). */
  readonly knob: "output_padding" | "output_shape";
  /** One entry per spatial axis; the sizes form the range min..max. */
  readonly axes: readonly AxisReach[];
  /** Why the range is what it is, in the framework's terms. */
  readonly rule: string;
}

/**
 * The output sizes a problem could have by changing only its output padding (PyTorch
 * `output_padding`/`output_size`, Keras `output_padding`, `tf.nn` `output_shape`), or undefined
 * for an ordinary convolution, whose output size no such argument chooses.
 *
 * @example
 * outputReach(parseShapeProblem({ inputShape: [3], kernelShape: [3], stride: 2, padding: 1 }))?.axes[0]
 * // → { axis: 0, current: 5, min: 5, max: 6 }
 */
export function outputReach(problem: ShapeProblem): OutputReach | undefined {
  if (problem.info.op !== "transposed") return undefined;
  const spec = problem.layer?.spec;
  const axes = problem.info.axes.map((a, axis) => {
    const K = (a.kernel - 1) * a.dilation + 1;
    if (spec?.framework === "keras" && spec.form === "functional") {
      // tf.nn: TF accepts output_shape o when the forward convolution of o gives the input back.
      return spec.padding.kind === "same"
        ? { axis, current: a.outSize, min: (a.inSize - 1) * a.stride + 1, max: a.inSize * a.stride }
        : { axis, current: a.outSize, min: (a.inSize - 1) * a.stride + K, max: (a.inSize - 1) * a.stride + K + a.stride - 1 };
    }
    if (spec?.framework === "keras") {
      // Keras: output_padding 0..strides−1 on top of (input − 1)·strides + K (− 2·⌊K/2⌋ for 'same').
      const base = (a.inSize - 1) * a.stride + (spec.padding.kind === "same" ? K % 2 : K);
      return { axis, current: a.outSize, min: base, max: base + a.stride - 1 };
    }
    const min = a.outSize - a.outputPadding;
    return { axis, current: a.outSize, min, max: min + Math.max(a.stride, a.dilation) - 1 };
  });
  const keras = spec?.framework === "keras";
  return {
    knob: keras && spec?.form === "functional" ? "output_shape" : "output_padding",
    axes,
    rule: keras && spec?.form === "functional"
      ? `TF accepts an output_shape whose forward ${spec.padding.kind === "same" ? "SAME" : "VALID"} convolution gives the input back`
      : keras ? `Keras: output_padding must be smaller than strides${spec?.outputPadding === null ? "; output_padding=None gives the current size" : ""}`
      : "output_padding must be smaller than stride or dilation (PyTorch's rule; output_size chooses it)",
  };
}

/** What would give a wanted output shape: the output padding (or output_size/output_shape), or why nothing can. */
export type ShapeFix =
  | { readonly kind: "already"; readonly wanted: readonly number[] }
  | {
    readonly kind: "fix"; readonly wanted: readonly number[];
    /** Per axis, the output padding that reaches the wanted size (the framework's meaning of it). */
    readonly outputPadding: readonly number[];
    /** How to write it: `output_padding=(1, 0)`, `output_size=[20, 24]`, `--output-padding 1,0`, … */
    readonly suggestions: readonly string[];
  }
  | { readonly kind: "impossible"; readonly wanted: readonly number[]; readonly reason: string };

/**
 * The fix for a shape bug: which output padding (or `output_size`, `output_shape`) gives the
 * wanted shape — spatial sizes, or the whole shape in the problem's layout — or why none can.
 *
 * @example
 * fixForShape(parseShapeProblem({ inputShape: [3], kernelShape: [3], stride: 2, padding: 1 }), [6])
 * // → { kind: "fix", wanted: [6], outputPadding: [1], suggestions: ["--output-padding 1", "--output-size 6"] }
 */
export function fixForShape(problem: ShapeProblem, wanted: readonly number[], field = "wantShape"): ShapeFix {
  const rank = problem.info.rank, whole = problem.outputShape;
  let spatial: number[];
  if (wanted.length === whole.length && whole.length !== rank) {
    const offset = problem.layout === "torch" ? whole.length - rank : problem.layout === "tf" ? whole.length - rank - 1 : 0;
    const other = whole.map((n, i) => ({ n, i })).filter(({ i }) => i < offset || i >= offset + rank);
    const bad = other.find(({ n, i }) => wanted[i] !== n);
    if (bad) {
      const channelAxis = problem.layout === "torch" ? whole.length - rank - 1 : whole.length - 1;
      return {
        kind: "impossible", wanted,
        reason: bad.i === channelAxis
          ? `axis ${bad.i} holds the output channels: ${bad.n} (out_channels/filters), not ${wanted[bad.i]}; output padding changes only the spatial sizes`
          : `axis ${bad.i} is the batch: ${bad.n}, as in the input, not ${wanted[bad.i]}`,
      };
    }
    spatial = wanted.slice(offset, offset + rank);
  } else if (wanted.length === rank) {
    spatial = [...wanted];
  } else {
    throw new TconvError("wrong-count", field,
      `expected ${rank} spatial sizes${whole.length !== rank ? ` or the whole output shape (${whole.length} sizes, like [${whole.join(", ")}])` : ""}, got ${wanted.length}`);
  }
  const current = problem.info.outSpatial;
  if (spatial.every((n, ax) => n === current[ax])) return { kind: "already", wanted };
  const reach = outputReach(problem);
  if (!reach) {
    return {
      kind: "impossible", wanted,
      reason: "an ordinary convolution has no output padding or output size argument: its output size follows from the input, kernel, stride, dilation and padding; change those",
    };
  }
  const out = reach.axes.find((a, ax) => spatial[ax]! < a.min || spatial[ax]! > a.max);
  if (out) {
    return {
      kind: "impossible", wanted,
      reason: `on axis ${out.axis} the ${reach.knob.replace("_", " ")} reaches only ${out.min}..${out.max} (${reach.rule}), not ${spatial[out.axis]}; change the padding, stride or kernel instead`,
    };
  }
  const outputPadding = spatial.map((n, ax) => n - reach.axes[ax]!.min);
  const spec = problem.layer?.spec;
  const t = (v: readonly number[]) => (v.length === 1 ? String(v[0]) : `(${v.join(", ")})`);
  const suggestions = !spec
    ? [`--output-padding ${outputPadding.join(",")}`, `--output-size ${spatial.join(",")}`]
    : spec.framework === "torch" && spec.form === "module"
      ? [`output_padding=${t(outputPadding)} in the layer`, `or call it with output_size=[${spatial.join(", ")}]`]
      : spec.framework === "torch" ? [`output_padding=${t(outputPadding)}`]
      : spec.form === "module" ? [`output_padding=${t(outputPadding)} in the layer`]
      : [`output_shape=[${problem.outputShape.map((n, i) => (i >= 1 && i <= rank ? spatial[i - 1] : n)).join(", ")}]`];
  return { kind: "fix", wanted, outputPadding, suggestions };
}
