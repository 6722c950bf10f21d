/**
 * Step 2, the output size: per axis the numbers that go into the formula and the result, the
 * ordinary convolution whose transpose this is (conv_arithmetic's relationship), and how
 * `--output-size` / `--output-shape` chose the padding.
 */
import { convOutputSize } from "../../geometry/output-size.ts";
import type { ExplainContext } from "../context.ts";
import type { SizeAxis, SizeStep } from "../types.ts";

/**
 * Builds the size step. The relationship comes from the output-size formulas of the geometry
 * layer: the convolution with the same k, s, p, d maps the transposed output size back to the
 * input size, and the remainder of its floor is what output padding chooses between.
 *
 * @example
 * buildSize(ctx).axes[0] // { input: 2, kernel: 2, stride: 1, ..., output: 3, convInput: 3, convOutput: 2, remainder: 0 }
 */
export function buildSize(ctx: ExplainContext): SizeStep {
  const { info, problem } = ctx;
  const axes: SizeAxis[] = info.axes.map((a) => {
    const [wide, narrow] = info.op === "transposed" ? [a.outSize, a.inSize] : [a.inSize, a.outSize];
    const back = convOutputSize(wide, a.kernel, a.stride, a.dilation, a.padBegin, a.padEnd);
    if (back !== narrow) throw new Error(`buildSize: the convolution of ${wide} gives ${back}, not ${narrow}`);
    const span = wide + a.padBegin + a.padEnd - a.dilation * (a.kernel - 1) - 1;
    return {
      input: a.inSize, kernel: a.kernel, stride: a.stride, dilation: a.dilation,
      padBegin: a.padBegin, padEnd: a.padEnd, outputPadding: a.outputPadding, output: a.outSize,
      convInput: wide, convOutput: narrow, remainder: span % a.stride,
    };
  });
  return { kind: "size", op: info.op, axes, choices: problem.choices };
}
