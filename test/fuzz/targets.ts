/**
 * The fuzz targets: every parser tconv exposes to text a person (or an attacker) writes, fed
 * arbitrary strings and grammar-aware mutations of valid inputs. The invariant is the same for
 * all of them: a result or a TconvError, within a time bound; never an internal error, a hang or
 * a stack trace. Note documents must also keep the user's text outside the markers byte for
 * byte. Used by the suite (`fuzz.test.ts`, modest runs) and by `npm run fuzz` (long runs).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { parseClaim } from "../../src/check/claim/index.ts";
import { parseNoteBlock } from "../../src/notes/block.ts";
import { renderNote, stripGenerated } from "../../src/notes/document.ts";
import { isTconvError } from "../../src/spec/error.ts";
import { parseShape, parseTensorLiteral } from "../../src/spec/literal.ts";
import { parseIntList } from "../../src/spec/params.ts";
import { parseShapeProblem } from "../../src/spec/parse-problem.ts";
import { parseLayer } from "../../src/spec/layer/index.ts";
import { renderTconvNote } from "../../src/notes/api.ts";
import { note as arbitraryNote } from "../notes/arbitrary-note.ts";

/** Longest a single input may take (generous: the machine is shared). */
export const TIME_BOUND_MS = 20_000;

export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly input: fc.Arbitrary<T>;
  /** Runs one input; throws (anything but a TconvError) when the invariant breaks. */
  readonly run: (input: T) => unknown | Promise<unknown>;
  /** Runs in the suite's modest pass (default 60): fewer for a target that derives walkthroughs. */
  readonly suiteRuns?: number;
}

/** A failure of the invariant, with what was seen. */
export class InvariantError extends Error {}

/** Runs `work`, accepting a result or a TconvError; anything else, or too long, breaks the invariant. */
export async function holds(work: () => unknown | Promise<unknown>): Promise<void> {
  const started = performance.now();
  try {
    await work();
  } catch (e) {
    if (!isTconvError(e)) throw new InvariantError(`not a TconvError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    if (/\n\s+at /.test(e.message)) throw new InvariantError(`a stack trace in a message: ${e.message.slice(0, 200)}`);
  }
  const ms = performance.now() - started;
  if (ms > TIME_BOUND_MS) throw new InvariantError(`took ${Math.round(ms)} ms, above ${TIME_BOUND_MS}`);
}

// ---------------------------------------------------------------------------------------------
// Grammar-aware inputs and mutations

const SPECIAL = "[](){},;|&^*/+-.eE_\\?$`'\"\n\t \u0000\u001b@#%:xwab0123456789";

/** Character-level mutations of a valid text: insert, delete, replace, duplicate a slice, cut. */
export function mutate(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const op = fc.oneof(
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...SPECIAL), minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: fc.constantFrom(...SPECIAL) }),
    fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 2, max: 200 }) }),
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  );
  return fc.tuple(valid, fc.array(op, { minLength: 1, maxLength: 4 })).map(([text, ops]) => {
    let t = text;
    for (const o of ops) {
      const at = t.length === 0 ? 0 : o.at % (t.length + 1);
      if (o.kind === "insert") t = t.slice(0, at) + o.text + t.slice(at);
      else if (o.kind === "delete") t = t.slice(0, at) + t.slice(at + o.length);
      else if (o.kind === "replace") t = t.slice(0, at) + o.text + t.slice(at + 1);
      else if (o.kind === "repeat") t = t.slice(0, at) + t.slice(at, at + o.length).repeat(o.times) + t.slice(at + o.length);
      else t = t.slice(0, at);
    }
    return t;
  });
}

