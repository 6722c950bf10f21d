/**
 * A problem as a short Python script that recomputes it with numpy, PyTorch or TensorFlow and
 * prints `{"shape": …, "output": …}` exactly as `tconv eval --json` does (same layout), so a
 * user can compare in their own environment. The script is written to be read: the tensors in
 * the user's layout, the moves to the framework's layout, one framework call (numpy: the index
 * relation as a loop), and the move back.
 */
import type { Scalar, ScalarTensor } from "../algebra/scalar.ts";
import { TconvError } from "../spec/error.ts";
import { outputToLayout, permute } from "../spec/layout.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { Layout } from "../spec/layout.ts";

/** What a script needs of a problem: its shape record, layout and canonical tensors (a parsed Problem has all of it). */
export interface ScriptProblem {
  readonly info: ConvInfo;
  readonly layout: Layout;
  readonly batched: boolean;
  readonly x: ScalarTensor;
  readonly w: ScalarTensor;
  readonly bias?: ScalarTensor | undefined;
}

type Problem = ScriptProblem;

/** The per-axis parameters, read from the shape record. */
function paramsOf(info: ConvInfo) {
  return {
    stride: info.axes.map((a) => a.stride), dilation: info.axes.map((a) => a.dilation),
    padBegin: info.axes.map((a) => a.padBegin), padEnd: info.axes.map((a) => a.padEnd),
    outputPadding: info.axes.map((a) => a.outputPadding), groups: info.groups,
  };
}

/** The Python frameworks `tconv code` writes scripts for (`--framework`). */
export type ScriptFramework = "numpy" | "torch" | "tf";

/**
 * The framework name as `--framework` takes it.
 *
 * @example
 * parseScriptFramework("pytorch", "--framework") // → "torch"
 */
export function parseScriptFramework(text: unknown, field: string): ScriptFramework {
  const t = String(text ?? "").trim().toLowerCase();
  if (t === "numpy" || t === "np") return "numpy";
  if (t === "torch" || t === "pytorch") return "torch";
  if (t === "tf" || t === "tensorflow") return "tf";
  throw new TconvError("bad-option", field, `expected numpy, torch or tf, got "${String(text).slice(0, 20)}"`, { expected: "numpy|torch|tf", actual: String(text) });
}

const seq = (v: readonly number[]) => (v.length === 1 ? `(${v[0]},)` : `(${v.join(", ")})`);
const list = (v: readonly number[]) => `[${v.join(", ")}]`;

/** A scalar as a Python float literal; `fraction` says it was an exact non-integer. */
function literal(s: Scalar, field: string): { text: string; fraction: boolean } {
  if (s.kind === "symbol") {
    throw new TconvError("symbolic-entries", field,
      `the entry ${s.name} is a symbol; a script computes with numbers, so give numbers (explain and matrix derive symbolic sums)`);
  }
  if (s.kind === "expression") {
    throw new TconvError("symbolic-entries", field,
      `the entry ${s.text} has symbols; a script computes with numbers, so give numbers (explain and matrix derive symbolic sums)`);
  }
  if (s.kind === "float") return { text: pyFloat(s.value), fraction: false };
  if (s.value.isInteger()) return { text: s.value.num.toString(), fraction: false };
  return { text: pyFloat(s.value.toNumber()), fraction: true };
}

function pyFloat(v: number): string {
  const t = String(Object.is(v, -0) ? 0 : v);
  return /[.eE]/.test(t) ? t : `${t}.0`;
}

/** Nested Python list of a row-major tensor; rows of the last axis on one line. */
function nested(flat: readonly string[], shape: readonly number[], indent: string): string {
  if (shape.length === 0) return flat[0] ?? "0";
  const go = (start: number, axis: number, pad: string): string => {
    const n = shape[axis]!;
    const step = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    if (axis === shape.length - 1) return `[${flat.slice(start, start + n).join(", ")}]`;
    const parts = Array.from({ length: n }, (_, i) => go(start + i * step, axis + 1, `${pad} `));
    return axis >= shape.length - 2 || flat.length <= 64
      ? `[${parts.join(", ")}]`
      : `[${parts.join(`,\n${pad} `)}]`;
  };
  return go(0, 0, indent);
}

interface Tensors {
  readonly x: { shape: readonly number[]; text: string };
  readonly w: { shape: readonly number[]; text: string };
  readonly b?: { shape: readonly number[]; text: string };
  readonly fractions: boolean;
}

