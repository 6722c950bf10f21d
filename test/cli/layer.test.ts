import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { parseNoteBlock } from "../../src/notes/block.ts";
import { renderTconvNote } from "../../src/notes/api.ts";

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const layer = ["--torch", "nn.ConvTranspose1d(1, 1, 2, stride=2, bias=False)"];
const tensors = ["--input", "[[[1, 2]]]", "--kernel", "[[[1, -1]]]"];

describe("--torch and --keras on every problem command", () => {
  it("eval: the layer's numbers in its layout", async () => {
    expect(await run(["eval", ...layer, ...tensors, "--json"])).toEqual({ code: 0, stdout: '{"shape":[1,1,4],"output":[[[1,-1,2,-2]]]}\n', stderr: "" });
    const keras = await run(["eval", "--keras", "layers.Conv1DTranspose(1, 2, strides=2, use_bias=False)", "--input", "[[[1],[2]]]", "--kernel", "[[[1]],[[-1]]]", "--json"]);
    expect(keras.stdout).toBe('{"shape":[1,4,1],"output":[[[1],[-1],[2],[-2]]]}\n');
  });

  it("matrix: the kernel's shape comes from the layer", async () => {
    const r = await run(["matrix", ...layer, "--input-shape", "1,1,2", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, cols: 4, entries: [[0, 0, "w_{0}"], [0, 1, "w_{1}"], [1, 2, "w_{0}"], [1, 3, "w_{1}"]] });
  });

  it("explain and check take the layer too", async () => {
    const explain = await run(["explain", ...layer, ...tensors, "--sections", "size", "--format", "json"]);
    expect(explain.code).toBe(0);
    expect(JSON.parse(explain.stdout).output).toEqual([1, -1, 2, -2]);
    expect((await run(["check", ...layer, ...tensors, "--claim", "[[[1,-1,2,-2]]]"])).code).toBe(0);
    expect((await run(["check", ...layer, ...tensors, "--claim", "[[[1,-1,2,2]]]"])).code).toBe(1);
  });

  it("refuses an option the layer already sets, and a wrong layer, with one error line and exit 2", async () => {
    expect(await run(["eval", ...layer, ...tensors, "--padding", "1"])).toEqual({
      code: 2, stdout: "", stderr: "error: --padding: cannot be given together with --torch: the layer string sets it; change it in the layer instead\n",
    });
    expect(await run(["eval", ...layer, ...tensors, "--layout", "torch"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: --layout: /) });
    const bad = await run(["explain", "--keras", "layers.Conv1DTranspose(1, 2, strides=2, activation='relu')", "--input", "[[[1],[2]]]", "--kernel", "[[[1]],[[-1]]]"]);
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "error: --keras: at character 52: activation='relu' changes the numbers after the convolution; tconv computes the convolution alone (activation=None)\n" });
  });
});

describe("torch: and keras: keys in note blocks", () => {
  it("reads them as words, like the command line's texts", () => {
    expect(parseNoteBlock("torch: nn.ConvTranspose1d(1, 1, 2, stride=2)\ninput: [[[1, 2]]]\nkernel: [[[1, -1]]]").problem)
      .toEqual({ torch: "nn.ConvTranspose1d(1, 1, 2, stride=2)", input: "[[[1, 2]]]", kernel: "[[[1, -1]]]" });
  });

  it("renders a block given by a layer, and names the key in a block's error", async () => {
    const ok = await renderTconvNote("```tconv\ntorch: nn.ConvTranspose1d(1, 1, 2, stride=2, bias=False)\ninput: [[[1, 2]]]\nkernel: [[[1, -1]]]\nsections: [size]\n```\n");
    expect(ok.blocks).toEqual([{ line: 1, status: "stale" }]);
    expect(ok.text).toContain("(2 - 1)\\cdot 2 - 0 - 0 + 1\\cdot(2 - 1) + 0 + 1 = 4");
    const clash = await renderTconvNote("```tconv\nkeras: layers.Conv1DTranspose(1, 2)\nstride: 2\ninput: [[[1], [2]]]\nkernel: [[[1]], [[-1]]]\n```\n");
    expect(clash.blocks[0]).toMatchObject({ error: { code: "conflicting-options", path: "stride", message: expect.stringContaining("cannot be given together with keras") } });
  });
});
