/**
 * What a command may touch of the outside world. The CLI passes the real process streams; tests
 * pass buffers, so commands run in-process without spawning.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Directory that relative paths (`@file.json`, `--out`) resolve against. */
  readonly cwd: string;
  /** Whether stderr is a terminal (then long runs print progress there). */
  readonly errIsTTY?: boolean;
}

export function processIo(): CliIo {
  return {
    out: (t) => { process.stdout.write(t); },
    err: (t) => { process.stderr.write(t); },
    cwd: process.cwd(),
    errIsTTY: process.stderr.isTTY === true,
  };
}

/** Collects output in memory (tests, embedding). */
export function bufferIo(cwd: string = process.cwd()): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    cwd,
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
  };
  return io;
}