/** The problem's tensors back in the user's layout, as Python literals. */
function userTensors(p: Problem, names: { input: string; kernel: string; bias: string }): Tensors {
  let fractions = false;
  const lits = (t: ScalarTensor, field: string) => t.data.map((s) => {
    const l = literal(s, field);
    fractions ||= l.fraction;
    return l.text;
  });
  const r = p.info.rank;
  const xUser = outputToLayout(p.layout, p.batched, p.x.shape, lits(p.x, names.input));
  const wLits = lits(p.w, names.kernel);
  const wUser = p.layout === "plain" ? { shape: p.w.shape.slice(2), data: wLits }
    : p.layout === "torch" ? { shape: p.w.shape, data: wLits }
    : permute(wLits, p.w.shape, [...Array.from({ length: r }, (_, i) => i + 2), 1, 0]);
  const b = p.bias ? { shape: p.bias.shape, text: nested(lits(p.bias, names.bias), p.bias.shape, "") } : undefined;
  return {
    x: { shape: xUser.shape, text: nested(xUser.data, xUser.shape, "") },
    w: { shape: wUser.shape, text: nested(wUser.data, wUser.shape, "") },
    ...(b ? { b } : {}),
    fractions,
  };
}

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

/**
 * A runnable Python script that recomputes the problem in `framework` and prints its result
 * as `tconv eval --json` does.
 *
 * @example
 * const script = pythonScript(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }), "torch");
 * script.includes("F.conv_transpose2d(x, w") // → true
 */
export function pythonScript(p: Problem, framework: ScriptFramework, names = { input: "input", kernel: "kernel", bias: "bias", framework: "framework" }): string {
  const r = p.info.rank;
  if (framework !== "numpy" && r > 3) {
    throw new TconvError("unsupported", names.framework,
      `${framework === "torch" ? "PyTorch" : "TensorFlow"} has 1-, 2- and 3-D convolutions only; this problem has ${r} spatial axes (use numpy)`);
  }
  const t = userTensors(p, names);
  const a = paramsOf(p.info);
  const op = p.info.op;
  const lines: string[] = [];
  const what = op === "transposed" ? "transposed convolution" : "convolution (cross-correlation)";
  const fw = framework === "numpy" ? "numpy" : framework === "torch" ? "PyTorch" : "TensorFlow";
  lines.push(`# A ${r}-D ${what}, recomputed with ${fw}; prints {"shape": ..., "output": ...} as \`tconv eval --json\` does.`);
  lines.push(`# Parameters per spatial axis: stride ${list(a.stride)}, dilation ${list(a.dilation)}, padding ${list(a.padBegin)} before and ${list(a.padEnd)} after${op === "transposed" ? `, output padding ${list(a.outputPadding)}` : ""}, groups ${a.groups}.`);
  if (t.fractions) lines.push("# The fractions are written as floats (float64), so the last digits may differ from tconv's exact results.");
  lines.push("import json", "");
  if (framework === "numpy") lines.push("import numpy as np");
  if (framework === "torch") lines.push("import torch", "import torch.nn.functional as F");
  if (framework === "tf") lines.push("import tensorflow as tf");
  lines.push("");
  const layoutNote = { plain: "plain layout: spatial axes only", torch: "torch layout", tf: "tf layout" }[p.layout];
  const make = (v: { text: string }, name: string, note: string) => framework === "numpy" ? `${name} = np.array(${v.text}, dtype=np.float64)  # ${note}`
    : framework === "torch" ? `${name} = torch.tensor(${v.text}, dtype=torch.float64)  # ${note}`
    : `${name} = tf.constant(${v.text}, dtype=tf.float64)  # ${note}`;
  lines.push(make(t.x, "x", `input, ${layoutNote} ${list(t.x.shape)}`));
  lines.push(make(t.w, "w", `kernel, ${layoutNote} ${list(t.w.shape)}`));
  if (t.b) lines.push(make(t.b, "b", "bias, one value per output channel"));
  lines.push("");
  if (framework === "tf" && a.stride.some((s, i) => s > 1 && a.dilation[i]! > 1)) {
    lines.push("# Note: TensorFlow on CPU refuses strides above 1 together with dilations above 1; run this on a GPU, or use --framework torch.", "");
  }
  if (framework === "tf") lines.push(...tfBody(p, !!t.b));
  else lines.push(...channelsFirstBody(p, framework, !!t.b));
  lines.push("", "",
    "def tidy(v):",
    "    \"\"\"Whole numbers as integers (and -0.0 as 0), as tconv eval --json prints them.\"\"\"",
    "    if isinstance(v, list):",
    "        return [tidy(u) for u in v]",
    "    return int(v) if float(v).is_integer() else v",
    "",
    "",
    `print(json.dumps({"shape": list(y.shape), "output": tidy(${framework === "tf" ? "y.numpy().tolist()" : "y.tolist()"})}, separators=(",", ":")))`,
    "");
  return lines.join("\n");
}

