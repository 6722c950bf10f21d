/**
 * `tconv code`: prints a short runnable Python script that recomputes the problem with numpy,
 * PyTorch or TensorFlow and prints `{"shape": …, "output": …}` as `tconv eval --json` does.
 */
import type { CommandDefinition } from "./commands.ts";
import { addProblemOptions, problemFromOptions } from "./options.ts";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("code")
    .description("print a runnable Python script (numpy, PyTorch or TensorFlow) that recomputes the problem and prints it as eval --json does")
    .option("--framework <name>", "numpy, torch or tf", "numpy")
    .option("--json", "print {\"framework\":…, \"script\":…} (the script as one string) instead of the script");
  addProblemOptions(cmd, { symbols: false }).action(async (opts: Record<string, unknown>) => {
    const { code } = await import("../api/code.ts");
    const { cliNames } = await import("../spec/names.ts");
    const { parseScriptFramework } = await import("../render/python-script.ts");
    const framework = parseScriptFramework(opts["framework"], "--framework");
    const script = code(problemFromOptions(opts, io), { framework, names: cliNames, frameworkField: "--framework" });
    io.out(opts["json"] ? `${JSON.stringify({ framework, script })}\n` : script);
  });
};

export default definition;
