/** View of the size step: formula, numbers, result per axis (axes that agree are told once). */
import type { SizeAxis, SizeStep } from "../../explain/types.ts";
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

const n = (v: number) => (v < 0 ? `(${v})` : String(v));

function substituted(op: SizeStep["op"], a: SizeAxis): string {
  if (op === "transposed") {
    return `(${a.input} - 1)\\cdot ${n(a.stride)} - ${n(a.padBegin)} - ${n(a.padEnd)} + ${n(a.dilation)}\\cdot(${a.kernel} - 1) + ${n(a.outputPadding)} + 1 = ${a.output}`;
  }
  return `\\left\\lfloor \\frac{${a.input} + ${n(a.padBegin)} + ${n(a.padEnd)} - ${n(a.dilation)}\\cdot(${a.kernel} - 1) - 1}{${a.stride}} \\right\\rfloor + 1 = ${a.output}`;
}

function relationship(a: SizeAxis): string {
  return `\\left\\lfloor \\frac{${a.convInput} + ${n(a.padBegin)} + ${n(a.padEnd)} - ${n(a.dilation)}\\cdot(${a.kernel} - 1) - 1}{${a.stride}} \\right\\rfloor + 1 = ${a.convOutput}`;
}

export function sizeView(step: SizeStep, _kit: MathKit): SizeView {
  const groups: { axes: number[]; a: SizeAxis }[] = [];
  step.axes.forEach((a, ax) => {
    const same = groups.find((g) => JSON.stringify(g.a) === JSON.stringify(a));
    if (same) same.axes.push(ax); else groups.push({ axes: [ax], a });
  });
  const transposed = step.op === "transposed";
  return {
    transposed,
    formula: transposed
      ? "o = (i - 1)\\cdot s - p_{\\text{begin}} - p_{\\text{end}} + d\\cdot(k - 1) + \\mathit{op} + 1"
      : "o = \\left\\lfloor \\frac{i + p_{\\text{begin}} + p_{\\text{end}} - d\\cdot(k - 1) - 1}{s} \\right\\rfloor + 1",
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
