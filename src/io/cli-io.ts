/**
 * What a command may touch of the outside world. The CLI passes the real process streams; tests
 * pass buffers, so commands run in-process without spawning.
 */
import { isatty } from "node:tty";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Directory that relative paths (`@file.json`, `--out`) resolve against. */
  readonly cwd: string;
  /** Whether stderr is a terminal (then long runs print progress there). */
  readonly errIsTTY?: boolean;
  /** Standard input, read when a tensor option is `-`; absent when there is none. */
  readonly stdin?: StdinSource;
}

/** Standard input as the CLI reads it: once, to its end, never more than a size cap. */
export interface StdinSource {
  /** Whether standard input is a terminal (then nobody piped a tensor in). */
  readonly isTTY: boolean;
  /** Everything up to the end as UTF-8 text, or undefined as soon as more than `maxBytes` arrived. */
  read(maxBytes: number): Promise<string | undefined>;
}

export function processIo(): CliIo {
  return {
    out: (t) => { process.stdout.write(t); },
    err: (t) => { process.stderr.write(t); },
    cwd: process.cwd(),
    errIsTTY: process.stderr.isTTY === true,
    stdin: {
      // isatty(0), not process.stdin.isTTY: touching process.stdin opens a stream on fd 0,
      // which only a run that reads it should do.
      get isTTY() { return isatty(0); },
      read: readProcessStdin,
    },
  };
}

async function readProcessStdin(maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      process.stdin.destroy();
      return undefined;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

/**
 * Collects output in memory (tests, embedding). `stdin` is what standard input holds (absent:
 * there is none), `stdinIsTTY` makes it a terminal.
 */
export function bufferIo(
  cwd: string = process.cwd(),
  input: { readonly stdin?: string; readonly stdinIsTTY?: boolean } = {},
): CliIo & { stdout: string; stderr: string; stdinReads: number } {
  const io = {
    stdout: "",
    stderr: "",
    stdinReads: 0,
    cwd,
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
    ...(input.stdin !== undefined || input.stdinIsTTY ? {
      stdin: {
        isTTY: input.stdinIsTTY === true,
        read: async (maxBytes: number) => {
          io.stdinReads++;
          const text = input.stdin ?? "";
          return Buffer.byteLength(text, "utf8") > maxBytes ? undefined : text;
        },
      },
    } : {}),
  };
  return io;
}
