/**
 * `tconv explain`: the step-by-step walkthrough of a problem as Markdown, self-contained HTML,
 * LaTeX or JSON, in English or Chinese. Written to stdout, or atomically to `--out`.
 */
import type { CommandDefinition } from "./commands.ts";
import { addProblemOptions, formatOrJson, problemOptionsFromParsed } from "./options.ts";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("explain")
    .description("write the step-by-step derivation of a (transposed) convolution: size, scatter, cell sums, matrix, direct convolution, round trip, overlap, check")
    .option("--format <format>", "md (Markdown with $…$ maths), html (one self-contained offline page), tex (standalone LaTeX) or json (the steps as data)", "md")
    .option("--json", "the same as --format json")
    .option("--lang <lang>", "en or zh (Simplified Chinese, zh-CN)", "en")
    .option("--out <file>", "write to this file (atomically) instead of standard output")
    .option("--force", "let --out replace a read-only file")
    .option("--sections <list>", "sections to include, in this order, comma-separated: problem,size,scatter,cells,matrix,gradient,direct,roundtrip,overlap,phases,check (scatter, gradient, overlap and phases: transposed only; phases: stride above 1), and code (the PyTorch script; off by default)")
    .option("--cell <indices>", "the output cell explained in full, one index per spatial axis in the --index-base, e.g. 1,1 (default: a cell with the most terms)");
  addProblemOptions(cmd, { symbols: true }).action(async (opts: Record<string, unknown>) => {
    const { explainDocument } = await import("../api/explain.ts");
    const text = (key: string) => { const v = opts[key]; return typeof v === "string" ? v : undefined; };
    // Every option is parsed once, by the library, with errors naming the options (--cell).
    const { text: document } = explainDocument({
      ...problemOptionsFromParsed(opts, io, { symbols: true }),
      format: formatOrJson(cmd), lang: text("lang"), sections: text("sections"), cell: text("cell"), indexBase: text("indexBase"),
    });
    const out = opts["out"];
    if (typeof out === "string") {
      const { writeOutFile } = await import("../io/write-atomic.ts");
      await writeOutFile(io.cwd, out, document, { force: opts["force"] === true });
    } else {
      io.out(document);
    }
  });
};

export default definition;
