/**
 * Parameter values as users give them — one value for every spatial axis, one per axis, or (for
 * padding) all begins then all ends — turned into per-axis integer lists, and checked in the
 * words of the frameworks whose rules they are.
 */
import { TconvError } from "./error.ts";

/** A parameter as the CLI (a string such as `2` or `2,1`) or the API (numbers) gives it. */
export type ParamValue = number | readonly number[] | string;

/**
 * The integers in a parameter value; refuses anything that is not an integer.
 *
 * @example
 * parseIntList("2, 1", "--stride") // → [2, 1]
 * parseIntList("(2, 1)", "--stride") // → [2, 1]
 * parseIntList(3, "stride")        // → [3]
 */
export function parseIntList(value: ParamValue, field: string): number[] {
  const parts: (number | string)[] = typeof value === "number" ? [value]
    : typeof value === "string" ? splitList(value, field)
    : [...value];
  if (parts.length === 0) throw new TconvError("bad-parameter", field, "expected one or more integers, got nothing");
  return parts.map((p) => {
    const n = typeof p === "number" ? p : /^[+-]?\d+$/.test(p.trim()) ? Number(p.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n)) {
      throw new TconvError("not-integer", field, `expected integers, got "${String(p).trim()}"`, { expected: "integer", actual: String(p) });
    }
    return n;
  });
}

/** `2,1`, `[2, 1]` or PyTorch's tuple `(2, 1)` / `(2,)`: a bracketed list may end in a comma. */
function splitList(text: string, field: string): string[] {
  const trimmed = text.trim();
  const bracketed = /^\[(.*)\]$/s.exec(trimmed) ?? /^\((.*)\)$/s.exec(trimmed);
  const body = bracketed ? bracketed[1]!.trim().replace(/,\s*$/, "") : trimmed;
  if (body === "") throw new TconvError("bad-parameter", field, "expected one or more integers, got nothing");
  return body.split(",");
}

/**
 * One value per spatial axis: a single value is used for every axis.
 *
 * @example
 * perAxis([2], 3, "--stride") // → [2, 2, 2]
 */
export function perAxis(values: readonly number[], rank: number, field: string): number[] {
  if (values.length === 1) return Array<number>(rank).fill(values[0]!);
  if (values.length === rank) return [...values];
  throw new TconvError("wrong-count", field,
    `expected 1 value or ${rank} (one per spatial axis), got ${values.length}`,
    { expected: `1 or ${rank}`, actual: String(values.length) });
}

/**
 * Padding: r values pad both ends of each axis; 2r values are all begins, then all ends (the
 * order of ONNX `pads`).
 *
 * @example
 * splitPadding([1, 2, 1, 0], 2, "--padding") // → { begin: [1, 2], end: [1, 0] }
 */
export function splitPadding(values: readonly number[], rank: number, field: string): { begin: number[]; end: number[] } {
  if (values.length === 2 * rank && rank > 0 && values.length !== 1) {
    return { begin: values.slice(0, rank), end: values.slice(rank) };
  }
  if (values.length === 1 || values.length === rank) {
    const both = perAxis(values, rank, field);
    return { begin: both, end: [...both] };
  }
  throw new TconvError("wrong-count", field,
    `expected 1, ${rank} (both ends of each axis) or ${2 * rank} values (all begins, then all ends as ONNX pads), got ${values.length}`,
    { expected: `1, ${rank} or ${2 * rank}`, actual: String(values.length) });
}

/** PyTorch: "non-positive stride is not supported"; its dilation check says "greater than zero". */
export function requirePositive(values: readonly number[], field: string, what: "stride" | "dilation" | "groups"): void {
  values.forEach((v, i) => {
    if (v < 1) {
      const axis = values.length > 1 ? ` on axis ${i}` : "";
      const words = what === "stride" ? "non-positive stride is not supported"
        : what === "dilation" ? "dilation should be greater than zero"
        : "groups must be a positive integer";
      throw new TconvError(`non-positive-${what}`, field, `${words} (got ${v}${axis})`, { expected: ">= 1", actual: String(v) });
    }
  });
}

/** PyTorch: "negative padding is not supported". */
export function requireNonNegative(values: readonly number[], field: string, what: string): void {
  values.forEach((v, i) => {
    if (v < 0) {
      throw new TconvError(`negative-${what}`, field,
        `negative ${what} is not supported (got ${v}${values.length > 1 ? ` at position ${i}` : ""})`,
        { expected: ">= 0", actual: String(v) });
    }
  });
}

/**
 * PyTorch's rule for output padding: it only picks among the positions the stride (or
 * dilation) leaves ambiguous, so it must be smaller than either.
 */
export function requireOutputPaddingInRange(
  outputPadding: readonly number[], stride: readonly number[], dilation: readonly number[], field: string,
): void {
  outputPadding.forEach((op, i) => {
    const limit = Math.max(stride[i]!, dilation[i]!);
    if (op >= limit) {
      throw new TconvError("output-padding-too-large", field,
        `output padding must be smaller than either stride or dilation, but got output_padding ${op} with stride ${stride[i]} and dilation ${dilation[i]} on axis ${i}`,
        { expected: `< ${limit}`, actual: String(op) });
    }
  });
}
