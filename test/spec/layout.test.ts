import { describe, expect, it } from "vitest";
import { fc, test as fcTest } from "@fast-check/vitest";
import {
  canonicalInputShape, canonicalKernelShape, layoutOutputShape, outputAxes, outputFromLayout, outputToLayout, parseLayout, permute, spatialRank,
  type Layout,
} from "../../src/spec/layout.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("layouts", () => {
  it("onnx is an alias of torch; unknown names are refused", () => {
    expect(parseLayout("onnx")).toBe("torch");
    expect(parseLayout(undefined)).toBe("plain");
    expect(() => parseLayout("nchw")).toThrow(/unknown layout/);
    // Library callers get the property name; the CLI passes its option name.
    expect(() => parseLayout("nchw")).toThrow(expect.objectContaining({ path: "layout" }));
    expect(() => parseLayout("nchw", "--layout")).toThrow(expect.objectContaining({ path: "--layout" }));
  });

  it("reads the spatial rank off the kernel", () => {
    expect(spatialRank("plain", [2, 2], "--kernel")).toBe(2);
    expect(spatialRank("tf", [2, 2, 2, 1, 1], "--kernel")).toBe(3);
    expect(() => spatialRank("torch", [1, 2], "--kernel")).toThrow(/at least one spatial axis/);
  });

  it("permute moves axes and permuting back restores the data", () => {
    const data = range(24), shape = [2, 3, 4];
    const p = permute(data, shape, [2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    // Element [i,j,k] of the source is element [k,i,j] of the result.
    expect(p.data[(3 * 2 + 1) * 3 + 2]).toBe((1 * 3 + 2) * 4 + 3);
    expect(permute(p.data, p.shape, [1, 2, 0]).data).toEqual(data);
  });

  it("tf input [N, *s, C] becomes [N, C, *s]; unbatched inputs get N = 1", () => {
    expect(canonicalInputShape("tf", [2, 5, 6, 3], 2, "--input")).toEqual({ shape: [2, 3, 5, 6], batched: true });
    expect(canonicalInputShape("tf", [5, 6, 3], 2, "--input")).toEqual({ shape: [1, 3, 5, 6], batched: false });
    expect(canonicalInputShape("torch", [3, 5, 6], 2, "--input")).toEqual({ shape: [1, 3, 5, 6], batched: false });
    expect(canonicalInputShape("plain", [5, 6], 2, "--input")).toEqual({ shape: [1, 1, 5, 6], batched: false });
  });

  it("tf kernels [*k, a, b] become [b, a, *k] for both transposed ([*k, out, in]) and conv ([*k, in, out])", () => {
    expect(canonicalKernelShape("tf", [3, 4, 5, 6], 2)).toEqual([6, 5, 3, 4]);
    expect(canonicalKernelShape("torch", [6, 5, 3, 4], 2)).toEqual([6, 5, 3, 4]);
    expect(canonicalKernelShape("plain", [3, 4], 2)).toEqual([1, 1, 3, 4]);
  });

  it("outputs go back to the user's layout: tf channels last, plain spatial only, unbatched without N", () => {
    const canon = [1, 2, 1, 3], data = [1, 2, 3, 10, 20, 30];
    expect(outputToLayout("tf", true, canon, data)).toEqual({ shape: [1, 1, 3, 2], data: [1, 10, 2, 20, 3, 30] });
    expect(outputToLayout("tf", false, canon, data)).toEqual({ shape: [1, 3, 2], data: [1, 10, 2, 20, 3, 30] });
    expect(outputToLayout("torch", false, canon, data)).toEqual({ shape: [2, 1, 3], data });
    expect(outputToLayout("plain", false, [1, 1, 2, 2], [1, 2, 3, 4])).toEqual({ shape: [2, 2], data: [1, 2, 3, 4] });
  });

  it("the one output permutation: canonical axes in the order each layout writes them, batched or not", () => {
    expect(outputAxes("plain", 2, false)).toEqual([2, 3]);
    expect(outputAxes("plain", 2, true)).toEqual([2, 3]);
    expect(outputAxes("torch", 2, true)).toEqual([0, 1, 2, 3]);
    expect(outputAxes("torch", 2, false)).toEqual([1, 2, 3]);
    expect(outputAxes("tf", 2, true)).toEqual([0, 2, 3, 1]);
    expect(outputAxes("tf", 3, false)).toEqual([2, 3, 4, 1]);
    expect(layoutOutputShape("tf", false, [1, 5, 3, 4])).toEqual([3, 4, 5]);
    expect(layoutOutputShape("torch", true, [2, 5, 3, 4])).toEqual([2, 5, 3, 4]);
  });

  fcTest.prop([
    fc.constantFrom<Layout>("plain", "torch", "tf"), fc.boolean(), fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
  ], { numRuns: 60 })("outputFromLayout undoes outputToLayout for every layout, rank, batch and channel count", (layout, batched, rank, n, c, sizes) => {
    // Plain has N = C = 1, an unbatched output N = 1.
    const canon = [layout === "plain" || !batched ? 1 : n, layout === "plain" ? 1 : c, ...sizes.slice(0, rank)];
    const data = Array.from({ length: canon.reduce((a, b) => a * b, 1) }, (_, i) => i);
    const written = outputToLayout(layout, batched, canon, data);
    expect(written.shape).toEqual(layoutOutputShape(layout, batched, canon));
    expect(outputFromLayout(layout, batched, rank, written.shape, written.data)).toEqual({ shape: canon, data });
  });
});
