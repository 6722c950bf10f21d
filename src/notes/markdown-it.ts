/**
 * `markdownItTconv`: the markdown-it plugin that renders ```` ```tconv ```` blocks at site-build
 * time. It overrides the fence rule for tconv blocks only and renders the derivation's Markdown
 * with the same markdown-it instance, so the host's math plugin (markdown-it-texmath, …) renders
 * its formulas. Regions written by `tconv notes` are dropped, as in the remark plugin.
 *
 * markdown-it renders synchronously, and so does tconv's own deriver (walkthroughs and the
 * checker's report for `claim:` alike): `md.render` is all a page needs. A custom `derive` that
 * returns a promise needs {@link renderWithTconv}, which derives every block first, then renders —
 * the markdown-it counterpart of `processor.process()` in unified.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { dirname, resolve } from "node:path";
import type { NoteBlock } from "./block.ts";
import { fileContext } from "./api.ts";
import { TconvError } from "../spec/error.ts";
import { stripGenerated } from "./document.ts";
import { isTconvInfo } from "./fences.ts";
import { deriveBlock } from "./derive.ts";
import { renderBlockBody, type DeriveContext, type Deriver } from "./render-block.ts";

/** Options of {@link markdownItTconv}. */
export interface MarkdownItTconvOptions {
  /**
   * Directory that `@file.json` tensors resolve against when the render's `env` has no `path`
   * (default: the process's); `md.render(text, { path: "notes/week3.md" })` uses the note's folder.
   */
  readonly cwd?: string;
  /** The folder `@file` may read from (default: the note's folder); absolute paths and symlinks leaving it are refused. */
  readonly fileRoot?: string;
  /** Let `@file` read any file. Default false. */
  readonly allowAnyFile?: boolean;
  /** Keep the block's YAML source as a code block above its derivation (default false). */
  readonly keepSource?: boolean;
  /** What renders a valid block; the default is tconv's walkthrough (or checker report for `claim`). */
  readonly derive?: Deriver;
}

/** Where prepared derivations travel from {@link renderWithTconv} to the fence rule: markdown-it's `env`. */
const PREPARED = Symbol("tconv prepared derivations");
type TconvEnv = Record<PropertyKey, unknown> & { [PREPARED]?: Map<string, string> };
const OPTIONS = new WeakMap<MarkdownIt, MarkdownItTconvOptions>();

/**
 * The markdown-it plugin. Add a math plugin too, or the derivation's `$…$` stays text. Plain
 * `md.render` derives every block, walkthroughs and `claim:` reports; only a custom asynchronous
 * `derive` needs {@link renderWithTconv}, which prepares every block first.
 *
 * @example
 * const { default: markdownIt } = await import("markdown-it");
 * const { default: texmath } = await import("markdown-it-texmath");
 * const { default: katex } = await import("katex");
 * const md = markdownIt().use(texmath, { engine: katex, delimiters: "dollars" }).use(markdownItTconv);
 * const html = md.render("```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]\n```\n");
 * html.includes('class="katex"') // → true
 */
export function markdownItTconv(md: MarkdownIt, options: MarkdownItTconvOptions = {}): void {
  OPTIONS.set(md, options);
  const fallback = md.renderer.rules.fence;
  md.core.ruler.before("normalize", "tconv_drop_regions", dropGeneratedRegions);
  md.renderer.rules.fence = (tokens, idx, mdOptions, env: TconvEnv | undefined, self) => {
    const token = tokens[idx]!;
    const original = () => (fallback ? fallback(tokens, idx, mdOptions, env, self) : self.renderToken(tokens, idx, mdOptions));
    if (!isTconvInfo(token.info)) return original();
    const markdown = env?.[PREPARED]?.get(token.content) ?? deriveNow(token.content, options.derive ?? deriveBlock, noteContext(options, env));
    return (options.keepSource ? original() : "") + md.render(markdown, env);
  };
}

/** `md.render` without {@link renderWithTconv}: works for every block a synchronous derive can do. */
function deriveNow(body: string, derive: Deriver, context: DeriveContext): string {
  const rendered = renderBlockBody(body, (block: NoteBlock, ctx: DeriveContext): string => {
    const out = derive(block, ctx);
    if (typeof out !== "string") {
      throw new TconvError("needs-async", "tconv", "this block needs an asynchronous renderer; render the page with renderWithTconv(md, text)");
    }
    return out;
  }, context);
  return rendered.markdown;
}

/**
 * Renders Markdown with a markdown-it instance that uses {@link markdownItTconv}: parses it, derives
 * every tconv block (waiting for a custom asynchronous `derive`), then renders the tokens. With
 * tconv's own deriver it gives the same HTML as `md.render`.
 *
 * @example
 * const { default: markdownIt } = await import("markdown-it");
 * const { default: texmath } = await import("markdown-it-texmath");
 * const { default: katex } = await import("katex");
 * const md = markdownIt().use(texmath, { engine: katex, delimiters: "dollars" }).use(markdownItTconv);
 * const note = "```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nclaim: [[1, 2, 0], [3, 3, -2], [0, -3, 4]]\n```\n";
 * const html = await renderWithTconv(md, note);
 * html.includes("1 of 9 computed cells is wrong") // → true
 */
export async function renderWithTconv(md: MarkdownIt, text: string, env: Record<string, unknown> = {}): Promise<string> {
  const options = OPTIONS.get(md);
  if (options === undefined) throw new Error("renderWithTconv: add the plugin first, md.use(markdownItTconv)");
  const derive = options.derive ?? deriveBlock;
  const context = noteContext(options, env);
  const tconvEnv = env as TconvEnv;
  const tokens = md.parse(text, tconvEnv);
  const prepared = new Map<string, string>();
  for (const body of tconvBodies(tokens)) {
    if (!prepared.has(body)) prepared.set(body, (await renderBlockBody(body, derive, context)).markdown);
  }
  tconvEnv[PREPARED] = prepared;
  try {
    return md.renderer.render(tokens, md.options, tconvEnv);
  } finally {
    delete tconvEnv[PREPARED];
  }
}

/** `@file` resolves against the note's folder (`env.path`), else `options.cwd`. */
function noteContext(options: MarkdownItTconvOptions, env: Record<PropertyKey, unknown> | undefined): DeriveContext {
  const base = options.cwd ?? process.cwd();
  const path = env?.["path"];
  const cwd = typeof path === "string" && path !== "" ? dirname(resolve(base, path)) : base;
  return fileContext({ cwd, ...(options.fileRoot !== undefined ? { fileRoot: resolve(base, options.fileRoot) } : {}), ...(options.allowAnyFile ? { allowAnyFile: true } : {}) });
}

function tconvBodies(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => t.type === "fence" && isTconvInfo(t.info)).map((t) => t.content);
}

/**
 * Removes the regions `tconv notes` wrote, from the source itself: with markdown-it's default
 * `html: false` the markers are not HTML tokens but text, so the tokens cannot be trusted to
 * show where a region ends.
 */
function dropGeneratedRegions(state: StateCore): void {
  if (state.src.includes("tconv:begin")) state.src = stripGenerated(state.src);
}