const integer = fc.integer({ min: -99, max: 99 }).map(String);
const number = fc.oneof(
  integer,
  fc.tuple(integer, fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}/${b}`),
  fc.double({ min: -100, max: 100, noNaN: true }).map((d) => String(d)),
  fc.constantFrom("1e3", "-2.5e-3", "0.1", ".5", "1e999", "NaN", "Infinity", "123456789012345678901234567890"),
);

/** Arithmetic entries (+ − * / ^ and parentheses), sometimes with towering powers. */
export const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true, maxDepth: 6 },
    number,
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^"), tie("expr")).map(([a, o, b]) => `${a}${o}${b}`),
    tie("expr").map((e) => `(${e})`),
    tie("expr").map((e) => `-${e}`),
    fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 100_000_000 })).map(([a, b]) => `${a}^${b}`),
  ),
})).expr as fc.Arbitrary<string>;

const symbol = fc.oneof(
  fc.constantFrom("a", "w1", "x_{1,2}", "\\alpha", "beta_{0}", "x_1", "\\href", "ab"),
  fc.stringMatching(/^[a-z][a-z0-9]{0,80}$/),
);
/** Arithmetic on numbers and symbols (`2a + b/3`), implicit products and powers included. */
const symbolicExpression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true, maxDepth: 6 },
    number,
    symbol,
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^", " ", ""), tie("expr")).map(([a, o, b]) => `${a}${o}${b}`),
    tie("expr").map((e) => `(${e})`),
    fc.tuple(tie("expr"), fc.integer({ min: -3, max: 100_000 })).map(([e, k]) => `(${e})^${k}`),
    fc.tuple(symbol, tie("expr")).map(([s, e]) => `${s}(${e})`),
  ),
})).expr as fc.Arbitrary<string>;

const entry = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: expression }, { weight: 1, arbitrary: symbol });

/** Nested array literals of a regular or ragged shape. */
export const literal: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", maxDepth: 5 },
    entry,
    fc.array(tie("node"), { minLength: 0, maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`),
  ),
})).node.map((n) => (n.startsWith("[") ? n : `[${n}]`)) as fc.Arbitrary<string>;