/** numpy and PyTorch work channels-first: [N, C, *spatial]. */
function channelsFirstBody(p: Problem, framework: "numpy" | "torch", hasBias: boolean): string[] {
  const r = p.info.rank, a = paramsOf(p.info), op = p.info.op;
  const out: string[] = [];
  const add = framework === "numpy" ? "x[None]" : "x.unsqueeze(0)";
  if (p.layout === "plain") {
    out.push("# to channels-first [N, C, *spatial]: one image, one channel",
      framework === "numpy" ? "x = x[None, None]" : "x = x[None, None]", "w = w[None, None]");
  } else if (p.layout === "tf") {
    out.push("# tf layout to channels-first: input [N, *spatial, C] -> [N, C, *spatial]");
    if (!p.batched) out.push(`x = ${add}  # add the batch axis`);
    const xp = `(0, ${r + 1}, ${range(r, 1).join(", ")})`;
    const wp = `(${r + 1}, ${r}, ${range(r).join(", ")})`;
    out.push(framework === "numpy" ? `x = x.transpose${xp}` : `x = x.permute${xp}`);
    out.push(`# kernel [*k, ${op === "transposed" ? "C_out/groups, C_in" : "C_in/groups, C_out"}] -> [${op === "transposed" ? "C_in, C_out/groups" : "C_out, C_in/groups"}, *k]`);
    out.push(framework === "numpy" ? `w = w.transpose${wp}` : `w = w.permute${wp}`);
  } else if (!p.batched) {
    out.push(`x = ${add}  # add the batch axis`);
  }
  if (out.length > 0) out.push("");
  const symmetric = a.padBegin.every((v, i) => v === a.padEnd[i]);
  if (framework === "numpy") {
    out.push(...(op === "transposed" ? NUMPY_TRANSPOSED : NUMPY_CONV), "");
    out.push(op === "transposed"
      ? `y = conv_transpose(x, w, stride=${seq(a.stride)}, dilation=${seq(a.dilation)}, pad_begin=${seq(a.padBegin)}, pad_end=${seq(a.padEnd)}, output_padding=${seq(a.outputPadding)}, groups=${a.groups})`
      : `y = conv(x, w, stride=${seq(a.stride)}, dilation=${seq(a.dilation)}, pad_begin=${seq(a.padBegin)}, pad_end=${seq(a.padEnd)}, groups=${a.groups})`);
    if (hasBias) out.push(`y = y + b.reshape((1, -1) + (1,) * ${r})  # the bias of each output channel`);
  } else if (op === "transposed") {
    const fn = `F.conv_transpose${r}d`;
    if (symmetric) {
      out.push(`y = ${fn}(x, w, ${hasBias ? "b" : "None"}, stride=${seq(a.stride)}, padding=${seq(a.padBegin)}, output_padding=${seq(a.outputPadding)}, groups=${a.groups}, dilation=${seq(a.dilation)})`);
    } else {
      const full = p.info.axes.map((ax) => (ax.inSize - 1) * ax.stride + ax.dilation * (ax.kernel - 1) + 1);
      const extra = p.info.axes.map((ax, i) => Math.max(0, ax.padBegin + ax.outSize - full[i]!));
      out.push(`# PyTorch pads both ends of an axis alike, but these pads differ (${list(a.padBegin)} before, ${list(a.padEnd)} after):`,
        "# compute without padding, then crop: output position o is position o + pad_begin of the uncropped result.",
        `y = ${fn}(x, w, None, stride=${seq(a.stride)}, padding=0, output_padding=0, groups=${a.groups}, dilation=${seq(a.dilation)})`);
      if (extra.some((e) => e > 0)) {
        out.push(`y = F.pad(y, ${seq([...extra].reverse().flatMap((e) => [0, e]))})  # the output padding: zeros at the end (F.pad lists the last axis first)`);
      }
      out.push(`y = y[:, :, ${p.info.axes.map((ax) => `${ax.padBegin}:${ax.padBegin + ax.outSize}`).join(", ")}]`);
      if (hasBias) out.push(`y = y + b.reshape((1, -1) + (1,) * ${r})  # the bias of each output channel`);
    }
  } else {
    const fn = `F.conv${r}d`;
    if (symmetric) {
      out.push(`y = ${fn}(x, w, ${hasBias ? "b" : "None"}, stride=${seq(a.stride)}, padding=${seq(a.padBegin)}, dilation=${seq(a.dilation)}, groups=${a.groups})`);
    } else {
      out.push(`# PyTorch pads both ends of an axis alike, but these pads differ (${list(a.padBegin)} before, ${list(a.padEnd)} after): pad the input first`,
        `x = F.pad(x, ${seq([...range(r)].reverse().flatMap((i) => [a.padBegin[i]!, a.padEnd[i]!]))})  # F.pad lists the last axis first`,
        `y = ${fn}(x, w, ${hasBias ? "b" : "None"}, stride=${seq(a.stride)}, padding=0, dilation=${seq(a.dilation)}, groups=${a.groups})`);
    }
  }
  out.push("");
  if (p.layout === "plain") out.push("y = y[0, 0]  # back to the plain layout: spatial axes only");
  else if (p.layout === "tf") {
    const yp = `(0, ${range(r, 2).join(", ")}, 1)`;
    out.push(`y = y.${framework === "numpy" ? "transpose" : "permute"}${yp}  # back to the tf layout [N, *spatial, C_out]`);
    if (!p.batched) out.push("y = y[0]  # the input had no batch axis");
  } else if (!p.batched) out.push("y = y[0]  # the input had no batch axis");
  return out;
}

