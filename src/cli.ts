#!/usr/bin/env node
/**
 * The command-line door: argument parsing, files and exit codes only; every command is a thin
 * layer over the library API. Exit codes: 0 done, 1 `check` found a wrong claim, 2 bad input
 * (one `error:` line on stderr, no stack trace, nothing written).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { commandTable } from "./cli/commands.ts";
import { processIo, type CliIo } from "./io/cli-io.ts";
import { isTconvError, TconvError } from "./spec/error.ts";
import { tconvVersion } from "./notes/markers.ts";
import { installNodePlatform } from "./io/node-platform.ts";

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  installNodePlatform();
  let exitCode = 0;
  const program = new Command("tconv")
    .description("Transposed convolution, explained symbolically and exactly, with every number checked.")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (s, write) => write(oneLine(s)) })
    .version(tconvVersion(), "-V, --version", "print the version of tconv")
    .showSuggestionAfterError();
  const wanted = argv[0];
  const known = wanted !== undefined && commandTable.some(([name]) => name === wanted);
  // Only the command that runs is loaded; `--help` without a command, and a mistyped command
  // (so that commander can say which one was meant), load them all.
  for (const [name, load] of commandTable) {
    if (wanted === undefined || wanted.startsWith("-") || wanted === "help" || wanted === name || !known) {
      (await load())(program, io, (c) => { exitCode = c; });
    }
  }
  refuseRepeatedOptions(program);
  // `-` for a tensor option: standard input is read before the command's action runs.
  program.hook("preAction", async (_program, command) => {
    const { readStdinOptions } = await import("./cli/stdin.ts");
    await readStdinOptions(command, io);
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      return 2; // commander already printed its own `error: ...` line
    }
    if (isTconvError(e)) {
      io.err(e.toLine() + "\n");
      return 2;
    }
    throw e;
  }
}

/** commander puts its suggestion on a second line; the contract is one `error:` line. */
function oneLine(message: string): string {
  return message.replace(/\n\(Did you mean (.+?)\?\)/g, " (did you mean $1?)");
}

/**
 * An option given twice (`--input A --input B`) is refused: commander would silently keep the
 * last, and the user meant one of them. Counted per command through commander's option events.
 */
function refuseRepeatedOptions(program: Command): void {
  for (const cmd of program.commands) {
    const seen = new Set<string>();
    for (const option of cmd.options) {
      cmd.on(`option:${option.name()}`, () => {
        if (seen.has(option.long ?? option.name())) {
          throw new TconvError("duplicate-option", option.long ?? option.name(), "given more than once; give it once");
        }
        seen.add(option.long ?? option.name());
      });
    }
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`internal error (please report): ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
