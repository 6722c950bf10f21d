/**
 * Tensor literals as users write them on the command line: `[[1,2],[3,4]]`, `[[1/2, 0.25]]`,
 * `[[a,b],[c,d]]`, or `@path.json` holding the same text.
 *
 * The common case (integers, fractions, decimals, symbols) goes through a small hand-written
 * parser: the start-up target of `tconv eval` forbids loading mathjs, which alone costs over a
 * second. Only entries that are arithmetic expressions (`-3/4*2`, `1/3+1`, `2^-3`) are handed to
 * mathjs, loaded lazily through its prebuilt bundle the first time such an entry appears.
 */
import { platform, type MathInstance } from "../platform.ts";
import { Rational } from "../algebra/rational.ts";
import { exact, float, symbol, type Scalar, type ScalarTensor } from "../algebra/scalar.ts";
import { isTconvError, quote, TconvError, withoutContent } from "./error.ts";
import { MAX_ENTRY_LENGTH, MAX_EXACT_BITS, MAX_NESTING, MAX_SYMBOL_LENGTH, requireNestingLimit } from "./limits.ts";

/** Where a tensor literal came from and what it may contain. */
export interface LiteralOptions {
  /** The option or field the text came from (`--input`, `kernel`); every error names it. */
  readonly field: string;
  /** Whether symbols (`a`, `w1`, `x_{1,2}`, `\alpha`) are accepted as entries. */
  readonly allowSymbols: boolean;
  /** Directory that `@path.json` is resolved against (default: the process's). */
  readonly cwd?: string;
  /** When set, `@path.json` must stay inside this directory (notes: the note's folder). */
  readonly fileRoot?: string;
  /** Size cap of an `@path.json` file in bytes. */
  readonly maxFileBytes?: number;
}

/** A nested list while parsing: entry texts or sub-lists (shapeOf refuses a mix). */
type Node = string | Node[];

const INTEGER = /^[+-]?\d+$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Letters with an optional subscript: `w`, `w1`, `x_1`, `x_{1,2}`, `\alpha`, `\beta_{0}`. */
const SYMBOL = /^(\\?[A-Za-z][A-Za-z0-9]*)(?:_(\{[A-Za-z0-9,]+\}|[A-Za-z0-9]))?$/;
/** What an arithmetic entry may contain: numbers and + - * / ^ ( ), nothing mathjs could call. */
const EXPRESSION = /^[0-9.eE+\-*/^()\s]+$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

const GREEK = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
  "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
  "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
  "Upsilon", "Phi", "Psi", "Omega",
]);

/**
 * Parses a nested array literal into a row-major tensor of exact numbers, floats or symbols.
 * Integers and fractions are exact; a decimal is a float (its arithmetic is float64); symbols
 * are accepted only when `allowSymbols`. Ragged or empty arrays, NaN and Infinity are refused.
 *
 * @example
 * parseTensorLiteral("[[1, 2], [3, 4]]", { field: "--input", allowSymbols: false }).shape // → [2, 2]
 * parseTensorLiteral("[1/2, 0.5]", { field: "--input", allowSymbols: false }).data.map((s) => s.kind)
 * // → ["exact", "float"]
 * parseTensorLiteral("[a, x_{1,2}]", { field: "--kernel", allowSymbols: true }).data[1]
 * // → {"kind":"symbol","name":"x_{1,2}","tex":"x_{1,2}"}
 */
export function parseTensorLiteral(text: string, opts: LiteralOptions): ScalarTensor {
  const file = text.trim().startsWith("@") ? text.trim().slice(1) : undefined;
  if (file === undefined) return parseLiteralText(text.trim(), opts);
  const source = platform().readFile(file, opts.field, {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.fileRoot !== undefined ? { root: opts.fileRoot } : {}),
    ...(opts.maxFileBytes !== undefined ? { maxBytes: opts.maxFileBytes } : {}),
  }).trim();
  try {
    return parseLiteralText(source, opts);
  } catch (e) {
    throw isTconvError(e) ? withoutContent(e, file) : e;
  }
}

