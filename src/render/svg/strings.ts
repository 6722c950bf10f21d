/**
 * The words inside the diagrams, per locale. Kept beside the diagrams (not in templates/) because
 * they are labels of generated pictures, not walkthrough prose.
 */

import type { Locale } from "../../spec/locale.ts";

/**
 * The overlap heatmap's verdict: uneven counts that make a flat input come out patterned,
 * uneven counts the kernel compensates, even counts with a flat result, or even counts whose
 * kernel values still pattern a flat input.
 */
export type HeatmapVerdict = "checkerboard" | "compensates" | "even" | "kernel-pattern";

export interface DiagramStrings {
  readonly scatterTitle: string;
  readonly directTitle: string;
  readonly convTitle: string;
  readonly heatmapTitle: string;
  readonly input: string;
  readonly kernel: string;
  readonly flippedKernel: string;
  readonly output: string;
  readonly paddedInput: string;
  readonly scatterCaption: string;
  readonly scatterCaption1d: string;
  /** More input cells than colours: `coloured` of `total` cells (those feeding the focus cell) are coloured. */
  readonly neutralNote: (coloured: number, total: number) => string;
  /** 3-D and up: the output slice drawn (it holds the focus cell) and the input/kernel slices reaching it. */
  readonly focusSlice: (slice: string, links: string, reached: boolean) => string;
  readonly sliceLink: (input: string, tap: string) => string;
  readonly croppedLegend: string;
  readonly overlapBadgeLegend: string;
  readonly inputValueLegend: string;
  readonly insertedZeroLegend: string;
  readonly paddingZeroLegend: string;
  readonly croppedInputLegend: string;
  readonly windowLegend: (cell: string) => string;
  readonly directCaption: (zeros: string, pads: string) => string;
  readonly convCaption: string;
  readonly heatmapCaption: string;
  /** What the counts mean for this problem, chosen from the overlap step's data. */
  readonly heatmapVerdict: Readonly<Record<HeatmapVerdict, string>>;
  readonly terms: (n: number) => string;
  readonly elided: (axis: string, shown: number, total: number) => string;
  readonly outputSlice: (parts: string) => string;
  readonly rows: string;
  readonly cols: string;
  readonly axis: (n: number) => string;
  readonly sliceMisses: string;
  readonly sliceAt: (parts: string) => string;
  readonly slicePart: (axis: number, input: number, output: number, tap: number) => string;
  readonly beforeAfter: (before: number, after: number) => string;
}

const en: DiagramStrings = {
  scatterTitle: "Scatter view: each input cell times the kernel, placed in the output",
  directTitle: "Direct-convolution view: zeros inserted, padded input, flipped kernel",
  convTitle: "Ordinary convolution: padded input and the sliding kernel",
  heatmapTitle: "Overlap: how many terms each output cell sums",
  input: "input x",
  kernel: "kernel w",
  flippedKernel: "kernel rotated 180°",
  output: "output y",
  paddedInput: "zero-inserted, padded input",
  scatterCaption:
    "Each input cell has one colour and hatch; its copy of the kernel is outlined in that colour on the output cells its taps reach, "
    + "and the tag in the copy's first cell names the input cell. Stripes show which input cells add up in a cell.",
  scatterCaption1d:
    "Each row is one input cell's copy of the kernel (its products, in the cell's colour and hatch), placed where its taps land; "
    + "the row marked Σ adds the copies up. Stripes show which input cells add up in a cell.",
  neutralNote: (coloured, total) =>
    `The input has ${total} cells, more than the 16 colours: only the ${coloured} that feed the cell derived in full are coloured and outlined; the others are light grey.`,
  focusSlice: (slice, links, reached) => reached
    ? `3-D and up: the output slice ${slice} is drawn, the one that holds the cell derived in full; it receives ${links}.`
    : `3-D and up: the output slice ${slice} is drawn, the one that holds the cell derived in full; no input slice reaches it.`,
  sliceLink: (input, tap) => `input slice ${input} through kernel slice ${tap}`,
  croppedLegend: "cropped by padding (not in the output)",
  overlapBadgeLegend: "number in a cell's corner: input cells that overlap there",
  inputValueLegend: "input value",
  insertedZeroLegend: "inserted zero (stride)",
  paddingZeroLegend: "padding zero",
  croppedInputLegend: "cropped (negative padding)",
  windowLegend: (cell) => `window for output cell ${cell}`,
  directCaption: (zeros, pads) =>
    `Zeros between input values: ${zeros}; padding d(k−1)−p on each side (+ output padding at the end): ${pads}. `
    + "The kernel is rotated by 180° and slides with stride 1.",
  convCaption: "The kernel slides over the padded input with the stride; the framed window gives one output cell.",
  heatmapCaption: "Darker cells sum more terms.",
  heatmapVerdict: {
    "checkerboard": "Here the counts are uneven inside and a flat input comes out patterned: the checkerboard.",
    "compensates": "Here the counts are uneven inside, yet the kernel compensates: a flat input comes out flat.",
    "even": "Here the counts are even inside, and a flat input comes out flat: no checkerboard.",
    "kernel-pattern": "Here the counts are even inside; the pattern a flat input gives comes from the kernel's values.",
  },
  terms: (n) => (n === 1 ? "1 term" : `${n} terms`),
  elided: (axis, shown, total) => `${axis}: ${shown} of ${total} drawn (⋯ marks the rest)`,
  outputSlice: (parts) => `3-D and up: only the slice at ${parts} is drawn`,
  rows: "rows",
  cols: "columns",
  axis: (n) => `axis ${n}`,
  sliceAt: (parts) => `3-D and up: one slice is drawn — ${parts}.`,
  slicePart: (axis, input, output, tap) => `axis ${axis}: input index ${input} meets output index ${output} through kernel index ${tap}`,
  sliceMisses: "No input slice reaches this output slice along the leading axes, so no products are marked.",
  beforeAfter: (b, a) => `${b} before, ${a} after`,
};

