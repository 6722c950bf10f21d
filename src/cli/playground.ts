/**
 * `tconv playground --out FILE`: writes the interactive playground (one offline HTML file),
 * pre-filled with the problem the usual options give. The problem is validated first, so a bad
 * option is the usual one `error:` line and nothing is written. An `@file` tensor is read here
 * and written into the page as its text, since a page cannot read files.
 */
import type { CommandDefinition } from "./commands.ts";
import { addProblemOptions, problemFromOptions } from "./options.ts";

const definition: CommandDefinition = (program, io) => {
  const cmd = program
    .command("playground")
    .description("write the interactive playground (one offline HTML page: type a problem, trace cells, en/zh), optionally pre-filled with a problem")
    .requiredOption("--out <file>", "the HTML file to write (atomically)")
    .option("--force", "let --out replace a read-only file")
    .option("--lang <lang>", "language of the page: en or zh", "en")
    .option("--json", "once the page is written, print {\"out\":…, \"bytes\":…, \"lang\":…, \"fields\":{…}} (the fields it is pre-filled with)");
  addProblemOptions(cmd, { symbols: true }).action(async (opts: Record<string, unknown>) => {
    const { TconvError } = await import("../spec/error.ts");
    const { SEED } = await import("../playground/fields.ts");
    const { parseLocale } = await import("../spec/locale.ts");
    const locale = parseLocale(String(opts["lang"] ?? "en"), "--lang");
    for (const [key, option] of [["outputShape", "--output-shape"], ["autoPad", "--auto-pad"], ["maxTerms", "--max-terms"], ["maxCells", "--max-cells"]] as const) {
      if (opts[key] !== undefined) {
        throw new TconvError("unsupported-option", option, "the playground has no such field; its fields are --input, --kernel, --stride, --padding, --dilation, --output-padding, --output-size, --groups, --bias, --op, --layout");
      }
    }
    const text = (key: string) => (typeof opts[key] === "string" ? opts[key] : undefined);
    let values: Record<string, string> = { ...SEED };
    if (text("input") !== undefined || text("kernel") !== undefined) {
      problemFromOptions(opts, io, { symbols: true }); // validates; errors name the options
      const { platform } = await import("../platform.ts");
      const { cliNames } = await import("../spec/names.ts");
      const inline = (key: "input" | "kernel" | "bias", value: string) => {
        const v = value.trim();
        return v.startsWith("@") ? platform().readFile(v.slice(1), cliNames[key], { cwd: io.cwd }).trim() : value;
      };
      values = {};
      const fields = [
        ["input", "input"], ["kernel", "kernel"], ["bias", "bias"], ["stride", "stride"], ["padding", "padding"],
        ["dilation", "dilation"], ["outputPadding", "output-padding"], ["outputSize", "output-size"],
        ["groups", "groups"], ["op", "op"], ["layout", "layout"],
      ] as const;
      const defaults: Record<string, string> = { groups: "1", op: "transposed", layout: "plain" };
      for (const [key, field] of fields) {
        const v = text(key);
        if (v === undefined || defaults[key] === v) continue;
        values[field] = key === "input" || key === "kernel" || key === "bias" ? inline(key, v) : v;
      }
    }
    if (text("torch") !== undefined || text("keras") !== undefined) {
      // The page has no layer field: the layer's parameters, as the problem resolved them, fill
      // the fields it has (padding as begins then ends when they differ, as --padding reads it).
      const problem = problemFromOptions(opts, io, { symbols: true });
      const p = problem.params, list = (xs: readonly number[]) => xs.join(",");
      const same = p.padBegin.every((b, i) => b === p.padEnd[i]);
      const layerFields: Record<string, string> = {
        layout: problem.layout, op: problem.info.op, stride: list(p.stride), dilation: list(p.dilation),
        padding: same ? list(p.padBegin) : list([...p.padBegin, ...p.padEnd]), groups: String(p.groups),
        ...(problem.info.op === "transposed" ? { "output-padding": list(p.outputPadding) } : {}),
      };
      values = { ...values, ...layerFields };
    }
    // The page's own field writes Chinese as `zh` (CONTRACT: the fragment's lang=zh).
    if (locale === "zh-CN") values["lang"] = "zh";
    // The page is bundled by esbuild, a development dependency: present in a checkout, not in an install.
    const { playgroundHtml } = await import("../playground/build.ts").catch((e: unknown) => {
      if (!(e instanceof Error && /esbuild/.test(e.message))) throw e;
      throw new TconvError("no-bundler", "--out", "building the playground needs esbuild (a development dependency of tconv): run this command from a checkout after npm ci");
    });
    const html = playgroundHtml(values);
    const { writeOutFile } = await import("../io/write-atomic.ts");
    await writeOutFile(io.cwd, String(opts["out"]), html, { force: opts["force"] === true });
    if (opts["json"]) {
      const { lang: _lang, ...fields } = values;
      io.out(`${JSON.stringify({ out: String(opts["out"]), bytes: Buffer.byteLength(html, "utf8"), lang: locale === "zh-CN" ? "zh" : "en", fields })}\n`);
    }
  });
};

export default definition;
