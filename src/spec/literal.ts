/**
 * Tensor literals as users write them on the command line: `[[1,2],[3,4]]`, `[[1/2, 0.25]]`,
 * `[[a,b],[c,d]]`, or `@path.json` holding the same text.
 *
 * The common case (integers, fractions, decimals, symbols) goes through a small hand-written
 * parser: the start-up target of `tconv eval` forbids loading mathjs, which alone costs over a
 * second. Only entries that are arithmetic expressions (`-3/4*2`, `1/3+1`, `2^-3`) are handed to
 * mathjs, loaded lazily through its prebuilt bundle the first time such an entry appears; so are
 * entries that mix numbers and symbols (`2a + b/3`), which mathjs parses (never simplifies) and
 * this module walks into the project's own exact polynomial.
 */
import { platform, type MathInstance, type MathNode } from "../platform.ts";
import { Rational } from "../algebra/rational.ts";
import { Polynomial, PolynomialBuilder, type Coefficient } from "../algebra/polynomial.ts";
import { exact, expression, float, symbol, type Scalar, type ScalarTensor } from "../algebra/scalar.ts";
import { isTconvError, quote, TconvError, withoutContent } from "./error.ts";
import {
  MAX_ENTRY_LENGTH, MAX_EXACT_BITS, MAX_EXPRESSION_DEGREE, MAX_EXPRESSION_TERMS, MAX_NESTING, MAX_SYMBOL_LENGTH,
  requireNestingLimit,
} from "./limits.ts";

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
/** What an entry mixing numbers and symbols may contain: symbols, numbers, + - * / ^ ( ) and spaces. */
const SYMBOLIC_EXPRESSION = /^[A-Za-z0-9_{},\\.+\-*/^()\s]+$/;
/** The tokens of such an entry: a number, or a symbol as {@link SYMBOL} spells it (checked again there). */
const TOKEN = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\\?[A-Za-z][A-Za-z0-9]*(?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?/g;

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
  if (SYMBOLIC_EXPRESSION.test(text) && /[A-Za-z]/.test(text) && (opts.allowSymbols || spelledAsSymbols(text))) {
    if (!opts.allowSymbols) {
      throw new TconvError("symbol-not-allowed", opts.field,
        `${where()}: this command takes numbers only (symbols are for explain and matrix)`);
    }
    return symbolicExpression(text, where(), opts.field);
  }
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

/**
 * Arithmetic on numbers and symbols (`2a + b/3`, `(a+1)^2`, `x_{0,1} w_{1}`), expanded exactly.
 * Each symbol is validated as a plain symbol entry would be and replaced by a placeholder name, so
 * mathjs parses only numbers, operators and placeholders; the tree is walked here into a
 * {@link Polynomial} (mathjs' `simplify` is never used: DESIGN.md). Division is by numbers only and
 * exponents on symbols are non-negative integers, so the result is a polynomial.
 */
function symbolicExpression(text: string, where: string, field: string): Scalar {
  const fail = (why: string, code = "bad-entry"): never => { throw new TconvError(code, field, `${where}: ${why}`); };
  if (/\d\s+[\d.]/.test(text)) fail("write multiplication with *, numbers next to each other are ambiguous");
  const symbols: Scalar[] = [];
  const byName = new Map<string, number>();
  let rebuilt = "";
  let last = 0;
  let afterSymbol = false;
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const at = m.index;
    const between = text.slice(last, at);
    if (!/^[+\-*/^()\s]*$/.test(between)) fail(`unexpected "${clip(between.trim())}" in the expression`);
    const isNumber = /^[\d.]/.test(token);
    // `a0.5`, `x_1 2`: a number right after a symbol reads as part of its name; 2a is the way round that reads.
    if (isNumber && afterSymbol && /^\s*$/.test(between)) fail("write multiplication with *, a number right after a symbol is ambiguous");
    afterSymbol = !isNumber;
    rebuilt += between;
    last = at + token.length;
    if (isNumber) {
      // mathjs' Fraction does not read e-notation: write it out as the decimal it denotes (1e-5 → 0.00001).
      if (!/[eE]/.test(token)) { rebuilt += token; continue; }
      const m = /^(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(token)!;
      const digits = m[1]! + (m[2] ?? ""), exp = Number(m[3]);
      if (!(Math.abs(exp) <= 400)) fail(`the exponent of ${clip(token)} is beyond ±400`, "entry-too-large");
      const point = m[1]!.length + exp;
      const written = point <= 0 ? `0.${"0".repeat(-point)}${digits}`
        : point >= digits.length ? digits + "0".repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
      rebuilt += written.replace(/^0+(?=\d)/, "");
      continue;
    }
    const sym = SYMBOL.exec(token);
    if (!sym) fail(`"${clip(token)}" is not a symbol; symbols are letters and digits with an optional subscript like w_{1,2}`);
    if (NOT_FINITE.test(token)) fail("NaN and Infinity are not allowed; entries must be finite numbers", "not-finite");
    if (token.length > MAX_SYMBOL_LENGTH) {
      fail(`a symbol is ${token.length} characters long, above the limit of ${MAX_SYMBOL_LENGTH}`, "symbol-too-long");
    }
    let k = byName.get(token);
    if (k === undefined) {
      k = symbols.length;
      byName.set(token, k);
      symbols.push(symbolEntry(token, sym![1]!, sym![2], where, field));
    }
    rebuilt += ` s${k} `;
  }
  const rest = text.slice(last);
  if (!/^[+\-*/^()\s]*$/.test(rest)) fail(`unexpected "${clip(rest.trim())}" in the expression`);
  rebuilt += rest;

  let tree: MathNode;
  try {
    tree = loadMath(field).fraction.parse(rebuilt);
  } catch (e) {
    // mathjs reports positions in the rewritten text; the entry itself is named instead.
    return fail(`not a valid expression (${String((e as Error).message).replace(/\s*\(char \d+\)/, "")})`);
  }

  const degree = (p: Polynomial) => Math.max(0, ...p.terms().map((t) => t.factors.length));
  const checked = (p: Polynomial): Polynomial => {
    if (p.size > MAX_EXPRESSION_TERMS) fail(`expands to more than ${MAX_EXPRESSION_TERMS} terms`, "entry-too-large");
    if (degree(p) > MAX_EXPRESSION_DEGREE) fail(`has a term of degree above ${MAX_EXPRESSION_DEGREE}`, "entry-too-large");
    for (const t of p.terms()) {
      const c = t.coefficient;
      if (typeof c === "number" ? !Number.isFinite(c) : bitLength(c.num) + bitLength(c.den) > MAX_EXACT_BITS) {
        fail(`a coefficient exceeds ${typeof c === "number" ? "a float64" : `the limit of ${MAX_EXACT_BITS} bits`}`, "entry-too-large");
      }
    }
    return p;
  };
  const scale = (p: Polynomial, c: Coefficient) => new PolynomialBuilder().addPolynomial(p, c).build();
  const constantOf = (p: Polynomial): Coefficient | undefined => p.constantValue();
  const power = (base: Polynomial, exp: Polynomial): Polynomial => {
    const e = constantOf(exp);
    if (e === undefined) return fail("an exponent must be a number, not an expression with symbols");
    if (typeof e === "number" || !e.isInteger()) return fail("exponents must be integers");
    const b = constantOf(base);
    if (b !== undefined && typeof b !== "number") {
      const n = e.num < 0n ? -e.num : e.num;
      if (b.isZero() && e.num < 0n) fail("division by zero");
      if (n > 1n && BigInt(bitLength(b.num) + bitLength(b.den)) * n > BigInt(MAX_EXACT_BITS)) {
        fail(`the exact value would have more than ${MAX_EXACT_BITS} bits`, "entry-too-large");
      }
      let r = Rational.ONE;
      for (let i = 0n; i < n; i++) r = r.mul(b);
      return Polynomial.constant(e.num < 0n ? Rational.ONE.div(r) : r);
    }
    if (b !== undefined) return Polynomial.constant((b as number) ** Number(e.num));
    if (e.num < 0n) return fail("a negative power of a symbol is not a polynomial; symbols may only be multiplied, added and divided by numbers");
    if (e.num > BigInt(MAX_EXPRESSION_DEGREE)) fail(`has a term of degree above ${MAX_EXPRESSION_DEGREE}`, "entry-too-large");
    let r = Polynomial.constant(Rational.ONE);
    for (let i = 0n; i < e.num; i++) r = checked(r.mul(base));
    return r;
  };
  const walk = (node: MathNode, depth: number): Polynomial => {
    if (depth > MAX_NESTING) fail(`parentheses nest more than ${MAX_NESTING} deep`, "too-deep");
    switch (node.type) {
      case "ConstantNode": {
        const v = node.value as unknown;
        const f = v as { s?: bigint; n?: bigint; d?: bigint };
        if (typeof f === "object" && f !== null && typeof f.n === "bigint" && typeof f.d === "bigint") {
          return Polynomial.constant(Rational.of((f.s ?? 1n) * f.n, f.d));
        }
        return fail("only numbers, symbols and + - * / ^ are allowed");
      }
      case "SymbolNode": {
        const k = /^s(\d+)$/.exec(node.name ?? "");
        const s = k ? symbols[Number(k[1])] : undefined;
        return s ? Polynomial.fromScalar(s) : fail("only numbers, symbols and + - * / ^ are allowed");
      }
      case "ParenthesisNode": return walk(node.content!, depth + 1);
      case "OperatorNode": {
        const args = (node.args ?? []).map((a) => walk(a, depth + 1));
        switch (node.fn) {
          case "unaryMinus": return scale(args[0]!, Rational.of(-1));
          case "unaryPlus": return args[0]!;
          case "add": return checked(args[0]!.add(args[1]!));
          case "subtract": return checked(args[0]!.add(scale(args[1]!, Rational.of(-1))));
          case "multiply": return checked(args[0]!.mul(args[1]!));
          case "divide": {
            const d = constantOf(args[1]!);
            if (d === undefined) return fail("division by an expression with symbols is not a polynomial; divide by numbers only");
            if (typeof d === "number" ? d === 0 : d.isZero()) return fail("division by zero");
            return checked(scale(args[0]!, typeof d === "number" ? 1 / d : Rational.ONE.div(d)));
          }
          case "pow": return checked(power(args[0]!, args[1]!));
          default: return fail(`"${clip(node.op ?? "")}" is not allowed; use + - * / ^`);
        }
      }
      case "FunctionNode": {
        // `f(x)` would read as a call (`sin(a)`); no functions exist here, and a product is written with *.
        const callee = node.fn as MathNode;
        const k = callee.type === "SymbolNode" ? /^s(\d+)$/.exec(callee.name ?? "") : null;
        const s = k ? symbols[Number(k[1])] : undefined;
        const name = s && s.kind === "symbol" ? s.name : "f";
        return fail(`${name}(…) reads as a function call; only numbers, symbols and + - * / ^ are allowed (write ${name}*(…) for a product)`);
      }
      default: return fail("only numbers, symbols and + - * / ^ are allowed");
    }
  };
  const poly = walk(tree, 0);
  const c = constantOf(poly);
  if (c !== undefined) return typeof c === "number" ? float(c) : exact(c);
  return expression(poly, text);
}

/** Whether every name in an arithmetic entry is spelled as a symbol (`2a`, not `\href{x}`): then a numbers-only command says symbols are not allowed. */
function spelledAsSymbols(text: string): boolean {
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (!/^[+\-*/^()\s]*$/.test(text.slice(last, m.index))) return false;
    last = m.index + m[0].length;
    if (!/^[\d.]/.test(m[0]) && !SYMBOL.test(m[0])) return false;
  }
  return /^[+\-*/^()\s]*$/.test(text.slice(last));
}

const bitLength = (n: bigint): number => (n === 0n ? 1 : (n < 0n ? -n : n).toString(2).length);

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
