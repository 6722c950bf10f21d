/**
 * The playground's own words, in English and in Chinese (written for Chinese readers, with the
 * terms of the walkthrough's glossary). The derivation itself comes from the core's templates.
 */
import type { Field, FieldValues } from "./fields.ts";
import { isTconvError } from "../spec/error.ts";
import { parseLocale, type Locale } from "../spec/locale.ts";

/** A preset problem. */
export interface Preset {
  readonly id: string;
  readonly values: FieldValues;
}

/** The presets, in the order of the buttons. */
export const PRESETS: readonly Preset[] = [
  { id: "seed", values: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" } },
  { id: "stride2", values: { input: "[[1,2,3],[4,5,6],[7,8,9]]", kernel: "[[1,0,-1],[2,1,0],[0,-1,1]]", stride: "2", padding: "1", "output-padding": "1" } },
  { id: "dilation", values: { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", dilation: "2" } },
  { id: "oneD", values: { input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" } },
  { id: "groups", values: { layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]" } },
  { id: "checkerboard", values: { input: "[[1,1,1,1],[1,1,1,1],[1,1,1,1],[1,1,1,1]]", kernel: "[[1,1,1],[1,1,1],[1,1,1]]", stride: "2" } },
];

/** Every string of the page's own interface. */
export interface UiStrings {
  readonly title: string;
  readonly intro: string;
  readonly fields: Readonly<Record<Field, string>>;
  readonly presetsLabel: string;
  readonly presets: Readonly<Record<string, string>>;
  readonly result: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly symbolic: string;
  readonly inputGrid: string;
  readonly outputGrid: string;
  readonly traceHint: string;
  readonly traceIdle: string;
  readonly feeds: string;
  readonly traceTitle: string;
  readonly traceSums: string;
  /** The matrix heading when the operation is transposed (an output cell is a column of C). */
  readonly traceMatrixTransposed: string;
  /** The matrix heading for an ordinary convolution (an output cell is a row of C). */
  readonly traceMatrixConv: string;
  readonly traceDirectTransposed: string;
  readonly traceDirectConv: string;
  /** "{shown}" and "{total}" are replaced by how many cells or entries are shown, of how many. */
  readonly traceElided: string;
  readonly derivation: string;
  readonly stale: string;
  readonly channel: string;
  readonly batch: string;
  readonly slice: string;
  readonly stepTitle: string;
  readonly stepHint: string;
  readonly stepFirst: string;
  readonly stepPrev: string;
  readonly stepPlay: string;
  readonly stepPause: string;
  readonly stepNext: string;
  readonly stepLast: string;
  /** "{k}" and "{n}" are replaced by the step and the number of steps. */
  readonly stepCount: string;
  readonly stepZero: string;
  readonly stepBias: string;
  readonly stepNothing: string;
  readonly stepSymbolic: string;
  /** The choice of what to step through. */
  readonly stepMode: string;
  readonly stepModeScatter: string;
  readonly stepModeDirect: string;
  readonly stepHintDirect: string;
  readonly stepDirectStart: string;
  readonly stepPaddedInput: string;
  readonly stepConvInput: string;
  readonly stepFlippedKernel: string;
  readonly stepKernel: string;
  readonly stepLegend: string;
  readonly stepLegendConv: string;
  readonly checkTitle: string;
  readonly checkHint: string;
  readonly checkLabel: string;
}

/** The strings in each language. */
export const UI: Readonly<Record<Locale, UiStrings>> = {
  en: {
    title: "tconv playground",
    intro: "Type a problem as you would on the command line; every view is derived exactly as you type. The address keeps the problem, so a link shares it.",
    fields: {
      input: "input", kernel: "kernel", stride: "stride", padding: "padding", dilation: "dilation",
      "output-padding": "output padding", "output-size": "output size", groups: "groups", bias: "bias",
      op: "operation (transposed or conv)", layout: "layout (plain, torch, tf)", lang: "language",
    },
    presetsLabel: "Examples",
    presets: { seed: "worked example", stride2: "stride 2 with padding", dilation: "dilation", oneD: "1-D", groups: "groups", checkerboard: "checkerboard" },
    result: "Result (as tconv eval --json prints it)",
    copy: "Copy", copied: "Copied", copyFailed: "Select the text and copy it by hand",
    symbolic: "The entries are symbols: the output is the sums in the derivation below.",
    inputGrid: "Input X", outputGrid: "Output Y",
    traceHint: "Point at or focus a cell of Y (Tab to reach the grid, arrow keys to move) to light the input cells that feed it; point at or focus a cell of X to light its kernel copy in Y.",
    traceIdle: "No cell selected.",
    feeds: "feeds",
    traceTitle: "What the cell is made of",
    traceSums: "Its sum among the cell sums (each term is an input entry times a kernel entry)",
    traceMatrixTransposed: "Its column of C, which is its row of Cᵀ (vec(Y) = Cᵀ vec(X))",
    traceMatrixConv: "Its row of C (vec(Y) = C vec(X)), which is its column of Cᵀ",
    traceDirectTransposed: "Its window in the direct view: the flipped kernel over the zero-inserted, padded input",
    traceDirectConv: "Its window in the direct view: the kernel over the padded input",
    traceElided: "{shown} of {total} shown (first and last rows and columns, and the cell you point at).",
    derivation: "Derivation",
    stale: "This derivation is of the last valid problem.",
    channel: "channel", batch: "batch", slice: "slice",
    stepTitle: "Step by step",
    stepHint: "Each step adds one input cell's copy of the kernel, scaled by its value, to the output; the grid shows the running sums.",
    stepFirst: "Start", stepPrev: "Back", stepPlay: "Play", stepPause: "Pause", stepNext: "Next", stepLast: "End",
    stepCount: "step {k} of {n}",
    stepZero: "Before the first step every output cell is 0.",
    stepBias: "Before the first step every output cell holds its channel's bias.",
    stepNothing: "adds nothing: its whole copy falls in the cropped border",
    stepSymbolic: "The entries are symbols: step through a problem with numbers to see running sums.",
    stepMode: "Step through",
    stepModeScatter: "the scatter (one input cell per step)",
    stepModeDirect: "the sliding window (one output cell per step)",
    stepHintDirect: "Each step places the kernel's window on the zero-inserted, padded input and adds up the window's products: the sum is one output cell. The window moves on by one, row by row.",
    stepDirectStart: "Before the first step no output cell is computed.",
    stepPaddedInput: "Input with zeros inserted and padding",
    stepConvInput: "Padded input",
    stepFlippedKernel: "Kernel rotated 180°",
    stepKernel: "Kernel",
    stepLegend: "Grey: zeros inserted between input values; hatched: padding zeros; framed: the window, each cell with the weight it is multiplied by.",
    stepLegendConv: "Hatched: padding zeros; framed: the window, each cell with the weight it is multiplied by.",
    checkTitle: "Check a hand calculation",
    checkHint: "Paste your result in any form tconv check --claim reads (a nested array with ? for cells not computed, a LaTeX matrix, a Markdown table, a numpy or PyTorch print, rows of numbers). Wrong cells are boxed in Y above.",
    checkLabel: "claim",
  },
  "zh-CN": {
    title: "tconv 交互演练",
    intro: "像在命令行里那样输入问题，每一种视图都会随输入精确推导。地址栏保存着问题，复制链接即可分享。",
    fields: {
      input: "输入", kernel: "卷积核", stride: "步长", padding: "填充", dilation: "膨胀",
      "output-padding": "输出填充", "output-size": "输出尺寸", groups: "分组", bias: "偏置",
      op: "运算（transposed 转置卷积，conv 卷积）", layout: "布局（plain、torch、tf）", lang: "语言",
    },
    presetsLabel: "示例",
    presets: { seed: "计算示例", stride2: "步长 2 加填充", dilation: "膨胀", oneD: "一维", groups: "分组", checkerboard: "棋盘格" },
    result: "结果（与 tconv eval --json 的输出相同）",
    copy: "复制", copied: "已复制", copyFailed: "请选中文本后手动复制",
    symbolic: "各项为符号：输出即下方推导中的和式。",
    inputGrid: "输入 X", outputGrid: "输出 Y",
    traceHint: "指向或聚焦 Y 的一个单元格（用 Tab 键进入网格，方向键移动），会点亮对它有贡献的输入单元格；指向或聚焦 X 的单元格，会点亮它在 Y 中的那份卷积核副本。",
    traceIdle: "未选中单元格。",
    feeds: "贡献给",
    traceTitle: "这个单元格由什么构成",
    traceSums: "它在各单元格和式中的那一行（每一项是一个输入元素乘一个卷积核元素）",
    traceMatrixTransposed: "它在 C 中的那一列，也就是它在 Cᵀ 中的那一行（vec(Y) = Cᵀ vec(X)）",
    traceMatrixConv: "它在 C 中的那一行（vec(Y) = C vec(X)），也就是它在 Cᵀ 中的那一列",
    traceDirectTransposed: "它在直接卷积视图中的窗口：翻转后的卷积核在插零、填充后的输入上",
    traceDirectConv: "它在直接视图中的窗口：卷积核在填充后的输入上",
    traceElided: "显示了 {total} 个中的 {shown} 个（首尾的行和列，以及你指向的单元格）。",
    derivation: "推导",
    stale: "这份推导对应上一个有效的问题。",
    channel: "通道", batch: "批次", slice: "切片",
    stepTitle: "逐步演示",
    stepHint: "每一步把一个输入单元格的卷积核副本（乘以该单元格的值）加到输出上；网格显示累加到当前的部分和。",
    stepFirst: "开头", stepPrev: "上一步", stepPlay: "播放", stepPause: "暂停", stepNext: "下一步", stepLast: "结尾",
    stepCount: "第 {k} 步，共 {n} 步",
    stepZero: "第一步之前，每个输出单元格都是 0。",
    stepBias: "第一步之前，每个输出单元格的值是所在通道的偏置。",
    stepNothing: "没有贡献：它的整份副本都落在被裁掉的边上",
    stepSymbolic: "各项为符号：换成数字的问题才能逐步查看部分和。",
    stepMode: "演示内容",
    stepModeScatter: "散射（每步一个输入单元格）",
    stepModeDirect: "滑动窗口（每步一个输出单元格）",
    stepHintDirect: "每一步把卷积核窗口放在插零并填充后的输入上，把窗口内的乘积相加，得到一个输出单元格。窗口逐行滑动，每次移动一格。",
    stepDirectStart: "第一步之前，还没有算出任何输出单元格。",
    stepPaddedInput: "插零并填充后的输入",
    stepConvInput: "填充后的输入",
    stepFlippedKernel: "旋转 180° 的卷积核",
    stepKernel: "卷积核",
    stepLegend: "灰色：输入值之间插入的零；斜线：填充的零；加框：窗口，每格下方是它要乘的权重。",
    stepLegendConv: "斜线：填充的零；加框：窗口，每格下方是它要乘的权重。",
    checkTitle: "核对手算结果",
    checkHint: "粘贴你的结果，格式与 tconv check --claim 相同（嵌套数组，未算的单元格写 ?；LaTeX 矩阵；Markdown 表格；numpy 或 PyTorch 的打印结果；逐行的数字）。算错的单元格会在上方 Y 中框出。",
    checkLabel: "手算结果",
  },
};

/**
 * The page's language from a `lang` field or fragment value, read as every door reads one; a
 * value that names no language leaves the page in English (a link is not refused).
 *
 * @example
 * uiLang("zh") // → "zh-CN"
 * uiLang("fr") // → "en"
 */
export function uiLang(lang: string | undefined): Locale {
  try {
    return parseLocale(lang);
  } catch (e) {
    if (isTconvError(e)) return "en";
    throw e;
  }
}

/** The value of the page's language field (and its fragment): `zh` for Chinese, as CONTRACT.md writes it. */
export const langFieldValue = (locale: Locale): string => (locale === "zh-CN" ? "zh" : "en");
