/**
 * The size section's "why this size" sentence is chosen by whether the ordinary convolution
 * takes the output back to the input: it does not when output padding reaches the stride
 * (PyTorch allows that when the dilation is larger).
 */
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain/index.ts";
import { renderDerivation } from "../../src/render/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";

const md = (o: Parameters<typeof parseProblem>[0], locale: "en" | "zh-CN" = "en") =>
  renderDerivation(explain(parseProblem(o), { sections: ["size"] }), { format: "md", locale });

describe("the size section's relationship sentence", () => {
  const beyond = { input: "[1,2,3]", kernel: "[1,-1]", dilation: 3, stride: 2, outputPadding: 2 };
  it("says the convolution does not take the output back when output padding reaches the stride", () => {
    const en = md(beyond);
    expect(en).toContain("takes size 10 back to size 4");
    expect(en).toContain("not to the input's 3: output padding 2 is at least the stride 2");
    expect(en).not.toContain("exactly the connections");
    expect(md(beyond, "zh-CN")).toContain("而不是输入的尺寸 3");
  });

  it("keeps 'exactly the connections ... followed backwards' when output padding is below the stride", () => {
    const en = md({ ...beyond, outputPadding: 1 });
    expect(en).toContain("exactly the connections of that convolution, followed backwards");
    expect(en).not.toContain("not to the input's");
  });
});
