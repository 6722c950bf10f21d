/**
 * `tconv matrix`: the sparse matrix C of the ordinary convolution whose transpose is the problem
 * (or, with `--op conv`, of the convolution itself), and Cᵀ — as Markdown, LaTeX or JSON.
 * A thin layer over the library's `matrix` and the renderer's `renderMatrix`.
 */
import type { CommandDefinition } from "./commands.ts";
import { addShapeOptions, formatOrJson, indexBaseFromOptions, shapeOptionsFromParsed } from "./options.ts";

/** Kept in step with `TEXT_MAX_ENTRIES` in src/render/matrix.ts (not imported: help stays light). */
const TEXT_LIMIT_HELP = "10000";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("matrix")
    .description("the sparse matrix C of the ordinary convolution whose transpose this is, and C^T, e.g. matrix --input-shape 2,2 --kernel-shape 2,2")
    .option("--format <format>", `md (Markdown with $$ bmatrix), tex (LaTeX) or json ({"rows","cols","entries":[[row,col,value],...]}); md and tex refuse matrices above ${TEXT_LIMIT_HELP} entries`, "md")
    .option("--json", "the same as --format json")
    .option("--index-base <n>", "0 or 1: how cells and symbols are numbered (x_{0,0} or x_{1,1}); JSON rows and columns stay 0-based", "0");
  addShapeOptions(cmd, { kernelValues: true, symbols: true }).action(async (opts: Record<string, unknown>) => {
    const { parseMatrixFormat, renderMatrix } = await import("../render/matrix.ts");
    const format = parseMatrixFormat(formatOrJson(cmd), "--format");
    const indexBase = indexBaseFromOptions(opts);
    const { matrix } = await import("../api/matrix.ts");
    const { problem, c, ct } = matrix({ ...shapeOptionsFromParsed(opts, io, { symbols: true }), indexBase });
    io.out(renderMatrix(problem.info, c, ct, { format, indexBase, field: "--format" }));
  });
};

export default definition;
