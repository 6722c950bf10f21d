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
 * const axis = buildSize(seedCtx).axes[0];
 * [axis.input, axis.kernel, axis.stride, axis.output, axis.convInput, axis.convOutput, axis.remainder] // → [2, 2, 1, 3, 3, 2, 0]
 */
export function buildSize(ctx: ExplainContext): SizeStep {
  const { info, problem } = ctx;
  const axes: SizeAxis[] = info.axes.map((a) => {
    const [wide, narrow] = info.op === "transposed" ? [a.outSize, a.inSize] : [a.inSize, a.outSize];
    // Output padding at or above the stride (allowed when the dilation is larger) makes the
    // output larger than any size the convolution takes back to the input: then back > narrow.
    const back = convOutputSize(wide, a.kernel, a.stride, a.dilation, a.padBegin, a.padEnd);
    if (info.op === "conv" && back !== narrow) throw new Error(`buildSize: the convolution of ${wide} gives ${back}, not ${narrow}`);
    const span = wide + a.padBegin + a.padEnd - a.dilation * (a.kernel - 1) - 1;
    return {
      input: a.inSize, kernel: a.kernel, stride: a.stride, dilation: a.dilation,
      padBegin: a.padBegin, padEnd: a.padEnd, outputPadding: a.outputPadding, output: a.outSize,
      convInput: wide, convOutput: back, remainder: span % a.stride,
      growth: sizeGrowth(a.inSize, a.kernel, a.stride, a.dilation),
    };
  });
  return { kind: "size", op: info.op, axes, choices: problem.choices };
}

/**
 * Which term of the transposed size formula grows the output most: the stride's (i−1)(s−1) or
 * the kernel reach d(k−1) (padding and output padding only trim and extend the ends).
 *
 * @example sizeGrowth(4, 3, 2, 1) // → { stride: 3, reach: 2, leader: "stride" }
 */
export function sizeGrowth(i: number, k: number, s: number, d: number): SizeAxis["growth"] {
  const stride = (i - 1) * (s - 1), reach = d * (k - 1);
  const leader = stride === 0 && reach === 0 ? "none" : stride > reach ? "stride" : reach > stride ? "reach" : "equal";
  return { stride, reach, leader };
}
