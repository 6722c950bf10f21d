/**
 * The languages tconv writes in, and the one parser of their spellings. A locale is the folder
 * of its templates (`templates/en`, `templates/zh-CN`) and the value of an HTML page's `lang`;
 * users may also write the short `zh` (and any case). Every door (CLI options, notes blocks,
 * library options) reads a language through {@link parseLocale}; everything below takes a
 * {@link Locale}.
 */
import { TconvError } from "./error.ts";

/**
 * A language of the walkthroughs, check reports and diagrams: English or Simplified Chinese.
 *
 * @example
 * const locale: Locale = "zh-CN";
 */
export type Locale = "en" | "zh-CN";

/**
 * Every locale, in the order documents are written.
 *
 * @example
 * LOCALES // → ["en","zh-CN"]
 */
export const LOCALES: readonly Locale[] = Object.freeze(["en", "zh-CN"]);

/** Each accepted spelling (lower case) and its locale. */
const SPELLINGS: ReadonlyMap<string, Locale> = new Map([["en", "en"], ["zh", "zh-CN"], ["zh-cn", "zh-CN"]]);

/**
 * Reads a language: `en`, `zh` or `zh-CN`, in any case, with surrounding spaces ignored; absent
 * means English. Anything else is a bad input naming `field` (`lang` for library callers, the
 * CLI passes `--lang`).
 *
 * @example
 * parseLocale("zh")       // → "zh-CN"
 * parseLocale(" ZH-cn ")  // → "zh-CN"
 * parseLocale(undefined)  // → "en"
 * // parseLocale("fr", "--lang") throws a TconvError: error: --lang: expected en or zh, got "fr"
 */
export function parseLocale(text: string | undefined, field = "lang"): Locale {
  if (text === undefined) return "en";
  const locale = SPELLINGS.get(text.trim().toLowerCase());
  if (locale === undefined) {
    throw new TconvError("bad-lang", field, `expected en or zh, got "${text}"`, { expected: "en|zh", actual: text });
  }
  return locale;
}
