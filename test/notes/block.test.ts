import { describe, expect, it } from "vitest";
import { parseNoteBlock } from "../../src/notes/block.ts";
import { TconvError } from "../../src/spec/error.ts";

function errorOf(body: string): TconvError {
  try {
    parseNoteBlock(body);
  } catch (e) {
    if (e instanceof TconvError) return e;
    throw e;
  }
  throw new Error("expected the block to be refused");
}

describe("parsing a tconv block body", () => {
  it("turns YAML arrays and numbers into the option texts of the command line", () => {
    const block = parseNoteBlock([
      "input: [[1, 2], [3, 4]]",
      "kernel: [[a, b], [c, 1/2]]",
      "stride: [2, 1]",
      "padding: 1",
      "output_padding: [1, 0]",
      "auto-pad: same_upper",
      "groups: 1",
      "index_base: 1",
      "bias: 0.5",
      "sections: [size, scatter, cells]",
      "lang: zh",
      "cell: [1, 1]",
    ].join("\n"));
    expect(block.problem).toEqual({
      input: "[[1, 2], [3, 4]]", kernel: "[[a, b], [c, 1/2]]", stride: "2,1", padding: "1",
      "output-padding": "1,0", "auto-pad": "same_upper", groups: "1", "index-base": "1", bias: "[0.5]",
    });
    expect(block.sections).toEqual(["size", "scatter", "cells"]);
    expect(block.lang).toBe("zh");
    expect(block.cell).toBe("1,1");
    expect(block.claim).toBeUndefined();
  });

  it("takes tensors and lists written as text, as on the command line", () => {
    const block = parseNoteBlock('input: "[[x_{0,0}, x_{0,1}]]"\nkernel: "[[1, 2]]"\nsections: size, cells\nclaim: "[[1, ?, 3]]"');
    expect(block.problem.input).toBe("[[x_{0,0}, x_{0,1}]]");
    expect(block.sections).toEqual(["size", "cells"]);
    expect(block.claim).toBe("[[1, ?, 3]]");
  });

  it("names an unknown key", () => {
    const e = errorOf("input: [1]\nkernel: [1]\nstrides: 2");
    expect(e.path).toBe("strides");
    expect(e.message).toMatch(/unknown key/);
  });

  it("refuses the same key in both spellings", () => {
    expect(errorOf("input: [1]\nkernel: [1]\noutput_padding: 1\noutput-padding: 1").path).toBe("output-padding");
  });

  it("says where YAML that does not parse went wrong", () => {
    const e = errorOf("input: [[1, 2]\nkernel: [1]");
    expect(e.path).toBe("yaml");
    expect(e.message).toMatch(/block line \d+, column \d+/);
  });

  it("refuses a body that is not a mapping, an empty body and missing input or kernel", () => {
    expect(errorOf("- 1\n- 2").code).toBe("bad-block");
    expect(errorOf("").code).toBe("empty-block");
    expect(errorOf("kernel: [1]").path).toBe("input");
    expect(errorOf("input: [1]").path).toBe("kernel");
  });

  it("names the entry of a tensor that is neither number nor symbol", () => {
    expect(errorOf("input: [[1, true]]\nkernel: [1]").path).toBe("input[0][1]");
    expect(errorOf("input: [[1, null]]\nkernel: [1]").path).toBe("input[0][1]");
    expect(errorOf("input: [1, .nan]\nkernel: [1]").path).toBe("input[1]");
  });

  it("names the axis of a per-axis parameter that is not a number", () => {
    expect(errorOf("input: [1]\nkernel: [1]\nstride: [2, x]").path).toBe("stride[1]");
    expect(errorOf("input: [1]\nkernel: [1]\nstride: {a: 1}").path).toBe("stride");
    expect(errorOf("input: [1]\nkernel: [1]\nsections: []").path).toBe("sections");
  });
});
