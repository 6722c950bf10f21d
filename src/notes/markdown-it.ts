/**
 * `markdownItTconv`: the markdown-it plugin that renders ```` ```tconv ```` blocks at site-build
 * time. It overrides the fence rule for tconv blocks only and renders the derivation's Markdown
 * with the same markdown-it instance, so the host's math plugin (markdown-it-texmath, …) renders
 * its formulas. Regions written by `tconv notes` are dropped, as in the remark plugin.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import { stripGenerated } from "./document.ts";
import { isTconvInfo } from "./fences.ts";
import type { NoteBlock } from "./block.ts";
import { renderBlockBodySync, type DeriveContext } from "./render-block.ts";
import { deriveBlockSync } from "./derive.ts";

export interface MarkdownItTconvOptions {
  /** Directory that `@file.json` tensors resolve against (default: the process's). */
  readonly cwd?: string;
  /** Keep the block's YAML source as a code block above its derivation (default false). */
  readonly keepSource?: boolean;
  /** What renders a valid block (synchronously: markdown-it renders synchronously). */
  readonly derive?: (block: NoteBlock, context: DeriveContext) => string;
}

/**
 * The markdown-it plugin. Add a math plugin too, or the derivation's `$…$` stays text.
 *
 * @example
 * const md = markdownIt().use(texmath, { engine: katex, delimiters: "dollars" }).use(markdownItTconv);
 * const html = md.render(note);
 */
export function markdownItTconv(md: MarkdownIt, options: MarkdownItTconvOptions = {}): void {
  const context: DeriveContext = { cwd: options.cwd ?? process.cwd() };
  const derive = options.derive ?? deriveBlockSync;
  const fallback = md.renderer.rules.fence;
  md.core.ruler.before("normalize", "tconv_drop_regions", dropGeneratedRegions);
  md.renderer.rules.fence = (tokens, idx, mdOptions, env, self) => {
    const token = tokens[idx]!;
    const original = () => (fallback ? fallback(tokens, idx, mdOptions, env, self) : self.renderToken(tokens, idx, mdOptions));
    if (!isTconvInfo(token.info)) return original();
    const rendered = renderBlockBodySync(token.content, derive, context);
    return (options.keepSource ? original() : "") + md.render(rendered.markdown, env);
  };
}

/**
 * Removes the regions `tconv notes` wrote, from the source itself: with markdown-it's default
 * `html: false` the markers are not HTML tokens but text, so the tokens cannot be trusted to
 * show where a region ends.
 */
function dropGeneratedRegions(state: StateCore): void {
  if (state.src.includes("tconv:begin")) state.src = stripGenerated(state.src);
}
