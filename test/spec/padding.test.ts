import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TconvError } from "../../src/spec/error.ts";
import { cliNames } from "../../src/spec/names.ts";
import { parseShapeProblem } from "../../src/spec/parse-problem.ts";
import { parseAutoPad, resolvePadding, type PaddingRequest } from "../../src/spec/padding.ts";

const axis1 = (over: Partial<PaddingRequest>): PaddingRequest => ({
  op: "transposed", layout: "torch", inSize: [3], kernel: [4], stride: [2], dilation: [1], names: cliNames, ...over,
});

describe("ONNX output_shape: total padding split as the operator spec says", () => {
  // total = s(i−1) + op + ((k−1)d + 1) − out = 2·2 + 0 + 4 − 5 = 3
  it("same_upper puts the odd unit at the end", () => {
    const r = resolvePadding(axis1({ outputShape: [5], autoPad: "same_upper" }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[1], [2], [0]]);
  });
  it("same_lower puts it at the start", () => {
    const r = resolvePadding(axis1({ outputShape: [5], autoPad: "same_lower" }));
    expect([r.padBegin, r.padEnd]).toEqual([[2], [1]]);
  });
  it("without auto_pad (NOTSET) the spec's else-branch also puts it at the start, not ONNX Runtime's swapped split", () => {
    const r = resolvePadding(axis1({ outputShape: [5] }));
    expect([r.padBegin, r.padEnd]).toEqual([[2], [1]]);
    expect(r.choices[0]).toMatchObject({ kind: "output-shape", autoPad: "notset", totalPadding: 3, padBegin: 2, padEnd: 1, outputPadding: 0 });
  });
  it("a negative total padding becomes extra output at the end (ONNX test_convtranspose_output_shape)", () => {
    // in 3, k 3, s 3 → natural 9; output_shape 10 → total −1 → output_padding 1, no pads.
    const r = resolvePadding(axis1({ kernel: [3], stride: [3], outputShape: [10] }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[0], [0], [1]]);
    expect(r.choices[0]!.summary).toBe("--output-shape 10 → total padding -1: no padding, output_padding 1 at the end");
  });
  it("output_padding given with output_shape enters the total (ONNX test_convtranspose_kernel_shape)", () => {
    const r = resolvePadding(axis1({ kernel: [3], stride: [3], outputShape: [10], outputPadding: [1] }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[0], [0], [1]]);
  });
  it("refuses a shape that would need output padding ≥ max(stride, dilation)", () => {
    expect(() => resolvePadding(axis1({ kernel: [3], stride: [3], outputShape: [12] }))).toThrow(/needs output padding 3, which must be smaller than either stride \(3\) or dilation \(1\); without padding the reachable sizes are 9 to 11/);
  });
});

describe("auto_pad without an output shape", () => {
  it("same_upper aims at input · stride", () => {
    const r = resolvePadding(axis1({ kernel: [3], autoPad: "same_upper" }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[0], [1], [0]]);
    expect(r.choices[0]!.summary).toBe("--auto-pad same_upper (output 6 = 3·2) → total padding 1, pads 0 before and 1 after");
  });
  it("same with a kernel smaller than the stride reaches input · stride through output padding", () => {
    const r = resolvePadding(axis1({ kernel: [1], autoPad: "same_upper" }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[0], [0], [1]]);
  });
  it("valid pads nothing", () => {
    const r = resolvePadding(axis1({ autoPad: "valid" }));
    expect([r.padBegin, r.padEnd, r.outputPadding, r.choices]).toEqual([[0], [0], [0], []]);
  });
  it("TF 'same' is same_upper; notset means no auto-pad", () => {
    expect(parseAutoPad("SAME", "--auto-pad")).toBe("same_upper");
    expect(parseAutoPad("same-lower", "--auto-pad")).toBe("same_lower");
    expect(parseAutoPad("NOTSET", "--auto-pad")).toBeUndefined();
  });
});

describe("ONNX Conv auto_pad for --op conv", () => {
  it("same_upper gives ⌈i/s⌉ with the odd unit at the end, same_lower at the start", () => {
    const base = { op: "conv" as const, inSize: [6], kernel: [3], stride: [2] };
    const up = resolvePadding(axis1({ ...base, autoPad: "same_upper" }));
    const low = resolvePadding(axis1({ ...base, autoPad: "same_lower" }));
    expect([up.padBegin, up.padEnd]).toEqual([[0], [1]]);
    expect([low.padBegin, low.padEnd]).toEqual([[1], [0]]);
    expect(up.choices[0]!.requested).toBe(3);
  });
});

