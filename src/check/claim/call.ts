/**
 * The call syntax framework prints share: `name(data, key=value, ...)` — `tensor([[1., 2.]],
 * grad_fn=<ConvolutionBackward0>)`, `array([[1, 2]], dtype=int32)`, `tf.Tensor([[1 2]],
 * shape=(1, 2), dtype=int32)`. Arguments are split at top-level commas (brackets and quotes kept
 * together) by a single left-to-right scan; nothing is evaluated.
 */
import { TconvError } from "../../spec/error.ts";
import { DTYPE_RELATIVE_TOLERANCE } from "../compare.ts";
import { parseBrackets } from "./brackets.ts";
import type { ClaimEntry } from "./entry.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

/** A parsed call: its name, the first positional argument and the keyword arguments in order. */
export interface Call {
  readonly name: string;
  readonly data: string | undefined;
  readonly kwargs: ReadonlyArray<readonly [string, string]>;
}

/**
 * Splits `text` at commas outside brackets, parentheses, angle brackets after `=` and quotes.
 *
 * @example splitArgs("[[1, 2]], shape=(1, 2), dtype=int32") // ["[[1, 2]]", "shape=(1, 2)", "dtype=int32"]
 */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0, quote = "", start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) { if (ch === quote) quote = ""; continue; }
    if (ch === "'" || ch === '"') quote = ch;
    else if ("([{".includes(ch) || (ch === "<" && text[i - 1] === "=")) depth++;
    else if (")]}>".includes(ch) && depth > 0) depth--;
    else if (ch === "," && depth === 0) { out.push(text.slice(start, i).trim()); start = i + 1; }
  }
  const last = text.slice(start).trim();
  if (last !== "") out.push(last);
  return out;
}

/**
 * Reads `name(...)` when `text` is exactly one call; undefined otherwise.
 *
 * @example parseCall("tensor([[1., 2.]], requires_grad=True)")?.kwargs // [["requires_grad", "True"]]
 */
export function parseCall(text: string, field: string): Call | undefined {
  const m = /^([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)$/.exec(text.trim());
  if (!m) return undefined;
  const args = splitArgs(m[2]!);
  const kwargs: [string, string][] = [];
  let data: string | undefined;
  args.forEach((a, i) => {
    const kw = /^([A-Za-z_]\w*)\s*=\s*([\s\S]*)$/.exec(a);
    if (kw) kwargs.push([kw[1]!, kw[2]!.trim()]);
    else if (i === 0) data = a;
    else throw new TconvError("bad-claim", field, `unexpected "${a.slice(0, 30)}" in ${m[1]}(...): only the data and key=value may be given`);
  });
  return { name: m[1]!, data, kwargs };
}

/**
 * A framework's element type without its module (`torch.float32`, `tf.float32`, `'float32'` →
 * `float32`), with the spellings PyTorch and numpy share mapped to one name.
 *
 * @example dtypeName("torch.half") // "float16"
 */
export function dtypeName(raw: string): string {
  const t = raw.trim().replace(/^['"]|['"]$/g, "").replace(/^(?:torch|tf|np|numpy|jnp|tensorflow)\./, "");
  const aliases: Record<string, string> = { half: "float16", double: "float64", float: "float64", single: "float32", long: "int64", int: "int64" };
  return aliases[t] ?? t;
}

/** A stated shape `(1, 3, 3, 1)`, `[3, 3]`, `torch.Size([3, 3])`, `TensorShape([3, 3])`. @example statedShape("(1, 3, 3, 1)", "shape", "--claim") // [1, 3, 3, 1] */
export function statedShape(raw: string, key: string, field: string): number[] {
  const inner = raw.trim().replace(/^(?:torch\.Size|TensorShape)\s*\(([\s\S]*)\)$/, "$1").trim();
  const m = /^[([]([\d\s,]*)[)\]]$/.exec(inner);
  if (!m) throw new TconvError("bad-claim", field, `${key}=${raw.slice(0, 30)} is not a shape such as (1, 3, 3, 1)`);
  return m[1]!.split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
}

/**
 * The data of a print (numpy's comma-free rows or a list with commas, floats written `1.`),
 * read through the shared bracket grammar, with `...` gaps filled to `shape`.
 *
 * @example printedData("[[ 1.  2.]\n [ 3. -4.]]", "--claim").shape // [2, 2]
 */
export function printedData(text: string, field: string, shape?: readonly number[]): ClaimGrid {
  // numpy prints floats as `1.` (and `1.e+00`); the entry parser reads `1` and `1e+00`.
  return gridFromNested(parseBrackets(text.replace(/(\d)\.(?![\d.])/g, "$1"), field, true), field, shape);
}

/**
 * The claim finished with what the print states about itself: a stated shape must be the data's;
 * a float dtype sets each entry's tolerance (float32 prints are right to float32 precision).
 *
 * @example withStated(grid, { dtype: "float32" }, "--claim").entries[0].relTol // 2^-22
 */
export function withStated(grid: ClaimGrid, stated: { shape?: readonly number[]; dtype?: string }, field: string): ClaimGrid {
  const { shape, dtype } = stated;
  if (shape && (shape.length !== grid.shape.length || shape.some((n, i) => n !== grid.shape[i]))) {
    throw new TconvError("claim-shape-mismatch", field,
      `the print states shape (${shape.join(", ")}) but its data has shape (${grid.shape.join(", ")})`,
      { expected: `(${shape.join(", ")})`, actual: `(${grid.shape.join(", ")})` });
  }
  const relTol = dtype !== undefined ? (DTYPE_RELATIVE_TOLERANCE as Record<string, number | undefined>)[dtype] : undefined;
  const entries = relTol === undefined ? grid.entries
    : grid.entries.map((e): ClaimEntry => (e.kind === "unknown" ? e : { ...e, relTol }));
  return { ...grid, entries, ...(shape ? { statedShape: [...shape] } : {}), ...(dtype !== undefined ? { dtype } : {}) };
}
