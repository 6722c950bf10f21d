/**
 * View of the size step: formula, numbers, result per axis (axes that agree are told once). The
 * size formula is written here once, with letters or numbers, in TeX or plain text: the
 * walkthrough, the check report and `tconv shape` all write it through {@link sizeFormula}.
 */
import type { SizeAxis, SizeStep } from "../../explain/types.ts";
import type { Op } from "../../spec/problem.ts";
import type { PaddingChoice } from "../../spec/padding.ts";
import type { MathKit } from "../math.ts";

export interface SizeAxisView {
  /** Which axes this line stands for (0-based), e.g. [0, 1] when both agree. */
  readonly axes: readonly number[];
  readonly substituted: string;
  readonly result: number;
  readonly relationship: string;
  readonly remainder: number;
  readonly stride: number;
  readonly convInput: number;
  readonly convOutput: number;
  readonly fullPadding: number;
  readonly input: number;
  readonly output: number;
  readonly growth: SizeAxis["growth"];
  readonly padTotal: number;
  readonly outputPadding: number;
}

export interface SizeView {
  readonly transposed: boolean;
  readonly formula: string;
  readonly lines: readonly SizeAxisView[];
  readonly choices: readonly PaddingChoice[];
  readonly allSame: boolean;
}

/** How the size formula is written: TeX (walkthrough, check report) or plain Unicode text (`tconv shape`). */
export type SizeTextTarget = "tex" | "text";

/** The numbers of one axis that go into the size formula: the size step's axis without its result. */
export type SizeNumbers = Pick<SizeAxis, "input" | "kernel" | "stride" | "dilation" | "padBegin" | "padEnd" | "outputPadding">;

type Terms = { readonly [K in keyof SizeNumbers]: string };

const LETTERS: Readonly<Record<SizeTextTarget, Terms>> = {
  tex: { input: "i", kernel: "k", stride: "s", dilation: "d", padBegin: "p_{\\text{begin}}", padEnd: "p_{\\text{end}}", outputPadding: "\\mathit{op}" },
  text: { input: "i", kernel: "k", stride: "s", dilation: "d", padBegin: "p_begin", padEnd: "p_end", outputPadding: "output_padding" },
};

/** The operators of each target: a spaced minus between terms, a tight one inside `(i − 1)`. */
const OPERATORS: Readonly<Record<SizeTextTarget, { minus: string; tight: string; times: string; floorOver: (num: string, den: string) => string }>> = {
  tex: { minus: " - ", tight: " - ", times: "\\cdot", floorOver: (num, den) => `\\left\\lfloor \\frac{${num}}{${den}} \\right\\rfloor` },
  text: { minus: " − ", tight: "−", times: "·", floorOver: (num, den) => `⌊(${num}) / ${den}⌋` },
};

/** A number as a term of the formula: negative ones in parentheses. */
const n = (v: number) => (v < 0 ? `(${v})` : String(v));

function expression(op: Op, t: Terms, target: SizeTextTarget): string {
  const o = OPERATORS[target];
  const reach = `${t.dilation}${o.times}(${t.kernel}${o.tight}1)`;
  if (op === "transposed") {
    const times = target === "tex" ? `${o.times} ` : o.times;
    return `(${t.input}${o.tight}1)${times}${t.stride}${o.minus}${t.padBegin}${o.minus}${t.padEnd} + ${reach} + ${t.outputPadding} + 1`;
  }
  return `${o.floorOver(`${t.input} + ${t.padBegin} + ${t.padEnd}${o.minus}${reach}${o.minus}1`, t.stride)} + 1`;
}

/**
 * The output-size formula of `op`: with letters (`o = …`) when no numbers are given, else with
 * the axis's numbers substituted and the result (`… = 3`).
 *
 * @example
 * sizeFormula("transposed", "tex") // → "o = (i - 1)\\cdot s - p_{\\text{begin}} - p_{\\text{end}} + d\\cdot(k - 1) + \\mathit{op} + 1"
 * sizeFormula("conv", "text", { input: 5, kernel: 3, stride: 2, dilation: 1, padBegin: 0, padEnd: 0, outputPadding: 0 }, 2)
 * // → "⌊(5 + 0 + 0 − 1·(3−1) − 1) / 2⌋ + 1 = 2"
 */
export function sizeFormula(op: Op, target: SizeTextTarget, numbers?: SizeNumbers, result?: number): string {
  if (!numbers) return `o = ${expression(op, LETTERS[target], target)}`;
  const t: Terms = {
    input: String(numbers.input), kernel: String(numbers.kernel), stride: n(numbers.stride), dilation: n(numbers.dilation),
    padBegin: n(numbers.padBegin), padEnd: n(numbers.padEnd), outputPadding: n(numbers.outputPadding),
  };
  return `${expression(op, t, target)} = ${result}`;
}

const substituted = (op: SizeStep["op"], a: SizeAxis) => sizeFormula(op, "tex", a, a.output);

/** conv_arithmetic's relationship: the ordinary convolution of the same k, s, p, d on the wide side. */
const relationship = (a: SizeAxis) => sizeFormula("conv", "tex", { ...a, input: a.convInput }, a.convOutput);

export function sizeView(step: SizeStep, _kit: MathKit): SizeView {
  const groups: { axes: number[]; a: SizeAxis }[] = [];
  step.axes.forEach((a, ax) => {
    const same = groups.find((g) => JSON.stringify(g.a) === JSON.stringify(a));
    if (same) same.axes.push(ax); else groups.push({ axes: [ax], a });
  });
  const transposed = step.op === "transposed";
  return {
    transposed,
    formula: sizeFormula(step.op, "tex"),
    lines: groups.map(({ axes, a }) => ({
      axes, substituted: substituted(step.op, a), result: a.output, relationship: relationship(a),
      remainder: a.remainder, stride: a.stride, convInput: a.convInput, convOutput: a.convOutput,
      backToInput: a.convOutput === a.input, dilation: a.dilation,
      fullPadding: a.dilation * (a.kernel - 1),
      input: a.input, output: a.output, growth: a.growth, padTotal: a.padBegin + a.padEnd, outputPadding: a.outputPadding,
    })),
    choices: step.choices,
    allSame: groups.length === 1,
  };
}
