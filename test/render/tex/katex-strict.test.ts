import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { deriveCells } from "../../../src/algebra/cells.ts";
import { defaultSymbols } from "../../../src/algebra/symbols.ts";
import { Rational } from "../../../src/algebra/rational.ts";
import { exact, float, symbol, type Scalar } from "../../../src/algebra/scalar.ts";
import { computeConvInfo } from "../../../src/geometry/index.ts";
import { main } from "../../../src/cli.ts";
import { bufferIo } from "../../../src/io/cli-io.ts";
import { paramsArb } from "../../tensor/problems.ts";
import { substitutedTex, symbolicTex } from "../../../src/render/tex/cells.ts";
import { polynomialTex } from "../../../src/render/tex/polynomial.ts";

/** Renders as the walkthrough validator does: any KaTeX error or strictness warning fails. */
const render = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: "error", trust: false, displayMode: true });

const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  fc.integer({ min: -9, max: 9 }).map((n) => exact(Rational.int(n))),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 7 })).map(([n, d]) => exact(Rational.of(n, d))),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(float),
  fc.constantFrom(symbol("a", "a"), symbol("w1", "w1"), symbol("alpha", "\\alpha"), symbol("x_{1,2}", "x_{1,2}")),
);

describe("every TeX string the engine emits renders in KaTeX (strict)", () => {
  it("symbolic, substituted and simplified sums of random problems with mixed numbers and symbols", () => {
    const problem = paramsArb("transposed", [1, 2]).chain((params) => {
      const info = computeConvInfo(params);
      const n = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
      return fc.record({
        x: fc.array(scalarArb, { minLength: n(info.inputShape), maxLength: n(info.inputShape) }),
        w: fc.array(scalarArb, { minLength: n(info.weightShape), maxLength: n(info.weightShape) }),
      }).map(({ x, w }) => ({ info, x: { shape: info.inputShape, data: x }, w: { shape: info.weightShape, data: w } }));
    });
    fc.assert(fc.property(problem, ({ info, x, w }) => {
      const cells = deriveCells(info, x, w, defaultSymbols(info).bias, { indexBase: 1 });
      for (let f = 0; f < Math.min(cells.count, 12); f++) {
        const c = cells.cell(f);
        render(`${c.label} = ${symbolicTex(cells, f)} = ${substitutedTex(cells, f)} = ${polynomialTex(c.polynomial)}`);
      }
    }), { numRuns: 60 });
  });

  it("user symbols next to each other stay separate commands: \\alpha b, not \\alphab", () => {
    const info = computeConvInfo({ op: "transposed", inputSize: [1], kernelSize: [1], stride: [1], dilation: [1], padBegin: [0], padEnd: [0], outputPadding: [0], batch: 1, inChannels: 1, outChannels: 1, groups: 1 });
    const cells = deriveCells(info, { shape: [1, 1, 1], data: [symbol("alpha", "\\alpha")] }, { shape: [1, 1, 1], data: [symbol("b", "b")] });
    expect(polynomialTex(cells.polynomial(0))).toBe("\\alpha b");
    expect(substitutedTex(cells, 0)).toBe("\\alpha\\cdot b");
    render(polynomialTex(cells.polynomial(0)));
  });

  it("the $$ blocks of tconv matrix --format md render", async () => {
    const io = bufferIo();
    expect(await main(["matrix", "--input-shape", "3,2", "--kernel", "[[a,-1/2],[0.25,\\beta]]", "--stride", "2", "--padding", "1", "--index-base", "1"], io)).toBe(0);
    const blocks = [...io.stdout.matchAll(/\$\$\n([\s\S]*?)\n\$\$/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) render(b);
    for (const m of io.stdout.matchAll(/\$([^$\n]+)\$/g)) render(m[1]!);
  });
});
