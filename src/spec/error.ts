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
    super(message);
    this.name = "TconvError";
    this.code = code;
    this.path = path;
    this.expected = details.expected;
    this.actual = details.actual;
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
