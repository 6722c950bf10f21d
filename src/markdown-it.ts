/**
 * `tconv/markdown-it`: the markdown-it plugin on its own entry point, so that the main export's
 * types never reach for `@types/markdown-it` (an optional peer dependency: a consumer who
 * imports this entry uses markdown-it already).
 *
 * @example
 * import { markdownItTconv, renderWithTconv } from "tconv/markdown-it";
 */
export { markdownItTconv, renderWithTconv, type MarkdownItTconvOptions } from "./notes/markdown-it.ts";