const grid = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([r, c]) => fc.array(fc.array(fc.oneof(integer, fc.constant("?"), fc.constant("1/2")), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

/** Claims in every form a person writes them. */
export const claim: fc.Arbitrary<string> = fc.oneof(
  literal,
  grid.map((g) => `[${g.map((r) => `[${r.join(",")}]`).join(",")}]`),
  grid.map((g) => `\\begin{bmatrix} ${g.map((r) => r.join(" & ")).join(" \\\\ ")} \\end{bmatrix}`),
  grid.map((g) => `\\begin{pmatrix}${g.map((r) => r.join("&")).join("\\\\")}\\end{pmatrix}`),
  grid.map((g) => [`| ${g[0]!.map(() => "c").join(" | ")} |`, `|${g[0]!.map(() => "---").join("|")}|`, ...g.map((r) => `| ${r.join(" | ")} |`)].join("\n")),
  grid.map((g) => `np.array([${g.map((r) => `[${r.join(", ")}]`).join(", ")}], dtype=float)`),
  grid.map((g) => `[${g.map((r) => r.join(" ")).join("; ")}]`),
  grid.map((g) => g.map((r) => r.join(" ")).join("\n")),
  // The pasted forms of issue 15: framework prints with their keyword arguments, notebook
  // prompts, assignments, plain rows, scientific notation, summarised prints, CSV/TSV, and
  // several tensors in one paste.
  grid.map((g) => `tensor([${g.map((r) => `[${r.map((v) => (v === "?" ? "nan" : `${v}.`)).join(", ")}]`).join(",\n        ")}], device='cuda:0', grad_fn=<ConvolutionBackward0>)`),
  grid.map((g) => `tf.Tensor(\n[${g.map((r) => `[${r.join(" ")}]`).join("\n ")}], shape=(${g.length}, ${g[0]!.length}), dtype=float32)`),
  grid.map((g) => `<tf.Tensor: shape=(${g.length}, ${g[0]!.length}), dtype=float32, numpy=\narray([${g.map((r) => `[${r.join(", ")}]`).join(",\n       ")}], dtype=float32)>`),
  grid.map((g) => `Out[7]: Y = [${g.map((r) => `[${r.join(", ")}]`).join(", ")}]`),
  grid.map((g) => g.map((r) => r.join(" ")).join(" / ")),
  grid.map((g) => `tensor([${g.map((r) => `[${r.map((v) => (/^-?\d+$/.test(v) ? Number(v).toExponential(4) : v)).join(", ")}]`).join(", ")}])`),
  grid.map((g) => `tensor([[1., 2., ..., 3.],\n        ...,\n        [${g[0]!.join(", ")}, ..., 4.]])`),
  grid.map((g) => g.map((r) => r.join(",")).join("\n")),
  grid.map((g) => g.map((r) => r.join("\t")).join("\n")),
  fc.tuple(grid, grid).map(([a, b]) => `x = [${a.map((r) => `[${r.join(", ")}]`).join(", ")}]\ny = np.array([${b.map((r) => `[${r.join(", ")}]`).join(", ")}])`),
);

const sizes = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(","));
const perAxis = fc.oneof(sizes, fc.constantFrom("2", "1,2", "[2,1]", "-1", "0", "1e9", "1000000000", "9007199254740993", "2,2,2,2,2"));

const yamlValue = fc.oneof(literal, claim.map((c) => JSON.stringify(c)), perAxis, fc.constantFrom("&a [1, 2]", "*a", "!!binary aGVsbG8=", "{a: 1}", "|\n  [1, 2]", "null", "~", "\"@x.json\"", "\"@../../etc/passwd\""));
const yamlKey = fc.constantFrom("input", "kernel", "stride", "padding", "dilation", "output_padding", "output-size", "groups", "layout", "op", "bias", "claim", "sections", "lang", "cell", "index_base", "strides", "input");

/** Note block bodies (YAML). */
export const noteYaml: fc.Arbitrary<string> = fc.array(fc.tuple(yamlKey, yamlValue), { minLength: 0, maxLength: 6 })
  .map((kvs) => kvs.map(([k, v]) => `${k}: ${v}`).join("\n"));

/** Note documents whose tconv blocks hold random YAML, rendered for real (walkthroughs, reports, callouts). */
export const realNoteDocument: fc.Arbitrary<string> = fc.tuple(arbitraryNote, fc.array(fc.tuple(fc.nat(), noteYaml), { minLength: 1, maxLength: 2 }))
  .map(([text, blocks]) => {
    const lines = text.split("\n");
    for (const [at, body] of blocks) lines.splice(at % (lines.length + 1), 0, "```tconv", ...body.split("\n"), "```");
    return lines.join("\n");
  });

const markerLine = fc.constantFrom("<!-- tconv:begin hash=0123456789abcdef -->", "<!-- tconv:end -->", "> <!-- tconv:end -->", "- <!-- tconv:begin hash=00 -->", "<!-- tconv:begin hash=zz -->");

/** Note documents: random notes with tconv blocks, marker lines and regions spliced in anywhere. */
export const noteDocument: fc.Arbitrary<string> = fc.tuple(arbitraryNote, fc.array(fc.tuple(fc.nat(), markerLine), { maxLength: 4 }))
  .map(([text, inserts]) => {
    const lines = text.split("\n");
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join("\n");
  });

/** A per-axis value as a layer string writes it: an integer, or a tuple of one per axis. */
const pyInts = (rank: number, min: number, max: number) => fc.oneof(
  fc.integer({ min, max }).map(String),
  fc.array(fc.integer({ min, max }), { minLength: rank, maxLength: rank }).map((xs) => `(${xs.join(", ")}${xs.length === 1 ? "," : ""})`),
);

/** One keyword argument, valid or not, from the layer's own vocabulary. */
const keyword = (names: readonly string[], rank: number) => fc.tuple(fc.constantFrom(...names), fc.oneof(
  pyInts(rank, 0, 4), fc.constantFrom("'same'", "'valid'", "'zeros'", "'reflect'", "None", "True", "False", "'channels_first'", "'relu'", "1.5", "-1", "[1, 2]", "x"),
)).map(([k, v]) => `${k}=${v}`);

/** PyTorch and Keras layer strings (modules and functional calls), as \`--torch\` and \`--keras\` take them. */
export const layerString: fc.Arbitrary<{ framework: "torch" | "keras"; text: string; rank: number; channels: number }> = fc.integer({ min: 1, max: 3 }).chain((rank) => fc.oneof(
  fc.tuple(fc.constantFrom("nn.ConvTranspose", "torch.nn.ConvTranspose", "nn.Conv"), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 16 }), pyInts(rank, 1, 5),
    fc.array(keyword(["stride", "padding", "output_padding", "groups", "dilation", "bias", "padding_mode", "device"], rank), { maxLength: 4 }))
    .map(([name, cin, cout, k, kws]) => ({ framework: "torch" as const, rank, channels: cin, text: `${name}${rank}d(${[cin, cout, k, ...kws].join(", ")})` })),
  fc.tuple(fc.constantFrom("F.conv_transpose", "torch.nn.functional.conv", "F.conv"), fc.array(keyword(["stride", "padding", "output_padding", "groups", "dilation", "bias"], rank), { maxLength: 4 }))
    .map(([name, kws]) => ({ framework: "torch" as const, rank, channels: 2, text: `${name}${rank}d(x, w, ${kws.join(", ")})` })),
  fc.tuple(fc.constantFrom("layers.Conv", "tf.keras.layers.Conv", "keras.layers.Conv"), fc.constantFrom("DTranspose", "D"), fc.integer({ min: 1, max: 16 }), pyInts(rank, 1, 5),
    fc.array(keyword(["strides", "padding", "output_padding", "dilation_rate", "groups", "use_bias", "activation", "data_format", "name"], rank), { maxLength: 4 }))
    .map(([name, kind, filters, k, kws]) => ({ framework: "keras" as const, rank, channels: filters, text: `${name}${rank}${kind}(${[filters, k, ...kws].join(", ")})` })),
  fc.tuple(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: rank + 2, maxLength: rank + 2 }), fc.array(keyword(["strides", "padding", "dilations", "data_format"], rank), { maxLength: 3 }))
    .map(([shape, kws]) => ({ framework: "keras" as const, rank, channels: 2, text: `tf.nn.conv${rank}d_transpose(x, w, [${shape.join(", ")}], ${kws.join(", ")})` })),
));

