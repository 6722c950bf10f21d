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
    const { parseLocale } = await import("../spec/locale.ts");
    const lang = parseLocale(String(opts["lang"] ?? "en"), "--lang");
    const indexBase = indexBaseFromOptions(opts);
    const given = (key: string) => (typeof opts[key] === "string" ? { [key]: opts[key] } : {});
    const { check } = await import("../api/check.ts");
    const { cliNames } = await import("../spec/names.ts");
    // The library reads the claims and checks that one was given; its errors name the options.
    const { problem, result } = check({
      ...problemOptionsFromParsed(opts, io), names: cliNames, ...given("claim"), ...given("claimShape"), ...given("claimMatrix"),
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
