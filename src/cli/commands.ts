import type { Command } from "commander";
import type { CliIo } from "../io/cli-io.ts";

/**
 * One row per command (markdown-it's rule-table style). A definition only declares options
 * and help; its action imports the implementation lazily, so `tconv shape` never loads the
 * code (or the libraries) of `tconv explain`.
 */
export type CommandDefinition = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

export const commandTable: ReadonlyArray<readonly [name: string, load: () => Promise<CommandDefinition>]> = [
  ["notes", () => import("./notes.ts").then((m) => m.default)],
  ["shape", () => import("./shape.ts").then((m) => m.default)],
  ["eval", () => import("./eval.ts").then((m) => m.default)],
  ["matrix", () => import("./matrix.ts").then((m) => m.default)],
  ["explain", () => import("./explain.ts").then((m) => m.default)],
  ["check", () => import("./check.ts").then((m) => m.default)],
  ["code", () => import("./code.ts").then((m) => m.default)],
  ["playground", () => import("./playground.ts").then((m) => m.default)],
];