const COMMANDS = ["eval", "shape", "matrix", "explain", "check", "code"] as const;
const optionValue: Record<string, fc.Arbitrary<string>> = {
  "--input": fc.oneof(literal, mutate(literal), fc.constantFrom("@x.json", "@/dev/zero", "@.", "@missing.json")),
  "--kernel": fc.oneof(literal, fc.constantFrom("[[1,0],[0,-1]]", "[1]", "@x.json")),
  "--bias": fc.oneof(literal, fc.constantFrom("0.1", "1,2")),
  "--stride": fc.oneof(fc.constantFrom("1", "2", "3", "1,2"), perAxis), "--dilation": fc.oneof(fc.constantFrom("1", "2"), perAxis), "--padding": perAxis, "--output-padding": perAxis,
  "--output-size": perAxis, "--output-shape": perAxis, "--groups": perAxis,
  "--auto-pad": fc.constantFrom("valid", "same", "same_upper", "SAME", "x"),
  "--layout": fc.constantFrom("plain", "torch", "tf", "onnx", "nhwc"),
  "--op": fc.constantFrom("transposed", "conv", "deconv", "x"),
  "--input-shape": sizes, "--kernel-shape": sizes,
  "--max-terms": fc.constantFrom("1", "1e9", "x"), "--max-cells": fc.constantFrom("10", "1e6", "-1"),
  "--claim": fc.oneof(claim, mutate(claim)), "--claim-shape": sizes,
  "--format": fc.constantFrom("md", "html", "json", "tex", "x"), "--lang": fc.constantFrom("en", "zh", "fr"),
  "--sections": fc.constantFrom("size", "cells,size", "scatter", "x"), "--cell": fc.constantFrom("0,0", "1", "9,9"),
  "--index-base": fc.constantFrom("0", "1", "2"), "--out": fc.constantFrom("out.md", "/dev/null", "."),
  "--json": fc.constant(""), "--exact": fc.constant(""), "--max-file-size": fc.constantFrom("10", "100000"),
  "--torch": fc.oneof(layerString.filter((l) => l.framework === "torch").map((l) => l.text), mutate(layerString.map((l) => l.text))),
  "--keras": fc.oneof(layerString.filter((l) => l.framework === "keras").map((l) => l.text), mutate(layerString.map((l) => l.text))),
  "--claim-matrix": fc.oneof(claim, mutate(claim)), "--want-shape": fc.oneof(sizes, perAxis),
  "--framework": fc.constantFrom("numpy", "torch", "tf", "jax"), "--force": fc.constant(""),
};

/** A regular tensor of rank 1 or 2 with the given entries, so input and kernel agree in rank. */
const regular = (rank: number, cell: fc.Arbitrary<string>) => rank === 1
  ? fc.array(cell, { minLength: 1, maxLength: 5 }).map((xs) => `[${xs.join(",")}]`)
  : fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
    .map((g) => `[${g.map((row) => `[${row.join(",")}]`).join(",")}]`);

const numeric = fc.oneof({ weight: 6, arbitrary: integer }, { weight: 1, arbitrary: number }, { weight: 1, arbitrary: expression });
const anyEntry = fc.oneof(numeric, symbol);

const positiveSizes = (rank: number) => fc.array(fc.integer({ min: 1, max: 6 }), { minLength: rank, maxLength: rank }).map((xs) => xs.join(","));

