/**
 * `tconv check`: compares a hand calculation with the truth. Exit 0 when the claim is correct,
 * 1 when it is not, 2 for bad input (CONTRACT.md).
 */
import type { CommandDefinition } from "./commands.ts";
import { addProblemOptions, indexBaseFromOptions, problemOptionsFromParsed } from "./options.ts";

const definition: CommandDefinition = (program, io, setExit) => {
  const cmd = program
    .command("check")
    .description("check a claimed result (a hand calculation) against the truth: which cells are wrong, and which mistake explains them")
    .option("--claim <tensor>", "the claimed output, ? for cells not computed: [[1,2],[3,?]], a LaTeX bmatrix/pmatrix, a Markdown table, a numpy/PyTorch/TensorFlow print (the last tensor of a paste), MATLAB ([1 2; 3 4]), plain rows (1 2 / 3 4), CSV/TSV, @file, or - (standard input)")
    .option("--claim-shape <sizes>", "a claimed output shape in the --layout, e.g. 3,3 (alone, or to state the claim's shape; places the cells a summarised print leaves out with ...)")
    .option("--claim-matrix <matrix>", "a claimed convolution matrix C (rows: the transposed convolution's input cells, columns: its output cells, as tconv matrix numbers them), in any --claim form")
    .option("--json", "print {\"correct\":…, \"wrong\":[…], \"diagnosis\":[…]} instead of a summary")
    .option("--format <format>", "write a report a teacher could hand back: md (Markdown + KaTeX) or html (one offline page)")
    .option("--lang <lang>", "language of the summary and the report: en or zh", "en")
    .option("--out <file>", "write the report (or the JSON) to this file, atomically, instead of stdout")
    .option("--force", "let --out replace a read-only file")
    .option("--index-base <n>", "0 or 1: how cells and symbols are numbered in text (x_{0,0} or x_{1,1})", "0");
  addProblemOptions(cmd, { symbols: false }).action(async (opts: Record<string, unknown>) => {
    const { TconvError } = await import("../spec/error.ts");
    const format = typeof opts["format"] === "string" ? opts["format"] : undefined;
    if (format !== undefined && opts["json"]) {
      throw new TconvError("conflicting-options", "--json", "give --json (the data) or --format (a report), not both");
    }
    if (format !== undefined && format !== "md" && format !== "html") {
      throw new TconvError("bad-option", "--format", `expected md or html, got "${format}"`, { expected: "md|html", actual: format });
    }
    const langText = String(opts["lang"] ?? "en");
    const lang = langText === "en" ? "en" : langText === "zh" || langText === "zh-CN" ? "zh" : undefined;
    if (lang === undefined) throw new TconvError("bad-option", "--lang", `expected en or zh, got "${langText}"`, { expected: "en|zh", actual: langText });
    const indexBase = indexBaseFromOptions(opts);
    const claimText = typeof opts["claim"] === "string" ? opts["claim"] : undefined;
    const shapeText = typeof opts["claimShape"] === "string" ? opts["claimShape"] : undefined;
    const matrixText = typeof opts["claimMatrix"] === "string" ? opts["claimMatrix"] : undefined;
    if (claimText === undefined && shapeText === undefined && matrixText === undefined) {
      throw new TconvError("missing-option", "--claim", "required: the claimed output, e.g. --claim '[[1,2,0],[3,3,-2],[0,-3,-4]]' (or --claim-shape 3,3, or --claim-matrix)");
    }
    // Claims are parsed here only so their errors name the CLI's options; the library does the rest.
    const { parseClaim } = await import("../check/claim/index.ts");
    const { parseShape } = await import("../spec/literal.ts");
    const { check } = await import("../api/check.ts");
    const problemOptions = problemOptionsFromParsed(opts, io);
    const files = { cwd: io.cwd, ...(problemOptions.maxFileBytes !== undefined ? { maxFileBytes: problemOptions.maxFileBytes } : {}) };
    const claimShape = shapeText !== undefined ? parseShape(shapeText, "--claim-shape") : undefined;
    const { problem, result } = check({
      ...problemOptions,
      ...(claimText !== undefined ? { claim: parseClaim(claimText, { field: "--claim", ...files, ...(claimShape ? { shape: claimShape } : {}) }) } : {}),
      ...(claimShape !== undefined ? { claimShape } : {}),
      ...(matrixText !== undefined ? { claimMatrix: parseClaim(matrixText, { field: "--claim-matrix", ...files }) } : {}),
    });
    const report = await import("../render/check-report.ts");
    const ropts = { lang, indexBase } as const;
    let text: string;
    if (opts["json"]) text = `${JSON.stringify(report.checkJson(problem, result, ropts))}\n`;
    else if (format === "md") text = await report.renderCheckMarkdown(problem, result, ropts);
    else if (format === "html") text = await report.renderCheckHtml(problem, result, ropts);
    else text = await report.renderCheckText(problem, result, ropts);
    const out = typeof opts["out"] === "string" ? opts["out"] : undefined;
    if (out !== undefined) {
      const { writeOutFile } = await import("../io/write-atomic.ts");
      await writeOutFile(io.cwd, out, text, { force: opts["force"] === true });
      io.out(opts["json"] || format ? `${result.correct ? "correct" : "wrong"}: report written to ${out}\n` : text);
    } else {
      io.out(text);
    }
    setExit(result.correct ? 0 : 1);
  });
};

export default definition;
