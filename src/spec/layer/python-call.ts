/**
 * A safe reader of the one Python form layer strings use: a single call
 * `dotted.name(arg, ..., key=value, ...)` whose values are integers, strings, True/False/None,
 * names (`x`, `tf.float32`), tuples/lists of values and nested calls (initialisers). Nothing is
 * ever evaluated: the text becomes a small tree, and anything outside this grammar is a
 * TconvError naming the 1-based character position.
 */
import { TconvError } from "../error.ts";

/** A value in a layer string, with the 1-based character where it starts. */
export type PyValue =
  | { readonly kind: "int"; readonly value: number; readonly pos: number }
  | { readonly kind: "float"; readonly text: string; readonly pos: number }
  | { readonly kind: "str"; readonly value: string; readonly pos: number }
  | { readonly kind: "const"; readonly value: boolean | null; readonly pos: number }
  | { readonly kind: "name"; readonly name: string; readonly pos: number }
  | { readonly kind: "seq"; readonly items: readonly PyValue[]; readonly bracket: "(" | "["; readonly pos: number }
  | { readonly kind: "call"; readonly call: PyCall; readonly pos: number };

export interface PyArg {
  /** The keyword, or undefined for a positional argument. */
  readonly key: string | undefined;
  readonly value: PyValue;
  readonly pos: number;
}

export interface PyCall {
  /** The dotted name as written, e.g. `torch.nn.ConvTranspose2d`. */
  readonly name: string;
  readonly args: readonly PyArg[];
  readonly pos: number;
}

type Token =
  | { kind: "name"; text: string; pos: number }
  | { kind: "int"; value: number; pos: number }
  | { kind: "float"; text: string; pos: number }
  | { kind: "str"; value: string; pos: number }
  | { kind: "punct"; text: "(" | ")" | "[" | "]" | "," | "=" | "." | "-"; pos: number }
  | { kind: "end"; pos: number };

/** Longer texts are refused before reading: a layer line is short. */
const MAX_LENGTH = 2000;
const MAX_DEPTH = 8;

const fail = (field: string, pos: number, message: string): never => {
  throw new TconvError("bad-layer", field, `at character ${pos}: ${message}`);
};

function tokenize(text: string, field: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const pos = i + 1;
    if (/\s/.test(c)) { i++; continue; }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      tokens.push({ kind: "name", text: text.slice(i, j), pos });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(?:\d+\.\d*(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+)/.exec(text.slice(i))!;
      const lit = m[0];
      if (/[.eE]/.test(lit)) tokens.push({ kind: "float", text: lit, pos });
      else {
        const value = Number(lit);
        if (!Number.isSafeInteger(value)) fail(field, pos, `the integer ${lit.slice(0, 20)} is too large`);
        if (lit.length > 1 && lit.startsWith("0")) fail(field, pos, `write integers without leading zeros (Python refuses ${lit})`);
        tokens.push({ kind: "int", value, pos });
      }
      i += lit.length;
      if (i < text.length && /[A-Za-z_]/.test(text[i]!)) fail(field, i + 1, `unexpected "${text[i]}" after the number ${lit}`);
      continue;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail(field, pos, "this string is never closed");
      const value = text.slice(i + 1, end);
      if (value.includes("\\")) fail(field, pos, "backslashes in strings are not accepted");
      tokens.push({ kind: "str", value, pos });
      i = end + 1;
      continue;
    }
    if ("()[],=.-".includes(c)) {
      tokens.push({ kind: "punct", text: c as "(", pos });
      i++;
      continue;
    }
    fail(field, pos, `unexpected "${c}"; a layer string is one call such as nn.ConvTranspose2d(16, 8, 3, stride=2)`);
  }
  tokens.push({ kind: "end", pos: text.length + 1 });
  return tokens;
}

/**
 * Reads a layer string as one Python call; never evaluates anything.
 *
 * @example
 * const call = parsePythonCall("nn.ConvTranspose2d(16, 8, (4, 3), stride=2)", "--torch");
 * call.name            // → "nn.ConvTranspose2d"
 * call.args[3]?.key    // → "stride"
 */