/** The options a command needs, valid, so most vectors get past the door into the real work. */
const required: Record<(typeof COMMANDS)[number], fc.Arbitrary<string[]>> = {
  eval: fc.integer({ min: 1, max: 2 }).chain((r) => fc.tuple(regular(r, numeric), regular(r, numeric))).map(([x, w]) => ["--input", x, "--kernel", w]),
  explain: fc.integer({ min: 1, max: 2 }).chain((r) => fc.tuple(regular(r, anyEntry), regular(r, anyEntry))).map(([x, w]) => ["--input", x, "--kernel", w]),
  check: fc.integer({ min: 1, max: 2 }).chain((r) => fc.tuple(regular(r, integer), regular(r, integer), claim)).map(([x, w, c]) => ["--input", x, "--kernel", w, "--claim", c]),
  shape: fc.integer({ min: 1, max: 3 }).chain((r) => fc.tuple(positiveSizes(r), positiveSizes(r))).map(([i, k]) => ["--input-shape", i, "--kernel-shape", k]),
  matrix: fc.integer({ min: 1, max: 2 }).chain((r) => fc.tuple(positiveSizes(r), positiveSizes(r))).map(([i, k]) => ["--input-shape", i, "--kernel-shape", k]),
  code: fc.integer({ min: 1, max: 2 }).chain((r) => fc.tuple(regular(r, numeric), regular(r, numeric))).map(([x, w]) => ["--input", x, "--kernel", w]),
};

/** A layer string with an input shape in its layout that mostly fits it (shape's and eval's doors for --torch/--keras). */
const layerVector: fc.Arbitrary<string[]> = fc.tuple(layerString, fc.constantFrom("shape", "eval", "explain", "matrix", "code"), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }))
  .map(([l, cmd, spatial]) => {
    const s = spatial.slice(0, l.rank);
    const shape = l.framework === "torch" ? [1, l.channels, ...s] : [1, ...s, l.channels];
    const tensor = (dims: number[]): string => (dims.length === 0 ? "1" : `[${Array.from({ length: dims[0]! }, () => tensor(dims.slice(1))).join(",")}]`);
    const small = shape.reduce((a, b) => a * b, 1) <= 400;
    return cmd === "shape" || cmd === "matrix" || !small
      ? ["shape", `--${l.framework}`, l.text, "--input-shape", shape.join(",")]
      : [cmd, `--${l.framework}`, l.text, "--input", tensor(shape)];
  });

const COMMON = ["--torch", "--keras", "--stride", "--dilation", "--padding", "--output-padding", "--output-size", "--output-shape", "--groups", "--auto-pad", "--layout", "--op", "--max-terms", "--max-cells", "--max-file-size"];
const allowed: Record<(typeof COMMANDS)[number], string[]> = {
  eval: [...COMMON, "--bias", "--json", "--exact"],
  explain: [...COMMON, "--bias", "--format", "--lang", "--sections", "--cell", "--index-base", "--out", "--force"],
  check: [...COMMON, "--claim-shape", "--claim-matrix", "--json", "--format", "--lang", "--out", "--force", "--index-base"],
  shape: [...COMMON, "--want-shape", "--json"],
  matrix: [...COMMON, "--index-base"],
  code: [...COMMON, "--bias", "--framework"],
};

/** CLI argument vectors: a command, mostly with its required options, then its options (valid, mutated, repeated) or, rarely, unknown ones. */
export const argv: fc.Arbitrary<string[]> = fc.oneof({ weight: 1, arbitrary: layerVector }, { weight: 4, arbitrary: fc.constantFrom(...COMMANDS).chain((cmd) => fc.tuple(
  fc.option(required[cmd], { freq: 8 }),
  fc.array(fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...allowed[cmd]) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.keys(optionValue), "--nope", "-x") },
  ).chain((opt): fc.Arbitrary<string[]> => {
    const value = optionValue[opt];
    return value === undefined ? fc.constant([opt]) : value.map((v) => (v === "" ? [opt] : [opt, v]));
  }), { maxLength: 4 }),
).map(([req, opts]) => [cmd, ...(req ?? []), ...opts.flat()])) });

// ---------------------------------------------------------------------------------------------
// The targets

let workDir: string | undefined;
/** A scratch folder the CLI runs in (`@x.json`, `--out out.md` land there). */
function scratch(): string {
  if (workDir === undefined) {
    workDir = mkdtempSync(join(tmpdir(), "tconv-fuzz-"));
    writeFileSync(join(workDir, "x.json"), "[[1, 2], [3, 4]]");
  }
  return workDir;
}

const text = (valid: fc.Arbitrary<string>) => fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }), valid, mutate(valid));