function parseLiteralText(source: string, opts: LiteralOptions): ScalarTensor {
  requireNestingLimit(source, opts.field);
  const root = parseNested(source, opts.field);
  if (!Array.isArray(root)) {
    throw new TconvError("bad-literal", opts.field,
      `expected a nested array literal such as [[1,2],[3,4]], got a bare value "${clip(root)}"`);
  }
  return fromNodes(root, opts);
}

/** Nested arrays of numbers or entry strings, as library users and YAML notes give tensors. */
export type NestedValues = readonly (number | string | NestedValues)[];

/**
 * The same tensor from nested arrays instead of text: numbers are classified like written
 * entries (an integer is exact, any other number a float), strings are parsed as entries.
 *
 * @example
 * tensorFromValues([[1, "3/4"], [0.5, 2]], { field: "input", allowSymbols: false }).shape // → [2, 2]
 */
export function tensorFromValues(values: NestedValues, opts: LiteralOptions): ScalarTensor {
  const toNode = (v: number | string | NestedValues, depth: number): Node => {
    if (Array.isArray(v)) {
      if (depth >= MAX_NESTING) {
        throw new TconvError("too-deep", opts.field, `arrays nest more than ${MAX_NESTING} deep; a tensor needs one level per axis`);
      }
      return (v as NestedValues).map((c) => toNode(c, depth + 1));
    }
    if (typeof v === "number") return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
    if (typeof v === "string") return v.trim();
    throw new TconvError("bad-entry", opts.field, `expected numbers or strings in the nested arrays, got ${typeof v}`);
  };
  if (!Array.isArray(values)) {
    throw new TconvError("bad-literal", opts.field, "expected nested arrays such as [[1,2],[3,4]]");
  }
  return fromNodes(toNode(values, 0) as Node[], opts);
}

function fromNodes(root: Node[], opts: LiteralOptions): ScalarTensor {
  const shape = shapeOf(root, opts.field, []);
  const texts: string[] = [];
  flatten(root, texts);
  const data = new Array<Scalar>(texts.length);
  for (let i = 0; i < texts.length; i++) data[i] = parseEntry(texts[i]!, i, shape, opts);
  return { shape, data };
}

/**
 * Parses a comma-separated list of positive integers such as `2,2` (brackets optional) — a
 * spatial shape for `shape` and `matrix`.
 *
 * @example
 * parseShape("2,3") // → [2, 3]
 * parseShape("[4]", "--kernel-shape") // → [4]
 */
export function parseShape(text: string, field = "inputShape"): number[] {
  const body = text.trim().replace(/^\[(.*)\]$/s, "$1").trim();
  if (body === "") throw new TconvError("bad-shape", field, "expected sizes such as 2,2; got nothing");
  return body.split(",").map((part, i) => {
    const t = part.trim();
    if (!/^\+?\d+$/.test(t) || Number(t) < 1 || !Number.isSafeInteger(Number(t))) {
      throw new TconvError("bad-shape", field,
        `size ${i + 1} is "${clip(t)}"; every size must be a positive integer (e.g. 2,2)`);
    }
    return Number(t);
  });
}

