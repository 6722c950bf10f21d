/**
 * The one error class for user mistakes (bad input or usage), in the manner of KaTeX's ParseError:
 * a stable code, the path of the field at fault (`stride[1]`, `--kernel`), what was expected and
 * what was found. The CLI turns it into one `error:` line and exit code 2; internal invariant
 * violations stay plain `Error`s so they are never mistaken for the user's fault.
 *
 * @example
 * const e = new TconvError("non-positive-stride", "--stride", "non-positive stride is not supported (got 0)");
 * e.toLine() // → "error: --stride: non-positive stride is not supported (got 0)"
 */
export class TconvError extends Error {
  readonly code: string;
  readonly path: string;
  readonly expected: string | undefined;
  readonly actual: string | undefined;

  constructor(code: string, path: string, message: string, details: { expected?: string; actual?: string } = {}) {
    // Every message is made safe here, once: whatever a caller quoted, no terminal sees a raw
    // control character and no line carries a 200 MB value.
    super(safeMessage(message));
    this.name = "TconvError";
    this.code = code;
    this.path = clipText(escapeControl(path), 200);
    this.expected = details.expected === undefined ? undefined : clipText(escapeControl(details.expected), 200);
    this.actual = details.actual === undefined ? undefined : clipText(escapeControl(details.actual), 200);
  }

  /** The single line the CLI prints: `error: <path>: <message>`. */
  toLine(): string {
    const oneLine = this.message.replace(/\s*\n\s*/g, " ");
    return `error: ${this.path}: ${oneLine}`;
  }
}

/**
 * Whether a caught value is a user mistake (rather than an internal error).
 *
 * @example
 * isTconvError(new TconvError("bad-op", "op", "unknown operation")) // → true
 * isTconvError(new Error("bug")) // → false
 */
export function isTconvError(value: unknown): value is TconvError {
  return value instanceof TconvError;
}

/** Longest quoted value kept whole in a message; longer ones keep their start and end. */
const QUOTE_LIMIT = 60;
/** Longest message; the rest is cut (a message is one line, never a document). */
const MESSAGE_LIMIT = 2000;

/**
 * A control character (C0, DEL, C1, and the bidirectional overrides that reorder a terminal's
 * text) as a visible escape; newlines and tabs too, since a message is one line.
 *
 * @example
 * escapeControl("a\u0000b\u001b[31m") // → "a\\x00b\\x1b[31m"
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const keep = Math.max(4, Math.floor((limit - 1) / 2));
  return `${text.slice(0, keep)}…${text.slice(-keep)}`;
}

/**
 * A value as a message quotes it: control characters escaped, clipped to {@link QUOTE_LIMIT}
 * characters, in double quotes. Messages may quote with this; the error class applies the same
 * rules to every quoted value anyway.
 *
 * @example
 * quote("x".repeat(100)).length // → 62
 */
export function quote(value: string, limit = QUOTE_LIMIT): string {
  return `"${clipText(escapeControl(value), limit)}"`;
}

/**
 * Escapes control characters and clips every "quoted" value and the whole message. Quotes are
 * paired left to right, so the text between two short quoted values is never taken for one.
 * Line breaks outside quotes stay (a callout may have several lines; `toLine` joins them).
 */
function safeMessage(message: string): string {
  const quoted = message.replace(/"([^"]*)"/g, (_m, inner: string) => `"${clipText(escapeControl(inner), QUOTE_LIMIT)}"`);
  const rest = quoted.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => escapeControl(c));
  return clipText(rest, MESSAGE_LIMIT);
}

/**
 * The same error about text read from a file, with every quoted value taken out: a message may
 * say where the file's text is wrong, never what it holds (a note's callout is published).
 *
 * @example
 * withoutContent(new TconvError("bad-literal", "input", 'unexpected "x" at character 3'), "data.json").message
 * // → 'in data.json: unexpected "…" at character 3'
 */
export function withoutContent(e: TconvError, file: string): TconvError {
  const message = e.message.replace(/"[^"]*"/g, '"…"').replace(/\([^()]*\)$/, "");
  return new TconvError(e.code, e.path, `in ${JSON.stringify(file)}: ${message}`, {
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
  });
}
