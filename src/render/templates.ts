/**
 * The walkthrough text lives in templates/<locale>/walk.*.md.eta (Eta, loaded once per process).
 * Templates write Markdown; maths and figures go in through the document helpers as
 * placeholders, so escaping never touches TeX. Eta errors carry no template line: they are
 * re-thrown naming the template and locale.
 */
import { Eta } from "eta";
import { fileURLToPath } from "node:url";

/**
 * A walkthrough language: the folder of its templates (`templates/en`, `templates/zh-CN`).
 *
 * @example
 * const locale: Locale = "zh-CN";
 */
export type Locale = "en" | "zh-CN";

/** templates/ at the project root: two levels up from src/render (and from dist/render). */
const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

let eta: Eta | undefined;

function engine(): Eta {
  // autoEscape off: the output is Markdown (escaping & would corrupt it); HTML is made from the
  // Markdown by markdown-it with raw HTML disabled, which escapes everything it is given.
  eta ??= new Eta({ views: TEMPLATE_DIR, autoEscape: false, autoTrim: false, cache: true });
  return eta;
}

/**
 * Renders `templates/<locale>/<name>` (full file name, e.g. `walk.size.md.eta`).
 *
 * @example renderTemplate("en", "walk.md.eta", data)
 */
export function renderTemplate(locale: Locale, name: string, data: object): string {
  try {
    return engine().render(`./${locale}/${name}`, data);
  } catch (e) {
    throw new Error(`template ${locale}/${name}: ${(e as Error).message}`);
  }
}

/**
 * Accepts `en`, `zh`, `zh-CN`.
 *
 * @example parseLocale("zh") // "zh-CN"
 */
export function parseLocale(lang: string | undefined): Locale | undefined {
  if (lang === undefined || lang === "en") return "en";
  if (lang === "zh" || lang === "zh-CN" || lang === "zh-cn") return "zh-CN";
  return undefined;
}