const NUMPY_TRANSPOSED = [
  "def conv_transpose(x, w, stride, dilation, pad_begin, pad_end, output_padding, groups):",
  "    \"\"\"Transposed convolution from its index relation: input position a and kernel tap t",
  "    add x[a]·w[t] to output position o = a·stride + t·dilation − pad_begin.\"\"\"",
  "    n, c_in = x.shape[:2]",
  "    c_in_g, c_out_g = c_in // groups, w.shape[1]",
  "    in_size, k_size = x.shape[2:], w.shape[2:]",
  "    out_size = tuple((i - 1) * s - pb - pe + d * (k - 1) + op + 1",
  "                     for i, k, s, d, pb, pe, op in zip(in_size, k_size, stride, dilation, pad_begin, pad_end, output_padding))",
  "    y = np.zeros((n, c_out_g * groups) + out_size)",
  "    for a in np.ndindex(*in_size):",
  "        for t in np.ndindex(*k_size):",
  "            o = tuple(ai * s + ti * d - pb for ai, ti, s, d, pb in zip(a, t, stride, dilation, pad_begin))",
  "            if not all(0 <= oi < size for oi, size in zip(o, out_size)):",
  "                continue  # cropped away by the padding",
  "            for g in range(groups):",
  "                cin = slice(g * c_in_g, (g + 1) * c_in_g)",
  "                cout = slice(g * c_out_g, (g + 1) * c_out_g)",
  "                # every image and every output channel of the group: a sum over the group's input channels",
  "                y[(slice(None), cout) + o] += np.einsum(\"nc,cd->nd\", x[(slice(None), cin) + a], w[(cin, slice(None)) + t])",
  "    return y",
];

const NUMPY_CONV = [
  "def conv(x, w, stride, dilation, pad_begin, pad_end, groups):",
  "    \"\"\"Convolution as deep-learning libraries define it (cross-correlation): output position o",
  "    reads input position a = o·stride + t·dilation − pad_begin for each kernel tap t (zero outside).\"\"\"",
  "    n, c_in = x.shape[:2]",
  "    c_out, c_in_g = w.shape[:2]",
  "    c_out_g = c_out // groups",
  "    in_size, k_size = x.shape[2:], w.shape[2:]",
  "    out_size = tuple((i + pb + pe - d * (k - 1) - 1) // s + 1",
  "                     for i, k, s, d, pb, pe in zip(in_size, k_size, stride, dilation, pad_begin, pad_end))",
  "    y = np.zeros((n, c_out) + out_size)",
  "    for o in np.ndindex(*out_size):",
  "        for t in np.ndindex(*k_size):",
  "            a = tuple(oi * s + ti * d - pb for oi, ti, s, d, pb in zip(o, t, stride, dilation, pad_begin))",
  "            if not all(0 <= ai < size for ai, size in zip(a, in_size)):",
  "                continue  # reads the zero padding",
  "            for g in range(groups):",
  "                cin = slice(g * c_in_g, (g + 1) * c_in_g)",
  "                cout = slice(g * c_out_g, (g + 1) * c_out_g)",
  "                y[(slice(None), cout) + o] += np.einsum(\"nc,dc->nd\", x[(slice(None), cin) + a], w[(cout, slice(None)) + t])",
  "    return y",
];

