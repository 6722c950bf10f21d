/**
 * The walkthrough and check text lives in templates/<locale>/*.eta. They are compiled ahead of
 * time into src/generated/templates.ts (`npm run build:embedded`), so rendering reads no file and
 * runs in a browser. Templates write Markdown (`check.txt.eta`: the check's plain-text summary);
 * maths and figures go in through the document helpers as placeholders, so escaping never touches
 * TeX. HTML is made from that Markdown by render's own converter (markdown-html.ts), not by the
 * templates. Eta errors carry no template line: they are re-thrown naming the template and locale.
 */
import { Eta } from "eta/core";
import { ETA_OPTIONS } from "./eta-options.ts";
import { compiledTemplates, localeStringTables } from "../generated/templates.ts";
import type { Locale } from "../spec/locale.ts";

let eta: Eta | undefined;

function engine(): Eta {
  if (!eta) {
    eta = new Eta(ETA_OPTIONS);
    for (const [name, fn] of Object.entries(compiledTemplates)) eta.loadTemplate(`@${name}`, fn as Parameters<Eta["loadTemplate"]>[1]);
  }
  return eta;
}

/**
 * Renders `templates/<locale>/<name>` (full file name, e.g. `walk.size.md.eta`).
 *
 * @example renderTemplate("en", "walk.md.eta", data)
 */
export function renderTemplate(locale: Locale, name: string, data: object): string {
  try {
    return engine().render(`@${locale}/${name}`, data);
  } catch (e) {
    throw new Error(`template ${locale}/${name}: ${(e as Error).message}`);
  }
}

/**
 * templates/<locale>/strings.json, as compiled into the generated module.
 *
 * @example (templateStrings("zh-CN") as { title: object }).title
 */
export function templateStrings(locale: Locale): unknown {
  const table = localeStringTables[locale];
  if (table === undefined) throw new Error(`templateStrings: no strings.json for ${locale}`);
  return table;
}