/** Recursive descent over `[`, `]`, `,`; entries are the text between, braces and parentheses kept whole. */
function parseNested(src: string, field: string): Node {
  let pos = 0;
  const fail = (what: string): never => {
    throw new TconvError("bad-literal", field, `${what} at character ${pos + 1} of "${clip(src)}"`);
  };
  const skipSpace = () => {
    for (;;) {
      const c = src.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else if (c > 127 && /\s/.test(src[pos]!)) pos++;
      else return;
    }
  };

  const parseValue = (): Node => {
    skipSpace();
    if (src[pos] === "[") {
      pos++;
      const items: Node[] = [];
      skipSpace();
      if (src[pos] === "]") { pos++; return items; }
      for (;;) {
        items.push(parseValue());
        skipSpace();
        if (src[pos] === ",") { pos++; continue; }
        if (src[pos] === "]") { pos++; return items; }
        return fail(pos >= src.length ? "missing ]" : `unexpected "${src[pos]}"`);
      }
    }
    const start = pos;
    let depth = 0;
    while (pos < src.length) {
      const c = src[pos]!;
      if (c === "{" || c === "(") depth++;
      else if (c === "}" || c === ")") depth--;
      else if (depth === 0 && (c === "," || c === "]" || c === "[")) break;
      pos++;
    }
    const entry = src.slice(start, pos).trim();
    if (entry === "") return fail("missing entry");
    if (depth !== 0) return fail(`unbalanced brackets in "${clip(entry)}"`);
    return entry;
  };

  const root = parseValue();
  skipSpace();
  if (pos < src.length) fail(`unexpected "${src[pos]}" after the literal`);
  return root;
}

function shapeOf(node: Node[], field: string, path: number[]): number[] {
  const where = path.length ? ` at [${path.join(",")}]` : "";
  if (node.length === 0) throw new TconvError("empty-tensor", field, `empty array${where}; every axis needs at least one entry`);
  const first = node[0]!;
  const inner = Array.isArray(first) ? shapeOf(first, field, [...path, 0]) : [];
  node.forEach((child, i) => {
    if (i === 0) return;
    const childShape = Array.isArray(child) ? shapeOf(child, field, [...path, i]) : [];
    if (childShape.length !== inner.length || childShape.some((n, k) => n !== inner[k])) {
      throw new TconvError("ragged-tensor", field,
        `ragged array: [${[...path, i].join(",")}] has shape [${childShape.join(",")}] but [${[...path, 0].join(",")}] has [${inner.join(",")}]`);
    }
  });
  return [node.length, ...inner];
}

/** Entry texts in row-major order (the shape is already known to be regular). */
function flatten(node: Node[], out: string[]): void {
  for (const child of node) {
    if (typeof child === "string") out.push(child);
    else flatten(child, out);
  }
}

/** `entry [1,0] "abc"`: the multi-index is only worked out when an error needs it. */
function describeEntry(text: string, flat: number, shape: readonly number[]): string {
  const index = new Array<number>(shape.length);
  for (let ax = shape.length - 1; ax >= 0; ax--) { index[ax] = flat % shape[ax]!; flat = Math.floor(flat / shape[ax]!); }
  return `entry [${index.join(",")}] "${clip(text)}"`;
}

function parseEntry(text: string, flat: number, shape: readonly number[], opts: LiteralOptions): Scalar {
  if (text.length > MAX_ENTRY_LENGTH) {
    throw new TconvError("entry-too-long", opts.field,
      `${describeEntry(text, flat, shape)} is ${text.length} characters long, above the limit of ${MAX_ENTRY_LENGTH}`);
  }
  // Up to 15 digits fits a double exactly; longer integers go through BigInt.
  if (INTEGER.test(text)) return exact(text.length <= 15 ? Rational.int(Number(text)) : Rational.of(BigInt(text)));
  const where = () => describeEntry(text, flat, shape);
  const frac = FRACTION.exec(text);
  if (frac) {
    const den = BigInt(frac[2]!);
    if (den === 0n) throw new TconvError("bad-entry", opts.field, `${where()}: division by zero`);
    return exact(Rational.of(BigInt(frac[1]!), den));
  }
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) throw new TconvError("not-finite", opts.field, `${where()}: too large for a float64 (entries must be finite)`);
    return float(value);
  }
  if (NOT_FINITE.test(text)) throw new TconvError("not-finite", opts.field, `${where()}: NaN and Infinity are not allowed; entries must be finite numbers`);
  const sym = SYMBOL.exec(text);
  if (sym) {
    if (!opts.allowSymbols) {
      throw new TconvError("symbol-not-allowed", opts.field,
        `${where()}: this command takes numbers only (symbols are for explain and matrix)`);
    }
    if (text.length > MAX_SYMBOL_LENGTH) {
      throw new TconvError("symbol-too-long", opts.field, `${where()}: a symbol is ${text.length} characters long, above the limit of ${MAX_SYMBOL_LENGTH}`);
    }
    return symbolEntry(text, sym[1]!, sym[2], where(), opts.field);
  }
  if (EXPRESSION.test(text)) return evaluateExpression(text, where(), opts.field);
  throw new TconvError("bad-entry", opts.field,
    `${where()}: expected an integer, a fraction like 3/4, a decimal${opts.allowSymbols ? ", a symbol like w_{1,2}" : ""} or arithmetic on numbers`);
}

