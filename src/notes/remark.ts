/**
 * `remarkTconv`: the unified/remark plugin that turns ```` ```tconv ```` blocks into their
 * derivation at site-build time. The derivation is Markdown; it is parsed by the host processor's
 * own parser (so with remark-math in the pipeline its `$$` becomes math nodes that rehype-katex
 * renders) and spliced in place of the block. Regions written by `tconv notes` are dropped, so a
 * note renders the same whether or not it was run through the notes command first.
 */
import type { Code, Html, Parent, Root, RootContent } from "mdast";
import { dirname, resolve } from "node:path";
import type { Processor, Transformer } from "unified";
import type { VFile } from "vfile";
import { fileContext } from "./api.ts";
import { isTconvInfo } from "./fences.ts";
import { isEndMarker, parseBeginMarker } from "./markers.ts";
import { deriveBlock } from "./derive.ts";
import { renderBlockBody, type DeriveContext, type Deriver } from "./render-block.ts";

/** Options of {@link remarkTconv}. */
export interface TconvPluginOptions {
  /**
   * Directory that `@file.json` tensors resolve against when the file being processed has no
   * path (default: the process's); a vfile with a path uses its own folder.
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

/**
 * The remark plugin. Use it after remark-parse and remark-math, before remark-rehype.
 *
 * @example
 * const { unified } = await import("unified");
 * const { default: remarkParse } = await import("remark-parse");
 * const { default: remarkMath } = await import("remark-math");
 * const { default: remarkRehype } = await import("remark-rehype");
 * const { default: rehypeKatex } = await import("rehype-katex");
 * const { default: rehypeStringify } = await import("rehype-stringify");
 * const note = "```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1, 0], [0, -1]]\nsections: [size]\n```\n";
 * const html = String(await unified().use(remarkParse).use(remarkMath).use(remarkTconv)
 *   .use(remarkRehype).use(rehypeKatex).use(rehypeStringify).process(note));
 * html.includes('class="katex"') // → true
 */
export function remarkTconv(this: Processor, options: TconvPluginOptions = {}): Transformer<Root, Root> {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the transformer needs the host's parser
  const processor = this;
  const splice = (parent: Parent, node: Code, markdown: string) => {
    const fragment = processor.parse(markdown) as Root;
    const nodes = fragment.children.map(withoutPositions);
    const replacement = options.keepSource ? [node, ...nodes] : nodes;
    parent.children.splice(parent.children.indexOf(node as never), 1, ...(replacement as never[]));
  };
  // Synchronous with tconv's own renderer (walkthroughs and claim reports alike), so
  // `processSync` works; an asynchronous `derive` makes the transformer asynchronous.
  const derive = options.derive ?? deriveBlock;
  return (tree: Root, file?: VFile): Promise<void> | undefined => {
    const context = noteContext(options, file);
    dropGeneratedRegions(tree);
    const blocks: Array<{ parent: Parent; node: Code }> = [];
    collectBlocks(tree, blocks);
    const render = ({ node }: { node: Code }) => renderBlockBody(node.value + "\n", derive, context);
    for (const [i, block] of blocks.entries()) {
      const rendered = render(block);
      if (rendered instanceof Promise) {
        // From the first block whose derive is asynchronous on, one block at a time, in order.
        return (async () => {
          splice(block.parent, block.node, (await rendered).markdown);
          for (const rest of blocks.slice(i + 1)) splice(rest.parent, rest.node, (await render(rest)).markdown);
        })();
      }
      splice(block.parent, block.node, rendered.markdown);
    }
    return undefined;
  };
}

/** `@file` resolves against the processed file's folder (from the vfile's path), else `options.cwd`. */
function noteContext(options: TconvPluginOptions, file: VFile | undefined): DeriveContext {
  const base = options.cwd ?? file?.cwd ?? process.cwd();
  const cwd = file?.path ? dirname(resolve(file.cwd ?? base, file.path)) : base;
  return fileContext({ cwd, ...(options.fileRoot !== undefined ? { fileRoot: resolve(base, options.fileRoot) } : {}), ...(options.allowAnyFile ? { allowAnyFile: true } : {}) });
}

function isTconvCode(node: RootContent): node is Code {
  return node.type === "code" && typeof node.lang === "string" && isTconvInfo(`${node.lang} ${node.meta ?? ""}`);
}

function collectBlocks(parent: Parent, out: Array<{ parent: Parent; node: Code }>): void {
  for (const child of parent.children) {
    if (isTconvCode(child)) out.push({ parent, node: child });
    else if ("children" in child) collectBlocks(child as Parent, out);
  }
}

/**
 * Removes the regions `tconv notes` wrote, as the writer finds them: a begin marker right after a
 * top-level tconv block, up to the next top-level marker if that is an end marker. A stray begin
 * or end marker, a begin whose end is gone, and everything around them are the user's text and
 * stay.
 */
function dropGeneratedRegions(tree: Root): void {
  const children = tree.children;
  const marker = (node: RootContent | undefined): "begin" | "end" | undefined => {
    if (node?.type !== "html") return undefined;
    const value = (node as Html).value.trim();
    return parseBeginMarker(value) !== undefined ? "begin" : isEndMarker(value) ? "end" : undefined;
  };
  const kept: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const previous = children[i - 1];
    if (marker(child) === "begin" && previous !== undefined && isTconvCode(previous)) {
      let j = i + 1;
      while (j < children.length && marker(children[j]) === undefined) j++;
      if (j < children.length && marker(children[j]) === "end") { i = j; continue; }
    }
    kept.push(child);
  }
  tree.children = kept;
}

/** Positions of the fragment refer to the generated Markdown, not the note: drop them. */
function withoutPositions<T extends object>(node: T): T {
  const copy = { ...node } as Record<string, unknown>;
  delete copy.position;
  if (Array.isArray(copy.children)) copy.children = (copy.children as object[]).map(withoutPositions);
  return copy as T;
}
