/**
 * The YAML body of a ```` ```tconv ```` block, validated into option texts: the same strings a
 * user would type after `--stride` or `--input`, so a block and a command line go through one
 * problem parser (the spec layer's) and cannot drift apart.
 */
import { parseDocument } from "yaml";
import { requireNestingLimit } from "../spec/limits.ts";
import { TconvError } from "../spec/error.ts";

/** Problem options of CONTRACT.md, by their command-line names. */
export const PROBLEM_KEYS = [
  "input", "kernel", "op", "layout", "stride", "padding", "dilation", "output-padding", "output-size",
  "output-shape", "auto-pad", "groups", "bias", "index-base", "torch", "keras",
] as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[number];

/** What a block may say besides the problem. */
export const VIEW_KEYS = ["sections", "lang", "cell", "claim"] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

/** A validated block body: the problem as command-line option texts, and how to show it. */
export interface NoteBlock {
  /** Problem options as command-line texts (`stride: [2, 1]` becomes `"2,1"`). */
  readonly problem: Readonly<Partial<Record<ProblemKey, string>>>;
  /** Walkthrough sections in the order asked for (names checked by the walkthrough itself). */
  readonly sections: readonly string[] | undefined;
  readonly lang: string | undefined;
  /** The cell a big walkthrough should show in full (`--cell`), as text `"1,2"`. */
  readonly cell: string | undefined;
  /** A claimed output, as `tconv check --claim` takes it; the block then renders the checker's report. */
  readonly claim: string | undefined;
  /** Each key as the block spelled it (`output_padding` or `output-padding`), so errors name what the user wrote. */
  readonly spelling: Readonly<Record<string, string>>;
}

/** The spelling used in blocks: both `output_padding` and `output-padding` are accepted. */
function canonicalKey(key: string): string {
  return key.replace(/_/g, "-");
}

const TENSOR_KEYS: ReadonlySet<string> = new Set(["input", "kernel", "bias", "claim"]);
const PER_AXIS_KEYS: ReadonlySet<string> = new Set(["stride", "padding", "dilation", "output-padding", "output-size", "output-shape", "cell"]);
const WORD_KEYS: ReadonlySet<string> = new Set(["op", "layout", "auto-pad", "lang", "torch", "keras"]);
const INTEGER_KEYS: ReadonlySet<string> = new Set(["groups", "index-base"]);
const KNOWN = new Set<string>([...PROBLEM_KEYS, ...VIEW_KEYS]);

/**
 * Parses and validates a block body. Every error is a TconvError whose path names the key at
 * fault (`stride`, `input[1][0]`) or `yaml` for a body that is not YAML at all; the message of a
 * YAML error gives the line within the block.
 *
 * @example
 * const block = parseNoteBlock("input: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nstride: [2, 1]\nsections: [size, cells]");
 * block.problem  // → {"input": "[[1, 2], [3, 4]]", "kernel": "[[1, 0], [0, -1]]", "stride": "2,1"}
 * block.sections // → ["size", "cells"]
 */
