/**
 * The TSDoc examples of the spec layer, the shape/evaluate API and the CLI option helpers, as direct
 * assertions. The examples of the library door's exports run as documentation, once, in
 * test/api/doc-examples.test.ts.
 */
import { describe, expect, it } from "vitest";
import { evaluate, evaluationJson, nestedOutput } from "../../src/api/evaluate.ts";
import { shape, shapeFormulaLines } from "../../src/api/shape.ts";
import { formatTensorText } from "../../src/api/tensor-text.ts";
import { indexBaseFromOptions, shapeProblemFromOptions } from "../../src/cli/options.ts";
import { outputToLayout, permute, spatialRank } from "../../src/spec/layout.ts";
import { parseShape, parseTensorLiteral, tensorFromValues } from "../../src/spec/literal.ts";
import { cliNames } from "../../src/spec/names.ts";
import { resolvePadding } from "../../src/spec/padding.ts";
import { parseIntList, perAxis, splitPadding } from "../../src/spec/params.ts";
import { parseProblem, parseShapeProblem, requireTermLimit } from "../../src/spec/parse-problem.ts";

describe("TSDoc examples", () => {
  it("spec/literal", () => {
    expect(parseTensorLiteral("[[1, 2], [3, 4]]", { field: "--input", allowSymbols: false }).shape).toEqual([2, 2]);
    expect(parseTensorLiteral("[a, x_{1,2}]", { field: "--kernel", allowSymbols: true }).data[1]).toEqual({ kind: "symbol", name: "x_{1,2}", tex: "x_{1,2}" });
    expect(tensorFromValues([[1, "3/4"], [0.5, 2]], { field: "input", allowSymbols: false }).shape).toEqual([2, 2]);
    expect(parseShape("2,3")).toEqual([2, 3]);
    expect(parseShape("[4]", "--kernel-shape")).toEqual([4]);
  });

  it("spec/params and spec/layout", () => {
    expect(parseIntList("2, 1", "--stride")).toEqual([2, 1]);
    expect(parseIntList(3, "stride")).toEqual([3]);
    expect(perAxis([2], 3, "--stride")).toEqual([2, 2, 2]);
    expect(splitPadding([1, 2, 1, 0], 2, "--padding")).toEqual({ begin: [1, 2], end: [1, 0] });
    expect(spatialRank("torch", [1, 2, 3, 3], "--kernel")).toBe(2);
    expect(permute([1, 2, 3, 4, 5, 6], [2, 3], [1, 0])).toEqual({ shape: [3, 2], data: [1, 4, 2, 5, 3, 6] });
    expect(outputToLayout("tf", true, [1, 2, 1, 2], [1, 2, 3, 4])).toEqual({ shape: [1, 1, 2, 2], data: [1, 3, 2, 4] });
  });

  it("spec/padding and spec/parse-problem", () => {
    const r = resolvePadding({ op: "transposed", layout: "torch", inSize: [3], kernel: [3], stride: [2], dilation: [1], padding: { begin: [1], end: [1] }, outputSize: [6], names: cliNames });
    expect([r.padBegin, r.padEnd, r.outputPadding, r.choices[0]?.kind]).toEqual([[1], [1], [1], "output-size"]);
    expect(parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" }).info.outSpatial).toEqual([3, 3]);
    expect(parseProblem({ layout: "torch", input: [[[[1, 2], [3, 4]]]], kernel: [[[[1, 0], [0, -1]]]], stride: 2 }).outputShape).toEqual([1, 1, 4, 4]);
    expect(parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" }).outputShape).toEqual([3, 3]);
    expect(parseShapeProblem({ inputShape: [3], kernelShape: [3], stride: 2, padding: 1, outputSize: 6 }).choices[0]?.summary)
      .toBe("outputSize 6 → output_padding 1 (reachable sizes 5..6)");
    const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
    expect(() => requireTermLimit(info, 100, "--max-terms")).not.toThrow();
    expect(() => requireTermLimit(info, 10, "--max-terms")).toThrow(/raise it with --max-terms 16/);
  });

  it("api/shape, api/evaluate, api/tensor-text", () => {
    expect(shape({ inputShape: "2,2", kernelShape: "2,2" }).shape).toEqual([3, 3]);
    expect(shape({ inputShape: [4], kernelShape: [3], stride: 2, padding: 1 }).shape).toEqual([7]);
    const torch = shape({ layout: "torch", inputShape: [1, 2, 5, 5], kernelShape: [2, 3, 3, 3], stride: 2 });
    expect([torch.shape, torch.layoutShape]).toEqual([[11, 11], [1, 3, 11, 11]]);
    expect(shapeFormulaLines(shape({ inputShape: "2,2", kernelShape: "2,2" }).problem)[0])
      .toBe("axis 0: o = (i−1)·s − p_begin − p_end + d·(k−1) + output_padding + 1 = (2−1)·1 − 0 − 0 + 1·(2−1) + 0 + 1 = 3");
    const r = evaluate({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
    expect(r.shape).toEqual([3, 3]);
    expect(nestedOutput(r)).toEqual([[1, 2, 0], [3, 3, -2], [0, -3, -4]]);
    expect(evaluate({ input: [[1, 2]], kernel: [["1/3"]] }).mode).toBe("exact");
    expect(nestedOutput(evaluate({ input: [[1]], kernel: [["1/3"]] }), { exact: true })).toEqual([["1/3"]]);
    expect(evaluationJson(r)).toBe('{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}');
    expect(formatTensorText([2, 2], ["1", "-2", "30", "4"])).toBe(" 1  -2\n30   4\n");
  });

  it("cli/options", () => {
    expect(shapeProblemFromOptions({ inputShape: "2,2", kernelShape: "2,2" }).outputShape).toEqual([3, 3]);
    expect(indexBaseFromOptions({ indexBase: "1" })).toBe(1);
  });
});
