/**
 * `tconv eval`: the whole output tensor of a problem, exact for integers and fractions.
 */
import type { CommandDefinition } from "./commands.ts";
import { addProblemOptions, problemFromOptions } from "./options.ts";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("eval")
    .description("evaluate a (transposed) convolution: exact when every entry is an integer or fraction, float64 otherwise")
    .option("--exact", "print non-integer exact results as \"p/q\" strings instead of numbers")
    .option("--json", "print {\"shape\":[...],\"output\":[...]} instead of a readable matrix");
  addProblemOptions(cmd, { symbols: false }).action(async (opts: Record<string, unknown>) => {
    const { evaluate, evaluationJson } = await import("../api/evaluate.ts");
    const { cliNames } = await import("../spec/names.ts");
    const result = evaluate(problemFromOptions(opts, io), { names: cliNames });
    const exact = opts["exact"] === true;
    if (opts["json"]) {
      io.out(`${evaluationJson(result, { exact })}\n`);
      return;
    }
    const { formatTensorText } = await import("../api/tensor-text.ts");
    const cells = result.mode === "float"
      ? Array.from(result.values, (v) => String(Object.is(v, -0) ? 0 : v))
      : result.values.map((q) => (q.isInteger() || exact ? q.toString() : String(q.toNumber())));
    const how = result.mode === "exact" ? "exact" : "float64";
    io.out(`output shape [${result.shape.join(", ")}] (${how}, ${result.problem.layout} layout)\n`);
    for (const c of result.problem.choices) io.out(`${c.summary}\n`);
    io.out(formatTensorText(result.shape, cells));
  });
};

export default definition;