/** Builds the symbol's TeX from the validated pieces only, so nothing the user typed reaches TeX raw. */
function symbolEntry(name: string, base: string, sub: string | undefined, where: string, field: string): Scalar {
  let baseTex: string;
  if (base.startsWith("\\")) {
    const letter = base.slice(1);
    if (!GREEK.has(letter)) throw new TconvError("bad-symbol", field, `${where}: \\${letter} is not a Greek letter; symbols are letters and digits`);
    baseTex = `\\${letter}`;
  } else if (GREEK.has(base)) {
    baseTex = `\\${base}`;
  } else {
    // `w1` reads as w with subscript 1, as in hand-written notes; `ab` stays one italic name.
    const m = /^([A-Za-z]+)(\d+)$/.exec(base);
    if (m && sub === undefined) return symbol(name, `${letters(m[1]!)}_{${m[2]}}`);
    baseTex = letters(base);
  }
  if (sub === undefined) return symbol(name, baseTex);
  const inner = sub.startsWith("{") ? sub.slice(1, -1) : sub;
  return symbol(name, `${baseTex}_{${inner}}`);
}

/** One letter is italic math as is; a longer name is set as one word rather than a product. */
const letters = (s: string) => (s.length === 1 ? s : `\\mathit{${s}}`);

let fractionMath: MathInstance | undefined;
let numberMath: MathInstance | undefined;

/** mathjs, from the platform on first use: only entries written as expressions need it. */
function loadMath(field: string): { fraction: MathInstance; number: MathInstance } {
  if (!fractionMath || !numberMath) {
    const bundle = platform().loadMathjs(field);
    fractionMath = bundle.create({ number: "Fraction" });
    numberMath = bundle.create({ number: "number" });
  }
  return { fraction: fractionMath, number: numberMath };
}

/**
 * Arithmetic on numbers: exact (mathjs Fraction) when it has no decimal point, float64 otherwise,
 * matching how plain entries are classified.
 */
function evaluateExpression(text: string, where: string, field: string): Scalar {
  if (/[\d.)]\s*\(|\)\s*[\d.(]|\d\s+[\d.]/.test(text)) {
    throw new TconvError("bad-entry", field, `${where}: write multiplication with *, numbers next to each other are ambiguous`);
  }
  const isFloat = /[.]|\d[eE]/.test(text);
  // Exact powers grow without bound (2^100000000, 9^9^9): bound the result's size before mathjs computes it.
  const bits = expressionBits(text, where, field);
  if (!isFloat && !(bits <= MAX_EXACT_BITS)) {
    throw new TconvError("entry-too-large", field,
      `${where}: the exact value would have ${Number.isFinite(bits) ? `up to ${Math.ceil(bits)}` : "too many"} bits, above the limit of ${MAX_EXACT_BITS}; write it as a decimal to get a float64`);
  }
  const math = loadMath(field);
  let result: unknown;
  try {
    result = (isFloat ? math.number : math.fraction).evaluate(text);
  } catch (e) {
    throw new TconvError("bad-entry", field, `${where}: not a valid expression (${(e as Error).message})`);
  }
  const type = math.fraction.typeOf(result);
  if (type === "Fraction") {
    const f = result as { s: bigint; n: bigint; d: bigint };
    return exact(Rational.of(f.s * f.n, f.d));
  }
  if (type === "number" && Number.isFinite(result as number)) return float(result as number);
  throw new TconvError("bad-entry", field, `${where}: does not evaluate to a finite real number`);
}