const zh: DiagramStrings = {
  scatterTitle: "散射视图：每个输入元素乘以卷积核，放到输出的对应位置",
  directTitle: "直接卷积视图：插零、填充后的输入与旋转 180° 的卷积核",
  convTitle: "普通卷积：填充后的输入与滑动的卷积核",
  heatmapTitle: "重叠：每个输出元素累加的项数",
  input: "输入 x",
  kernel: "卷积核 w",
  flippedKernel: "卷积核旋转 180°",
  output: "输出 y",
  paddedInput: "插零并填充后的输入",
  scatterCaption: "每个输入元素有自己的颜色和纹理；它乘以卷积核后的副本在输出上用同一颜色框出（只框卷积核元素落到的格子），副本第一格的标签写出该输入元素的名字。条纹表示哪些输入元素在该位置相加。",
  scatterCaption1d: "每一行是一个输入元素乘以卷积核得到的副本（各乘积，用该元素的颜色和纹理），放在卷积核元素落到的位置；标 Σ 的一行把各副本相加。条纹表示哪些输入元素在该位置相加。",
  neutralNote: (coloured, total) => `输入有 ${total} 个元素，多于 16 种颜色：只有为完整推导的那个输出元素提供项的 ${coloured} 个元素着色并框出，其余为浅灰色。`,
  focusSlice: (slice, links, reached) => reached
    ? `三维及以上：画出的是输出切片 ${slice}，即包含完整推导的那个元素的切片；它来自${links}。`
    : `三维及以上：画出的是输出切片 ${slice}，即包含完整推导的那个元素的切片；没有输入切片到达这里。`,
  sliceLink: (input, tap) => `输入切片 ${input} 经卷积核切片 ${tap}`,
  croppedLegend: "被填充裁掉（不属于输出）",
  overlapBadgeLegend: "格子角上的数字：在此重叠的输入元素个数",
  inputValueLegend: "输入值",
  insertedZeroLegend: "插入的零（步长）",
  paddingZeroLegend: "填充的零",
  croppedInputLegend: "被裁掉（负填充）",
  windowLegend: (cell) => `输出元素 ${cell} 对应的窗口`,
  directCaption: (zeros, pads) =>
    `相邻输入值之间插入的零：${zeros}；每侧填充 d(k−1)−p（输出填充加在末尾）：${pads}。卷积核旋转 180°，以步长 1 滑动。`,
  convCaption: "卷积核以步长在填充后的输入上滑动；框出的窗口给出一个输出元素。",
  heatmapCaption: "颜色越深，累加的项越多。",
  heatmapVerdict: {
    "checkerboard": "本题内部项数不均匀，平坦输入的结果出现图案：这就是棋盘格伪影。",
    "compensates": "本题内部项数不均匀，但卷积核起了补偿作用：平坦输入的结果仍然平坦。",
    "even": "本题内部项数均匀，平坦输入的结果也平坦：没有棋盘格伪影。",
    "kernel-pattern": "本题内部项数均匀；平坦输入的结果出现的图案来自卷积核的数值。",
  },
  terms: (n) => `${n} 项`,
  elided: (axis, shown, total) => `${axis}：共 ${total} 个，只画出 ${shown} 个（⋯ 表示省略的部分）`,
  outputSlice: (parts) => `三维及以上：只画出 ${parts} 的切片`,
  rows: "行",
  cols: "列",
  axis: (n) => `第 ${n} 轴`,
  sliceAt: (parts) => `三维及以上：只画出一个切片——${parts}。`,
  slicePart: (axis, input, output, tap) => `第 ${axis} 轴：输入下标 ${input} 经卷积核下标 ${tap} 对应输出下标 ${output}`,
  sliceMisses: "沿前导轴没有输入切片对应到这个输出切片，因此没有标出乘积。",
  beforeAfter: (b, a) => `前 ${b}，后 ${a}`,
};

/** The strings of a locale. */
export function diagramStrings(lang: Locale): DiagramStrings {
  return lang === "zh-CN" ? zh : en;
}