export function parsePythonCall(text: string, field: string): PyCall {
  if (text.length > MAX_LENGTH) fail(field, MAX_LENGTH + 1, `a layer string is at most ${MAX_LENGTH} characters`);
  if (text.trim() === "") fail(field, 1, "expected a layer such as nn.ConvTranspose2d(16, 8, 3), got nothing");
  const tokens = tokenize(text, field);
  let k = 0;
  const peek = () => tokens[k]!;
  const next = () => tokens[k++]!;
  const describe = (t: Token) => t.kind === "end" ? "the end of the text"
    : t.kind === "punct" ? `"${t.text}"` : t.kind === "str" ? `the string '${t.value}'`
    : t.kind === "int" ? `the number ${t.value}` : t.kind === "float" ? `the number ${t.text}` : `"${t.text}"`;
  const expectPunct = (p: string, what: string) => {
    const t = next();
    if (t.kind !== "punct" || t.text !== p) fail(field, t.pos, `expected ${what}, found ${describe(t)}`);
  };
  const dotted = (): { name: string; pos: number } => {
    const first = next();
    if (first.kind !== "name") fail(field, first.pos, `expected a name such as nn.ConvTranspose2d, found ${describe(first)}`);
    let name = (first as { text: string }).text;
    while (peek().kind === "punct" && (peek() as { text: string }).text === ".") {
      next();
      const part = next();
      if (part.kind !== "name") fail(field, part.pos, `expected a name after ".", found ${describe(part)}`);
      name += `.${(part as { text: string }).text}`;
    }
    return { name, pos: first.pos };
  };
  const isPunct = (t: Token, p: string) => t.kind === "punct" && t.text === p;

  const call = (name: string, pos: number, depth: number): PyCall => {
    if (depth > MAX_DEPTH) fail(field, pos, "calls are nested too deeply");
    expectPunct("(", `"(" after ${name}`);
    const args: PyArg[] = [];
    let sawKeyword = false;
    while (!isPunct(peek(), ")")) {
      const start = peek();
      let key: string | undefined;
      if (start.kind === "name" && isPunct(tokens[k + 1]!, "=")) {
        key = start.text;
        k += 2;
        if (args.some((a) => a.key === key)) fail(field, start.pos, `keyword argument repeated: ${key}`);
        sawKeyword = true;
      } else if (sawKeyword) {
        fail(field, start.pos, "positional argument follows keyword argument");
      }
      args.push({ key, value: value(depth), pos: start.pos });
      const sep = peek();
      if (isPunct(sep, ",")) { next(); continue; }
      if (!isPunct(sep, ")")) fail(field, sep.pos, `expected "," or ")", found ${describe(sep)}`);
    }
    next();
    return { name, args, pos };
  };

  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail(field, peek().pos, "values are nested too deeply");
    const t = peek();
    if (t.kind === "int") { next(); return { kind: "int", value: t.value, pos: t.pos }; }
    if (t.kind === "float") { next(); return { kind: "float", text: t.text, pos: t.pos }; }
    if (t.kind === "str") { next(); return { kind: "str", value: t.value, pos: t.pos }; }
    if (isPunct(t, "-")) {
      next();
      const n = next();
      if (n.kind === "int") return { kind: "int", value: -n.value, pos: t.pos };
      if (n.kind === "float") return { kind: "float", text: `-${n.text}`, pos: t.pos };
      return fail(field, n.pos, `expected a number after "-", found ${describe(n)}`);
    }
    if (isPunct(t, "(") || isPunct(t, "[")) {
      next();
      const open = (t as { text: "(" | "[" }).text;
      const close = open === "(" ? ")" : "]";
      const items: PyValue[] = [];
      let trailingComma = false;
      while (!isPunct(peek(), close)) {
        items.push(value(depth + 1));
        trailingComma = false;
        const sep = peek();
        if (isPunct(sep, ",")) { next(); trailingComma = true; continue; }
        if (!isPunct(sep, close)) fail(field, sep.pos, `expected "," or "${close}", found ${describe(sep)}`);
      }
      next();
      // `(3)` is the number 3 in Python; `(3,)` and `[3]` are sequences.
      if (open === "(" && items.length === 1 && !trailingComma) return items[0]!;
      return { kind: "seq", items, bracket: open, pos: t.pos };
    }
    if (t.kind === "name") {
      if (t.text === "True" || t.text === "False" || t.text === "None") {
        next();
        return { kind: "const", value: t.text === "None" ? null : t.text === "True", pos: t.pos };
      }
      const { name, pos } = dotted();
      if (isPunct(peek(), "(")) return { kind: "call", call: call(name, pos, depth + 1), pos };
      return { kind: "name", name, pos };
    }
    return fail(field, t.pos, `expected a value (a number, a string, a tuple, True/False/None or a name), found ${describe(t)}`);
  };

  const { name, pos } = dotted();
  const result = call(name, pos, 0);
  const end = peek();
  if (end.kind !== "end") fail(field, end.pos, `unexpected ${describe(end)} after the call; a layer string is one call`);
  return result;
}
