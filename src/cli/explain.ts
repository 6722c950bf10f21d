/**
 * `tconv explain`: the step-by-step walkthrough of a problem as Markdown, self-contained HTML,
 * LaTeX or JSON, in English or Chinese. Written to stdout, or atomically to `--out`.
 */
import type { CommandDefinition } from "./commands.ts";
import { addProblemOptions, indexBaseFromOptions, problemFromOptions } from "./options.ts";
import { TconvError } from "../spec/error.ts";

const FORMATS = ["md", "html", "tex", "json"] as const;

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("explain")
    .description("write the step-by-step derivation of a (transposed) convolution: size, scatter, cell sums, matrix, direct convolution, round trip, overlap, check")
    .option("--format <format>", "md (Markdown with $…$ maths), html (one self-contained offline page), tex (standalone LaTeX) or json (the steps as data)", "md")
    .option("--lang <lang>", "en or zh (Simplified Chinese, zh-CN)", "en")
    .option("--out <file>", "write to this file (atomically) instead of standard output")
    .option("--force", "let --out replace a read-only file")
    .option("--sections <list>", "sections to include, in this order, comma-separated: problem,size,scatter,cells,matrix,gradient,direct,roundtrip,overlap,phases,check (scatter, gradient, overlap and phases: transposed only; phases: stride above 1), and code (the PyTorch script; off by default)")
    .option("--cell <indices>", "the output cell explained in full, one index per spatial axis in the --index-base, e.g. 1,1 (default: a cell with the most terms)");
  addProblemOptions(cmd, { symbols: true }).action(async (opts: Record<string, unknown>) => {
    const format = String(opts["format"] ?? "md").trim().toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new TconvError("bad-format", "--format", `unknown format "${format.slice(0, 20)}"; expected md, html, tex or json`);
    }
    const { parseLocale } = await import("../spec/locale.ts");
    const locale = parseLocale(String(opts["lang"] ?? "en"), "--lang");
    const indexBase = indexBaseFromOptions(opts);
    const problem = problemFromOptions(opts, io, { symbols: true });
    const { explain, parseSections, parseCell } = await import("../explain/index.ts");
    const sections = typeof opts["sections"] === "string" ? parseSections(opts["sections"], problem.info) : undefined;
    const cell = typeof opts["cell"] === "string" ? parseCell(opts["cell"], problem.info, indexBase) : undefined;
    const { parseMaxTerms } = await import("../spec/parse-problem.ts");
    // --max-terms raises the walkthrough's own (lower) term limit too.
    const maxTerms = opts["maxTerms"] !== undefined ? parseMaxTerms(String(opts["maxTerms"]), "--max-terms") : undefined;
    const derivation = explain(problem, {
      indexBase, ...(sections ? { sections } : {}), ...(cell ? { cell } : {}), ...(maxTerms !== undefined ? { maxTerms } : {}), maxTermsField: "--max-terms",
    });
    const { renderDerivation } = await import("../render/index.ts");
    const text = renderDerivation(derivation, { format: format as (typeof FORMATS)[number], locale });
    const out = opts["out"];
    if (typeof out === "string") {
      const { writeOutFile } = await import("../io/write-atomic.ts");
      await writeOutFile(io.cwd, out, text, { force: opts["force"] === true });
    } else {
      io.out(text);
    }
  });
};

export default definition;
