/**
 * A fuzzing finding: `explain --format html` of a 3×3 problem with many symbols stopped with
 * KaTeX's "Too many expansions" (its default limit of 1000 spacing macros in one long symbolic
 * round-trip sum) as an internal error. The page renders now.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { renderMathHtml } from "../../src/render/html-page.ts";

describe("KaTeX renders long generated sums", () => {
  it("a sum with 2,000 thin spaces renders", () => {
    const tex = Array.from({ length: 2000 }, (_, i) => `${i}.5\\,x_{${i}}`).join(" + ");
    expect(renderMathHtml(tex, { display: true })).toContain('class="katex"');
  });
  it("explain --format html of the fuzzed 3×3 symbolic problem", async () => {
    const io = bufferIo();
    const code = await main(["explain", "--input", "[[x_1,98,\\alpha],[-97,x_{1,2},w1],[-1,65,sk]]",
      "--kernel", "[[-83,z,0],[x_{1,2},beta_{0},wsm],[cr,3^12,(-54/6^.5)]]", "--format", "html"], io);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout.slice(0, 20)).toMatch(/^<!doctype html>/i);
  });
});