export function parseNoteBlock(body: string): NoteBlock {
  requireNestingLimit(body, "yaml");
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(body, { uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    throw yamlResourceError(e);
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const where = firstError.linePos?.[0];
    const message = firstError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new TconvError("bad-yaml", "yaml",
      `the block is not valid YAML: ${message}${where ? ` (block line ${where.line}, column ${where.col})` : ""}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw yamlResourceError(e);
  }
  if (data === null || data === undefined) {
    throw new TconvError("empty-block", "yaml", "the block is empty; expected at least input: and kernel:");
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new TconvError("bad-block", "yaml", "expected keys such as input: and kernel:, one per line");
  }
  const problem: Partial<Record<ProblemKey, string>> = {};
  const view: Partial<Record<ViewKey, string>> = {};
  let sections: string[] | undefined;
  const seen = new Map<string, string>();
  for (const [rawKey, value] of Object.entries(data as Record<string, unknown>)) {
    const key = canonicalKey(rawKey);
    if (!KNOWN.has(key)) {
      throw new TconvError("unknown-key", rawKey,
        `unknown key; expected one of ${[...PROBLEM_KEYS, ...VIEW_KEYS].map((k) => k.replace(/-/g, "_")).join(", ")}`);
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new TconvError("duplicate-key", rawKey, `the same key as ${earlier}; give it once`);
    }
    seen.set(key, rawKey);
    if (key === "sections") {
      sections = sectionList(value, rawKey);
      continue;
    }
    const text = optionText(key, value, rawKey);
    if ((PROBLEM_KEYS as readonly string[]).includes(key)) problem[key as ProblemKey] = text;
    else view[key as ViewKey] = text;
  }
  if (problem.input === undefined) throw new TconvError("missing-key", "input", "the block needs input: (the transposed convolution's input)");
  if (problem.kernel === undefined) throw new TconvError("missing-key", "kernel", "the block needs kernel: (the weights)");
  return { problem, sections, lang: view.lang, cell: view.cell, claim: view.claim, spelling: Object.fromEntries(seen) };
}

/**
 * A YAML body that would exhaust memory (a "billion laughs" of aliases) or the stack (thousands of
 * nested block sequences) is the user's bad input, not an internal error.
 */
function yamlResourceError(e: unknown): unknown {
  if (e instanceof RangeError) return new TconvError("bad-yaml", "yaml", "the block nests too deeply to read");
  if (e instanceof Error && /alias/i.test(e.message)) {
    return new TconvError("bad-yaml", "yaml", "the block expands YAML aliases too many times (a resource exhaustion pattern); write the values out");
  }
  return e;
}

function optionText(key: string, value: unknown, path: string): string {
  if (TENSOR_KEYS.has(key)) {
    if (typeof value === "string") return value;
    if (key === "bias" && typeof value === "number") return `[${numberText(value, path)}]`;
    if (!Array.isArray(value)) throw new TconvError("bad-value", path, "expected a nested array such as [[1, 2], [3, 4]] or its text");
    return tensorText(value, path);
  }
  if (PER_AXIS_KEYS.has(key)) {
    if (typeof value === "number") return numberText(value, path);
    if (typeof value === "string") return value;
    if (Array.isArray(value)) {
      return value.map((v, i) => {
        if (typeof v !== "number") throw new TconvError("bad-value", `${path}[${i}]`, "expected a number");
        return numberText(v, `${path}[${i}]`);
      }).join(",");
    }
    throw new TconvError("bad-value", path, "expected a number, or one number per spatial axis such as [2, 1]");
  }
  if (INTEGER_KEYS.has(key)) {
    if (typeof value === "number" || typeof value === "string") return String(value);
    throw new TconvError("bad-value", path, "expected an integer");
  }
  if (WORD_KEYS.has(key)) {
    if (typeof value === "string") return value;
    throw new TconvError("bad-value", path, "expected a word such as " + (key === "lang" ? "en or zh" : "transposed"));
  }
  throw new Error(`block key ${key} has no kind`);
}

function numberText(v: number, path: string): string {
  if (!Number.isFinite(v)) throw new TconvError("bad-value", path, `expected a finite number, got ${v}`);
  return String(v);
}

function tensorText(value: readonly unknown[], path: string): string {
  const parts = value.map((v, i): string => {
    const at = `${path}[${i}]`;
    if (Array.isArray(v)) return tensorText(v, at);
    if (typeof v === "number") return numberText(v, at);
    // Strings are symbols or fractions (`a`, `3/4`, `?`); anything that would change the nesting
    // is refused here, so the error names the entry rather than a position in generated text.
    if (typeof v === "string" && v.trim() !== "" && !/[[\],]/.test(v)) return v.trim();
    if (typeof v === "string") throw new TconvError("bad-value", at, `expected a number or a symbol, got "${v}"`);
    throw new TconvError("bad-value", at, `expected a number or a symbol, got ${v === null ? "nothing" : typeof v}`);
  });
  return `[${parts.join(", ")}]`;
}

function sectionList(value: unknown, path: string): string[] {
  const list = typeof value === "string" ? value.split(",").map((s) => s.trim()) : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TconvError("bad-value", path, "expected a list of section names such as [size, scatter, cells]");
  }
  return list.map((s, i) => {
    if (typeof s !== "string" || s.trim() === "") throw new TconvError("bad-value", `${path}[${i}]`, "expected a section name");
    return s.trim();
  });
}