/** An upper bound on a subexpression's size in bits, and its value when it is a small integer. */
interface Bound { readonly bits: number; readonly value?: bigint }

/**
 * An upper bound on the bits of an exact arithmetic entry's numerator and denominator, read by a
 * small recursive descent over the same grammar mathjs uses for these entries (+ − * / ^ and
 * parentheses; ^ binds tighter than unary minus and is right-associative). Nesting is bounded
 * (the caller's entry length and {@link MAX_NESTING}), so the recursion is too.
 */
function expressionBits(text: string, where: string, field: string): number {
  const tokens = text.match(/\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|[-+*/^()]/g) ?? [];
  let pos = 0, depth = 0;
  const small = (v: bigint): Bound => ({ bits: v === 0n ? 1 : (v < 0n ? -v : v).toString(2).length, ...(v < 1n << 64n && v > -(1n << 64n) ? { value: v } : {}) });
  const number = (t: string): Bound => (/^\d+$/.test(t) ? small(BigInt(t)) : { bits: 64 });
  const primary = (): Bound => {
    const t = tokens[pos++];
    if (t === "(") {
      if (++depth > MAX_NESTING) throw new TconvError("too-deep", field, `${where}: parentheses nest more than ${MAX_NESTING} deep`);
      const b = sum();
      if (tokens[pos] === ")") pos++;
      depth--;
      return b;
    }
    if (t === "-" || t === "+") {
      const b = power();
      return t === "-" && b.value !== undefined ? small(-b.value) : b;
    }
    return t === undefined ? { bits: 1 } : number(t);
  };
  const power = (): Bound => {
    const base = primary();
    if (tokens[pos] !== "^") return base;
    pos++;
    const exp = unary();
    const e = exp.value !== undefined ? Number(exp.value < 0n ? -exp.value : exp.value) : 2 ** exp.bits;
    const bits = base.bits * e;
    if (base.value !== undefined && exp.value !== undefined && exp.value >= 0n && bits <= 64) return small(base.value ** exp.value);
    return { bits: Math.max(bits, 1) };
  };
  const unary = (): Bound => {
    if (tokens[pos] === "-" || tokens[pos] === "+") {
      const sign = tokens[pos++];
      const b = unary();
      return sign === "-" && b.value !== undefined ? small(-b.value) : b;
    }
    return power();
  };
  const product = (): Bound => {
    let left = unary();
    while (tokens[pos] === "*" || tokens[pos] === "/") {
      const op = tokens[pos++];
      const right = unary();
      left = op === "*" && left.value !== undefined && right.value !== undefined
        ? small(left.value * right.value) : { bits: left.bits + right.bits };
    }
    return left;
  };
  const sum = (): Bound => {
    let left = product();
    while (tokens[pos] === "+" || tokens[pos] === "-") {
      const op = tokens[pos++];
      const right = product();
      left = left.value !== undefined && right.value !== undefined
        ? small(op === "+" ? left.value + right.value : left.value - right.value) : { bits: left.bits + right.bits + 1 };
    }
    return left;
  };
  let bits = 0;
  while (pos < tokens.length) {
    const before = pos;
    bits += sum().bits;
    if (pos === before) pos++;
  }
  return bits;
}

/** Quoted values are clipped and escaped by the error class; this keeps messages short. */
const clip = (s: string) => quote(s, 40).slice(1, -1);