/** TensorFlow works channels-last: [N, *spatial, C]. */
function tfBody(p: Problem, hasBias: boolean): string[] {
  const r = p.info.rank, a = paramsOf(p.info), op = p.info.op, g = a.groups;
  const out: string[] = [];
  if (p.layout === "plain") {
    out.push("# to channels-last [N, *spatial, C] and TF's kernel order: one image, one channel",
      "x = x[None, ..., None]", "w = w[..., None, None]");
  } else if (p.layout === "torch") {
    out.push("# torch layout to channels-last: input [N, C, *spatial] -> [N, *spatial, C]");
    if (!p.batched) out.push("x = x[None]  # add the batch axis");
    out.push(`x = tf.transpose(x, ${list([0, ...range(r, 2), 1])})`);
    out.push(`# kernel [${op === "transposed" ? "C_in, C_out/groups" : "C_out, C_in/groups"}, *k] -> [*k, ${op === "transposed" ? "C_out/groups, C_in" : "C_in/groups, C_out"}]`);
    out.push(`w = tf.transpose(w, ${list([...range(r, 2), 1, 0])})`);
  } else if (!p.batched) {
    out.push("x = x[None]  # add the batch axis");
  }
  if (out.length > 0) out.push("");
  const pads = `[[0, 0], ${range(r).map((i) => `[${a.padBegin[i]}, ${a.padEnd[i]}]`).join(", ")}, [0, 0]]`;
  if (op === "transposed") {
    const full = p.info.axes.map((ax) => (ax.inSize - 1) * ax.stride + ax.dilation * (ax.kernel - 1) + 1);
    const extra = p.info.axes.map((ax, i) => Math.max(0, ax.padBegin + ax.outSize - full[i]!));
    out.push(`def conv_transpose(x, w):`,
      `    """TF's ${r}-D transposed convolution without padding ('VALID'): the whole uncropped result."""`,
      `    full = [x.shape[0], ${full.join(", ")}, w.shape[-2]]`,
      `    return tf.nn.conv${r}d_transpose(x, w, output_shape=full, strides=${list(a.stride)}, padding="VALID", dilations=${list(a.dilation)})`,
      "");
    if (g > 1) {
      out.push(`# TF has no groups here: split the input channels and the kernel into ${g} groups and join the results`,
        `y = tf.concat([conv_transpose(xg, wg) for xg, wg in zip(tf.split(x, ${g}, axis=-1), tf.split(w, ${g}, axis=-1))], axis=-1)`);
    } else {
      out.push("y = conv_transpose(x, w)");
    }
    if (extra.some((e) => e > 0)) out.push(`y = tf.pad(y, [[0, 0], ${extra.map((e) => `[0, ${e}]`).join(", ")}, [0, 0]])  # the output padding: zeros at the end`);
    out.push(`y = y[:, ${p.info.axes.map((ax) => `${ax.padBegin}:${ax.padBegin + ax.outSize}`).join(", ")}, :]  # crop the padding: ${list(a.padBegin)} before, ${list(a.padEnd)} after`);
  } else {
    out.push(`x = tf.pad(x, ${pads})  # the padding: ${list(a.padBegin)} before, ${list(a.padEnd)} after`);
    const call = (xv: string, wv: string) => `tf.nn.convolution(${xv}, ${wv}, strides=${list(a.stride)}, padding="VALID", dilations=${list(a.dilation)})`;
    if (g > 1) {
      out.push(`# split the input channels and the kernel's output channels into ${g} groups and join the results`,
        `y = tf.concat([${call("xg", "wg")} for xg, wg in zip(tf.split(x, ${g}, axis=-1), tf.split(w, ${g}, axis=-1))], axis=-1)`);
    } else {
      out.push(`y = ${call("x", "w")}`);
    }
  }
  if (hasBias) out.push("y = y + b  # the bias of each output channel (the last axis)");
  out.push("");
  if (p.layout === "plain") out.push("y = y[0, ..., 0]  # back to the plain layout: spatial axes only");
  else if (p.layout === "torch") {
    out.push(`y = tf.transpose(y, ${list([0, r + 1, ...range(r, 1)])})  # back to the torch layout [N, C_out, *spatial]`);
    if (!p.batched) out.push("y = y[0]  # the input had no batch axis");
  } else if (!p.batched) out.push("y = y[0]  # the input had no batch axis");
  return out;
}
