/**
 * Binding a call's arguments to a framework's signature (positional in its order, or by
 * keyword), and reading the values the frameworks accept: integers, per-axis tuples, strings,
 * booleans. Every refusal names the argument and its character position.
 */
import { TconvError } from "../error.ts";
import type { PyArg, PyCall, PyValue } from "./python-call.ts";

/** What a layer string says, before the tensors' shapes are known. */
export interface LayerSpec {
  readonly framework: "torch" | "keras";
  /** The option (or note key) the text came from, for errors. */
  readonly field: string;
  /** A module/layer constructor, or a functional call on tensors (`F.conv_transpose2d`, `tf.nn.conv2d_transpose`). */
  readonly form: "module" | "functional";
  /** The call's name without its prefix: `ConvTranspose2d`, `conv_transpose2d`, `Conv2DTranspose`, `conv2d_transpose`. */
  readonly name: string;
  readonly op: "transposed" | "conv";
  readonly rank: number;
  /** PyTorch modules only. */
  readonly inChannels?: number;
  /** PyTorch `out_channels`, Keras `filters`. */
  readonly outChannels?: number;
  readonly kernelSize?: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: { readonly kind: "explicit"; readonly values: readonly number[] } | { readonly kind: "same" | "valid" };
  /** `null`: Keras `output_padding=None` (its own size rule); PyTorch defaults to zeros. */
  readonly outputPadding: readonly number[] | null;
  /** `tf.nn.conv2d_transpose`'s whole `output_shape` [N, *spatial, C_out]. */
  readonly outputShape?: readonly number[];
  readonly groups: number;
  /** Whether the layer adds a bias (its values come from `--bias`; 0 when not given). */
  readonly bias: boolean;
  /** Keyword arguments accepted because they do not change the numbers. */
  readonly ignored: readonly string[];
}

export const layerError = (field: string, pos: number, message: string, code = "bad-layer"): never => {
  throw new TconvError(code, field, `at character ${pos}: ${message}`);
};

/**
 * Positional arguments in the signature's order, keywords by name; a keyword that is neither
 * in the signature nor in `ignorable` is refused.
 */
export function bindArgs(
  call: PyCall, field: string, signature: readonly string[], ignorable: (key: string, value: PyValue) => boolean,
): { bound: Map<string, PyArg>; ignored: string[] } {
  const bound = new Map<string, PyArg>();
  const ignored: string[] = [];
  call.args.forEach((arg, i) => {
    if (arg.key === undefined) {
      const name = signature[i];
      if (name === undefined) {
        layerError(field, arg.pos, `${call.name} takes at most ${signature.length} positional arguments (${signature.join(", ")}), got ${call.args.filter((a) => a.key === undefined).length}`);
      }
      bound.set(name!, arg);
      return;
    }
    if (signature.includes(arg.key)) {
      if (bound.has(arg.key)) layerError(field, arg.pos, `${call.name} got multiple values for argument '${arg.key}'`);
      bound.set(arg.key, arg);
      return;
    }
    if (ignorable(arg.key, arg.value)) { ignored.push(arg.key); return; }
    layerError(field, arg.pos, `${call.name} got an unexpected keyword argument '${arg.key}' (accepted: ${signature.join(", ")})`);
  });
  return { bound, ignored };
}

/** Reads values of one argument; `what` is the argument's name in the framework's words. */
export class ArgReader {
  constructor(readonly field: string, readonly bound: Map<string, PyArg>, readonly callName: string) {}

  has(key: string): boolean { return this.bound.has(key); }

  value(key: string): PyValue | undefined { return this.bound.get(key)?.value; }

  required(key: string, pos: number): PyValue {
    const v = this.value(key);
    if (v === undefined) layerError(this.field, pos, `${this.callName} missing required argument: '${key}'`);
    return v!;
  }

  int(v: PyValue, key: string): number {
    if (v.kind !== "int") layerError(this.field, v.pos, `${key} must be an integer, got ${describeValue(v)}`);
    return (v as { value: number }).value;
  }

  /** An integer or a tuple/list of `rank` integers (PyTorch's and Keras's per-axis arguments). */
  perAxis(v: PyValue, key: string, rank: number, framework: "torch" | "keras"): number[] {
    if (v.kind === "int") return Array<number>(rank).fill(v.value);
    if (v.kind === "seq") {
      const values = v.items.map((item) => this.int(item, key));
      if (values.length !== rank) {
        const got = `${key}=${v.bracket === "(" ? `(${values.join(", ")}${values.length === 1 ? "," : ""})` : `[${values.join(", ")}]`}`;
        layerError(this.field, v.pos, framework === "torch"
          ? `expected ${key} to be a single integer value or a list of ${rank} values to match the convolution dimensions, but got ${got}`
          : `The \`${key}\` argument must be a tuple of ${rank} integers. Received ${got}`);
      }
      return values;
    }
    return layerError(this.field, v.pos, `${key} must be an integer or a tuple of ${rank} integers, got ${describeValue(v)}`);
  }

  bool(v: PyValue, key: string): boolean {
    if (v.kind !== "const" || v.value === null) layerError(this.field, v.pos, `${key} must be True or False, got ${describeValue(v)}`);
    return (v as { value: boolean }).value;
  }

  str(v: PyValue, key: string): string {
    if (v.kind !== "str") layerError(this.field, v.pos, `${key} must be a string, got ${describeValue(v)}`);
    return (v as { value: string }).value;
  }
}

/** A value as the user wrote it, for messages. */
export function describeValue(v: PyValue): string {
  switch (v.kind) {
    case "int": return String(v.value);
    case "float": return v.text;
    case "str": return `'${v.value}'`;
    case "const": return v.value === null ? "None" : v.value ? "True" : "False";
    case "name": return v.name;
    case "seq": return `${v.bracket}${v.items.map(describeValue).join(", ")}${v.bracket === "(" ? ")" : "]"}`;
    case "call": return `${v.call.name}(…)`;
    default: { const never: never = v; return never; }
  }
}

/** Splits `prefix.Name` into the accepted prefix and the name; undefined when the prefix is not accepted. */
export function stripPrefix(name: string, prefixes: readonly string[]): string | undefined {
  for (const p of prefixes) {
    if (p === "" ? !name.includes(".") : name.startsWith(p) && !name.slice(p.length).includes(".")) return name.slice(p.length);
  }
  return undefined;
}

/** Every positive, in the framework's words. */
export function requirePositiveValues(values: readonly number[], field: string, pos: number, key: string, message: string): void {
  if (values.some((v) => v < 1)) layerError(field, pos, `${message} (got ${key}=${values.every((v) => v === values[0]) ? values[0] : `(${values.join(", ")})`})`);
}