describe("PyTorch output_size", () => {
  it("keeps the padding and chooses the output padding", () => {
    const r = resolvePadding(axis1({ kernel: [3], padding: { begin: [1], end: [1] }, outputSize: [6] }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[1], [1], [1]]);
    expect(r.choices[0]).toMatchObject({ kind: "output-size", requested: 6, range: [5, 6], outputPadding: 1 });
  });
  it("refuses sizes outside [min, min + max(stride, dilation) − 1], saying the range", () => {
    expect(() => resolvePadding(axis1({ kernel: [3], padding: { begin: [1], end: [1] }, outputSize: [7] })))
      .toThrow(/requested an output size of 7 on axis 0, but valid sizes range from 5 to 6/);
    expect(() => resolvePadding(axis1({ kernel: [3], outputSize: [6] }))).toThrow(/valid sizes range from 7 to 8/);
  });
  it("lets dilation widen the range as PyTorch does", () => {
    const r = resolvePadding(axis1({ kernel: [2], stride: [1], dilation: [3], inSize: [2], outputSize: [6] }));
    expect(r.outputPadding).toEqual([1]);
  });
});

describe("TF output_shape", () => {
  it("with explicit padding, the size chooses the output padding", () => {
    const r = resolvePadding(axis1({ layout: "tf", inSize: [2], kernel: [2], padding: { begin: [0], end: [1] }, outputShape: [3] }));
    expect([r.padBegin, r.padEnd, r.outputPadding]).toEqual([[0], [1], [0]]);
  });
  it("refuses an input that TF's forward convolution of the output shape does not give", () => {
    expect(() => resolvePadding(axis1({ layout: "tf", inSize: [8], kernel: [8], stride: [1], outputShape: [4], autoPad: "same_upper" })))
      .toThrow(/a SAME convolution with stride 1 of 4 gives 4, but the input has 8 on axis 0 \(tfjs does not check this and silently reads only the first 4; crop the input to 4 to reproduce its numbers\)/);
  });
  it("ONNX (torch layout) takes the same request without TF's rule", () => {
    const r = resolvePadding(axis1({ inSize: [8], kernel: [8], stride: [1], outputShape: [4], autoPad: "same_upper" }));
    expect([r.padBegin, r.padEnd]).toEqual([[5], [6]]);
  });
});

describe("requested sizes are met exactly (fast-check)", () => {
  const axis = fc.record({
    i: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 5 }), s: fc.integer({ min: 1, max: 4 }),
    d: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 8 }),
    autoPad: fc.constantFrom(undefined, "same_upper", "same_lower"),
  });

  it("--output-shape: the derived pads give exactly the requested size, or a refusal naming --output-shape", () => {
    fc.assert(fc.property(axis, ({ i, k, s, d, extra, autoPad }) => {
      const requested = 1 + extra;
      try {
        const p = parseShapeProblem({ inputShape: [i], kernelShape: [k], stride: s, dilation: d, outputShape: requested, ...(autoPad ? { autoPad } : {}), names: cliNames });
        expect(p.info.outSpatial).toEqual([requested]);
        expect(p.params.outputPadding[0]!).toBeLessThan(Math.max(s, d));
      } catch (e) {
        expect(e).toBeInstanceOf(TconvError);
        expect((e as TconvError).path).toBe("--output-shape");
        // Refused only when more output is asked than output padding can add.
        expect(requested).toBeGreaterThan((i - 1) * s + (k - 1) * d + 1 + Math.max(s, d) - 1);
      }
    }), { numRuns: 300 });
  });

  it("--output-size: every size in the stated range is reached, every other size refused", () => {
    fc.assert(fc.property(axis, fc.integer({ min: 0, max: 3 }), ({ i, k, s, d, extra }, pad) => {
      const min = (i - 1) * s - 2 * pad + (k - 1) * d + 1;
      const requested = Math.max(1, min - 2 + extra);
      const ask = () => parseShapeProblem({ inputShape: [i], kernelShape: [k], stride: s, dilation: d, padding: pad, outputSize: requested });
      if (requested >= min && requested <= min + Math.max(s, d) - 1) expect(ask().info.outSpatial).toEqual([requested]);
      else expect(ask).toThrow(TconvError);
    }), { numRuns: 300 });
  });

  it("--auto-pad same_* without an output shape gives input · stride", () => {
    fc.assert(fc.property(axis, ({ i, k, s, d, autoPad }) => {
      const p = parseShapeProblem({ inputShape: [i], kernelShape: [k], stride: s, dilation: d, autoPad: autoPad ?? "same_upper" });
      expect(p.info.outSpatial).toEqual([i * s]);
    }), { numRuns: 300 });
  });
});
