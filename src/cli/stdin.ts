/**
 * `-` as the value of a tensor option reads that tensor from standard input, e.g.
 * `python make_input.py | tconv eval --input - --kernel @w.json`. Standard input is read once,
 * before the command runs, through the same size cap as an `@file` (`--max-file-size`), and
 * the text it held takes the option's place: the command itself never sees the `-`.
 */
import type { Command } from "commander";
import type { CliIo } from "../io/cli-io.ts";
import { TconvError } from "../spec/error.ts";
import { parseMaxFileBytes } from "../io/read-file.ts";

/** The options that may read standard input, by commander key and as the user spells them. */
export const STDIN_OPTIONS = [
  ["input", "--input"], ["kernel", "--kernel"], ["claim", "--claim"], ["claimMatrix", "--claim-matrix"],
] as const;

/**
 * Replaces a `-` option value by what standard input holds. At most one option may be `-`
 * (standard input can be read once); a terminal, a missing or an empty standard input is an
 * error naming the option.
 *
 * @example
 * // tconv eval --input - --kernel '[[1]]'   (with [[1,2]] piped in)
 * await readStdinOptions(command, io); command.getOptionValue("input") // → "[[1,2]]"
 */
export async function readStdinOptions(command: Command, io: CliIo): Promise<void> {
  const own = new Set(command.options.map((o) => o.attributeName()));
  const dashed = STDIN_OPTIONS.filter(([key]) => own.has(key) && isDash(command.getOptionValue(key)));
  if (dashed.length === 0) return;
  const [[key, option], second] = [dashed[0]!, dashed[1]];
  if (second !== undefined) {
    throw new TconvError("stdin-used-twice", second[1], `stdin is already used by ${option}; give at most one option as -`);
  }
  const pipeHint = `pipe the tensor in (… | tconv ${command.name()} ${option} -), or give it inline or as @file`;
  if (io.stdin === undefined) throw new TconvError("no-stdin", option, `there is no standard input to read; ${pipeHint}`);
  if (io.stdin.isTTY) throw new TconvError("stdin-is-terminal", option, `standard input is a terminal, not a pipe or file; ${pipeHint}`);
  const limit = parseMaxFileBytes(stringOrUndefined(command.getOptionValue("maxFileSize")), "--max-file-size");
  const text = await io.stdin.read(limit);
  if (text === undefined) {
    throw new TconvError("file-too-large", option, `standard input holds more than ${limit} bytes (raise it with --max-file-size)`);
  }
  if (text.trim() === "") throw new TconvError("empty-stdin", option, `standard input is empty; ${pipeHint}`);
  // What was piped in is the tensor itself: an @name there would make a file name out of data.
  if (text.trimStart().startsWith("@")) {
    throw new TconvError("stdin-file-reference", option, `standard input starts with @, which would name a file; pipe the tensor itself, or give ${option} @file`);
  }
  // The newline `echo` or `print` ends with is not part of the tensor.
  command.setOptionValueWithSource(key, text.trimEnd(), "cli");
}

function isDash(value: unknown): boolean {
  return typeof value === "string" && value.trim() === "-";
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
