/**
 * `npm start`: writes the showcase walkthroughs into output/ — the seed problem (English and
 * Chinese), stride 2 with padding and output padding, dilation, 1-D, 3-D, a grouped two-channel
 * layer, seed 001's ordinary convolution, the interactive playground (src/playground/), and an
 * index page. The output is deterministic (no
 * dates, ids derived from content) and committed; a test regenerates it and compares.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { realpathSync } from "node:fs";
import { explainDocument } from "./api/explain.ts";
import { finishHtml } from "./render/html.ts";
import { renderHtmlPage } from "./render/html-page.ts";
import type { Locale } from "./spec/locale.ts";
import type { ProblemOptions } from "./spec/parse-problem.ts";
import { writeFileAtomicSync } from "./io/write-atomic.ts";
import { playgroundHtml } from "./playground/build.ts";

/** One showcase document: a problem, a file stem, the locales it is written in, what it shows. */
export interface ShowcaseEntry {
  readonly stem: string;
  readonly problem: ProblemOptions;
  readonly locales: readonly Locale[];
  readonly en: string;
  readonly zh: string;
}

/** The showcase, in the order of the index page. */
export const SHOWCASE: readonly ShowcaseEntry[] = [
  {
    stem: "seed", problem: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }, locales: ["en", "zh-CN"],
    en: "The worked example: a 2×2 input, a 2×2 kernel, stride 1 → 3×3.",
    zh: "计算示例：2×2 输入、2×2 卷积核、步长 1 → 3×3。",
  },
  {
    stem: "stride2-padding", problem: { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", outputPadding: "1" },
    locales: ["en", "zh-CN"], en: "Stride 2, padding 1, output padding 1: zeros inserted, borders cropped, uneven overlap (kernel 3, stride 2).",
    zh: "步长 2、填充 1、输出填充 1：插零、裁边，重叠不均匀（卷积核 3、步长 2）。",
  },
  {
    stem: "dilated", problem: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", dilation: "2" }, locales: ["en", "zh-CN"],
    en: "Dilation 2: the kernel's taps spread out, the output grows to 4×4.", zh: "膨胀 2：卷积核元素拉开，输出变为 4×4。",
  },
  {
    stem: "one-d", problem: { input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" }, locales: ["en", "zh-CN"],
    en: "1-D: a length-4 signal, kernel 3, stride 2 → length 9.", zh: "一维：长度 4 的信号、卷积核 3、步长 2 → 长度 9。",
  },
  {
    stem: "three-d", problem: { input: "[[[1,2],[3,4]],[[5,6],[7,8]]]", kernel: "[[[1,0],[0,1]],[[0,1],[1,0]]]" }, locales: ["en", "zh-CN"],
    en: "3-D: a 2×2×2 volume and a 2×2×2 kernel → 3×3×3.", zh: "三维：2×2×2 的体数据与 2×2×2 卷积核 → 3×3×3。",
  },
  {
    stem: "grouped", problem: {
      layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]",
    }, locales: ["en", "zh-CN"],
    en: "Two channels in two groups, with a bias (PyTorch layout).", zh: "两个通道分为两组，带偏置（PyTorch 布局）。",
  },
  {
    stem: "conv-seed001", problem: { op: "conv", input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0],[0,-1]]" }, locales: ["en", "zh-CN"],
    en: "The ordinary convolution that seed 001 starts from: every window gives −4.", zh: "种子文档 001 开头的普通卷积：每个窗口都得 −4。",
  },
];

/** The files of the showcase, name → content, without touching the disk. */
export function showcaseFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const rows: { en: string; zh: string; links: string[] }[] = [];
  for (const entry of SHOWCASE) {
    const links: string[] = [];
    for (const locale of entry.locales) {
      for (const format of ["md", "html"] as const) {
        const name = `${entry.stem}.${locale}.${format}`;
        files.set(name, explainDocument({ ...entry.problem, format, lang: locale }).text);
        links.push(`[${locale} ${format === "md" ? "Markdown" : "HTML"}](${name})`);
      }
    }
    rows.push({ en: entry.en, zh: entry.zh, links });
  }
  const index = [
    "# tconv showcase · 示例",
    "",
    "Walkthroughs written by `npm start` (`tconv explain`); every number is exact and checked against the tensor core.",
    "由 `npm start`（`tconv explain`）生成的逐步推导；每个数都是精确值，并与数值计算内核核对过。",
    "",
    ...rows.map((r) => `- ${r.en} ${r.zh} — ${r.links.join(" · ")}`),
    "- The interactive playground: type any problem, trace each output cell to its inputs. 交互式演练：输入任意问题，追踪每个输出单元格的来源。 — [playground](playground.html)",
    "",
  ].join("\n");
  files.set("index.md", index);
  files.set("playground.html", playgroundHtml());
  files.set("index.html", renderHtmlPage({
    title: "tconv showcase", lang: "en", includeKatex: false,
    bodyHtml: finishHtml(index, [], {}),
  }));
  return files;
}

/**
 * Writes the showcase into `dir` (created if missing), each file atomically.
 *
 * @example writeShowcase("output") // → ["seed.en.md", "seed.en.html", ...]
 */
export function writeShowcase(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = showcaseFiles();
  for (const [name, text] of files) writeFileAtomicSync(join(dir, name), text);
  return [...files.keys()];
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const dir = resolve(fileURLToPath(new URL("../output/", import.meta.url)));
  const names = writeShowcase(dir);
  process.stdout.write(`wrote ${names.length} files into ${join("output", "")}\n`);
}
