/**
 * `tconv shape`: the output shape of a problem given by shapes, with the size formula per axis,
 * the framework's rule when the problem is a layer string, the sizes output padding could reach,
 * and (`--want-shape`) what would give the shape the user wanted.
 */
import type { CommandDefinition } from "./commands.ts";
import { addShapeOptions, shapeProblemFromOptions } from "./options.ts";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("shape")
    .description("output shape of a (transposed) convolution from the input and kernel shapes, e.g. shape --input-shape 2,2 --kernel-shape 2,2")
    .option("--want-shape <sizes>", "the output shape you need (spatial sizes, or the whole shape in the layout): prints the output_padding or output_size that gives it, or why none can")
    .option("--json", "print {\"shape\":[spatial sizes]} (plus \"layoutShape\" for torch/tf) instead of text");
  addShapeOptions(cmd).action(async (opts: Record<string, unknown>) => {
    const { shape, shapeFormulaLines, outputReach, fixForShape } = await import("../api/shape.ts");
    const { parseShape } = await import("../spec/literal.ts");
    const result = shape(shapeProblemFromOptions(opts, io));
    const { problem } = result;
    const want = typeof opts["wantShape"] === "string" ? parseShape(opts["wantShape"], "--want-shape") : undefined;
    const fix = want ? fixForShape(problem, want, "--want-shape") : undefined;
    const reach = outputReach(problem);
    const layer = problem.layer;
    if (opts["json"]) {
      const whole = problem.layout === "plain" ? {} : { layoutShape: result.layoutShape };
      io.out(`${JSON.stringify({
        shape: result.shape, ...whole,
        ...(reach && (layer || fix) ? { reach: { knob: reach.knob, sizes: reach.axes.map((a) => [a.min, a.max]) } } : {}),
        ...(layer ? { rules: layer.rules, ignored: layer.spec.ignored } : {}),
        ...(fix ? { want: fix } : {}),
      })}\n`);
      return;
    }
    const lines = [`output shape: [${result.shape.join(", ")}]`];
    if (problem.layout !== "plain") lines[0] += ` (whole output in the ${problem.layout} layout: [${result.layoutShape.join(", ")}])`;
    for (const c of problem.choices) lines.push(c.summary);
    lines.push(...shapeFormulaLines(problem));
    if (layer) {
      lines.push(...layer.rules);
      if (layer.spec.ignored.length > 0) lines.push(`ignored (they do not change the numbers): ${layer.spec.ignored.join(", ")}`);
      lines.push(...layer.notes);
    }
    if (reach) {
      const knob = reach.knob === "output_shape" ? "output_shape" : problem.layer?.spec.framework === "keras" ? "output_padding" : "output_padding (or output_size)";
      lines.push(`${knob} can reach: ${reach.axes.map((a) => `axis ${a.axis} ${a.min}..${a.max}`).join(", ")} (${reach.rule})`);
    }
    if (fix?.kind === "already") lines.push(`wanted [${fix.wanted.join(", ")}]: that is already the output`);
    else if (fix?.kind === "fix") lines.push(`wanted [${fix.wanted.join(", ")}]: use ${fix.suggestions.join(" ")}`);
    else if (fix?.kind === "impossible") lines.push(`wanted [${fix.wanted.join(", ")}]: no output padding gives it: ${fix.reason}`);
    io.out(`${lines.join("\n")}\n`);
  });
};

export default definition;
