/**
 * The two site-build pipelines the plugins are tested in, exactly as a site would set them up:
 * remark-parse → remark-math → remarkTconv → remark-rehype → rehype-katex → rehype-stringify, and
 * markdown-it with markdown-it-texmath on KaTeX. KaTeX errors are rendered (not thrown) so the
 * browser tests can find them as `.katex-error` nodes.
 */
import katex from "katex";
import markdownIt, { type MarkdownIt } from "markdown-it";
import texmath from "markdown-it-texmath";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { unified } from "unified";
import { markdownItTconv, renderWithTconv, type MarkdownItTconvOptions } from "../../src/notes/markdown-it.ts";
import { remarkTconv, type TconvPluginOptions } from "../../src/notes/remark.ts";

export async function viaRemark(note: string, options: TconvPluginOptions = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse).use(remarkMath).use(remarkTconv, options)
    .use(remarkRehype).use(rehypeKatex, { strict: "ignore", trust: false })
    .use(rehypeStringify)
    .process(note);
  return String(file);
}

export function markdownItWithTconv(options: MarkdownItTconvOptions = {}): MarkdownIt {
  return markdownIt()
    .use(texmath, { engine: katex, delimiters: "dollars", katexOptions: { throwOnError: false, strict: "ignore", trust: false } })
    .use(markdownItTconv, options);
}

export function viaMarkdownIt(note: string, options: MarkdownItTconvOptions = {}): Promise<string> {
  return renderWithTconv(markdownItWithTconv(options), note);
}

/**
 * KaTeX's stylesheet for HTML that `plugin` produced: rehype-katex renders with its own KaTeX
 * (which may be another version than the one markdown-it-texmath is given), and KaTeX's markup only
 * lays out correctly with the stylesheet of the same version — as on a real site.
 */
export function katexCssFor(plugin: "remark" | "markdown-it"): string {
  const from = plugin === "remark" ? "../../node_modules/rehype-katex/package.json" : "../../package.json";
  const resolve = createRequire(fileURLToPath(new URL(from, import.meta.url))).resolve;
  return pathToFileURL(join(dirname(resolve("katex/package.json")), "dist", "katex.min.css")).href;
}

/** A page that shows the HTML with the KaTeX stylesheet the plugin's KaTeX needs. */
export function page(title: string, body: string, plugin: "remark" | "markdown-it"): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="${katexCssFor(plugin)}">
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}</style>
</head><body>${body}</body></html>`;
}
