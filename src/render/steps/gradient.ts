/**
 * View of the gradient step: the ordinary convolution Z = C·U, its input gradient Cᵀ·∂L/∂Z with
 * ∂L/∂Z = X, and one cell by the chain rule, every term written with names and then numbers.
 */
import { indexedNames } from "../../algebra/symbols.ts";
import type { GradientStep } from "../../explain/types.ts";
import { valueTex, type MathKit } from "../math.ts";

export interface GradientView {
  /** `\partial L/\partial U = C^T G = (grid)` with G = X. */
  readonly upstream: string;
  readonly gradient: string;
  /** The chain rule for one cell, as an aligned block. */
  readonly chain: string;
  readonly cellName: string;
  readonly outputName: string;
  readonly termCount: number;
  readonly matchesOutput: boolean;
  readonly bias: boolean;
  /** Several channels or batch items: the grids show channel 0 of batch item 0. */
  readonly firstMapOnly: boolean;
}

const frac = (a: string, b: string) => `\\frac{\\partial ${a}}{\\partial ${b}}`;

export function gradientView(step: GradientStep, kit: MathKit): GradientView {
  const { d } = kit;
  const info = d.info;
  const base = d.indexBase;
  const zNames = indexedNames("z", info.inputShape, 2, base);
  const uNames = indexedNames("u", info.outputShape, 2, base);
  const grid = (shape: readonly number[], values: readonly GradientStep["gradient"][number][], colour: boolean) =>
    kit.grid(shape.slice(1), (f) => (colour ? kit.t.colour(f, valueTex(values[f]!)) : valueTex(values[f]!)));
  const u = uNames[step.cell]!;
  const dLdu = frac("L", u);
  const named = step.terms.map(([a, k]) => `${kit.xName(a)}\\,${kit.wName(k)}`);
  const numbers = step.terms.map((t) => kit.termValues(t));
  const rows = [
    `${dLdu} &= \\sum_{a} ${frac("L", "z_a")}\\,${frac("z_a", u)}`,
    ...(step.terms.length === 0 ? ["&= 0"] : [...wrapped(named), ...wrapped(numbers, ` = ${valueTex(step.value)}`)]),
  ];
  const bias = d.bias !== undefined;
  return {
    upstream: `\\frac{\\partial L}{\\partial Z} = X = ${grid(step.convOutputShape, step.upstream, true)}`,
    gradient: `\\frac{\\partial L}{\\partial U} = C^{\\mathsf{T}} \\frac{\\partial L}{\\partial Z} = C^{\\mathsf{T}} X = ${grid(step.convInputShape, step.gradient, false)}${bias ? " = Y - b" : " = Y"}`,
    chain: `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`,
    cellName: u, outputName: d.names.y[step.cell]!,
    termCount: step.terms.length,
    matchesOutput: step.matchesOutput,
    bias,
    firstMapOnly: info.inChannels > 1 || info.outChannels > 1 || info.batch > 1,
  };
}

/** Terms per line of the chain-rule block, so a long sum breaks over aligned lines. */
const PER_LINE = 4;

/** `&= t1 + … + t4`, then `&\quad + t5 + …` lines; `tail` ends the last line. */
function wrapped(parts: readonly string[], tail = ""): string[] {
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += PER_LINE) {
    const chunk = parts.slice(i, i + PER_LINE).join(" + ");
    lines.push(i === 0 ? `&= ${chunk}` : `&\\quad + ${chunk}`);
  }
  lines[lines.length - 1] += tail;
  return lines;
}