export const targets: readonly FuzzTarget<never>[] = [
  {
    name: "tensor literals",
    input: fc.tuple(text(literal), fc.boolean()),
    run: ([t, symbols]: [string, boolean]) => holds(() => parseTensorLiteral(t, { field: "--input", allowSymbols: symbols, cwd: scratch() })),
  },
  {
    name: "entry expressions",
    input: text(expression),
    run: (e: string) => holds(() => parseTensorLiteral(`[${e}]`, { field: "--input", allowSymbols: false })),
  },
  {
    name: "entry expressions with symbols",
    input: fc.tuple(text(symbolicExpression), fc.boolean()),
    run: ([e, symbols]: [string, boolean]) => holds(() => parseTensorLiteral(`[${e}]`, { field: "--input", allowSymbols: symbols })),
  },
  {
    name: "shapes and per-axis lists",
    input: fc.tuple(text(sizes), text(perAxis), text(perAxis)),
    run: ([s, stride, padding]: [string, string, string]) => holds(() => {
      try { parseShape(s); } catch (e) { if (!isTconvError(e)) throw e; }
      try { parseIntList(stride, "--stride"); } catch (e) { if (!isTconvError(e)) throw e; }
      return parseShapeProblem({ inputShape: s, kernelShape: "2", stride, padding });
    }),
  },
  {
    name: "claims in every form",
    input: text(claim),
    run: (c: string) => holds(() => parseClaim(c, { field: "--claim" })),
  },
  {
    name: "note YAML",
    input: text(noteYaml),
    run: (y: string) => holds(() => parseNoteBlock(y)),
  },
  {
    name: "note documents with markers",
    input: noteDocument,
    run: async (doc: string) => {
      let rendered: string | undefined;
      await holds(async () => { rendered = (await renderNote(doc, (body) => ({ markdown: `rendered:${body.length}` }))).text; });
      if (rendered !== undefined && stripGenerated(rendered) !== stripGenerated(doc)) {
        throw new InvariantError("the user's text outside the markers changed");
      }
    },
  },
  {
    name: "notes rendered for real",
    input: realNoteDocument,
    suiteRuns: 15,
    run: async (doc: string) => {
      let rendered: Awaited<ReturnType<typeof renderTconvNote>> | undefined;
      await holds(async () => { rendered = await renderTconvNote(doc, { cwd: scratch() }); });
      if (rendered === undefined) return;
      const internal = rendered.blocks.find((b) => b.error?.code === "internal");
      if (internal) throw new InvariantError(`an internal error in a block's callout: ${internal.error!.message.slice(0, 300)}`);
      if (stripGenerated(rendered.text) !== stripGenerated(doc)) throw new InvariantError("the user's text outside the markers changed");
    },
  },
  {
    name: "layer strings",
    input: fc.oneof(
      layerString.map((l) => ({ ...l, spatial: [3, 4, 5] })),
      fc.tuple(fc.constantFrom("torch" as const, "keras" as const), text(layerString.map((l) => l.text))).map(([framework, t]) => ({ framework, text: t, rank: 2, channels: 2, spatial: [3, 4, 5] })),
    ),
    run: (l: { framework: "torch" | "keras"; text: string; rank: number; channels: number; spatial: number[] }) => holds(() => {
      try { parseLayer(l.framework, l.text, `--${l.framework}`); } catch (e) { if (!isTconvError(e)) throw e; }
      const s = l.spatial.slice(0, l.rank);
      const inputShape = l.framework === "torch" ? [1, l.channels, ...s] : [1, ...s, l.channels];
      const functional = /\(\s*x\s*,/.test(l.text);
      const kernelShape = !functional ? undefined : l.framework === "torch" ? [l.channels, 2, ...s.map(() => 2)] : [...s.map(() => 2), 2, l.channels];
      return parseShapeProblem({ [l.framework]: l.text, inputShape, ...(kernelShape ? { kernelShape } : {}) });
    }),
  },
  {
    name: "CLI argument vectors",
    input: argv,
    run: async (args: string[]) => {
      const io = bufferIo(scratch());
      const started = performance.now();
      let code: number;
      try {
        code = await main(args, io);
      } catch (e) {
        throw new InvariantError(`main threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
      if (performance.now() - started > TIME_BOUND_MS) throw new InvariantError("too slow");
      if (![0, 1, 2].includes(code)) throw new InvariantError(`exit code ${code}`);
      if (code === 2 && !/^error: /.test(io.stderr)) throw new InvariantError(`exit 2 without an error line: ${io.stderr.slice(0, 200)}`);
      if (/\n\s+at .*:\d+:\d+/.test(io.stderr)) throw new InvariantError("a stack trace on stderr");
    },
  },
] as never;
