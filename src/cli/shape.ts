/**
 * `tconv shape`: the output shape of a problem given by shapes, with the size formula per axis.
 */
import type { CommandDefinition } from "./commands.ts";
import { addShapeOptions, shapeProblemFromOptions } from "./options.ts";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("shape")
    .description("output shape of a (transposed) convolution from the input and kernel shapes, e.g. shape --input-shape 2,2 --kernel-shape 2,2")
    .option("--json", "print {\"shape\":[spatial sizes]} (plus \"layoutShape\" for torch/tf) instead of text");
  addShapeOptions(cmd).action(async (opts: Record<string, unknown>) => {
    const { shape, shapeFormulaLines } = await import("../api/shape.ts");
    const result = shape(shapeProblemFromOptions(opts, io));
    if (opts["json"]) {
      const whole = result.problem.layout === "plain" ? {} : { layoutShape: result.layoutShape };
      io.out(`${JSON.stringify({ shape: result.shape, ...whole })}\n`);
      return;
    }
    const lines = [`output shape: [${result.shape.join(", ")}]`];
    if (result.problem.layout !== "plain") lines[0] += ` (whole output in the ${result.problem.layout} layout: [${result.layoutShape.join(", ")}])`;
    for (const c of result.problem.choices) lines.push(c.summary);
    lines.push(...shapeFormulaLines(result.problem));
    io.out(`${lines.join("\n")}\n`);
  });
};

export default definition;
