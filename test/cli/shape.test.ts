import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(["shape", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("tconv shape", () => {
  it("gives {\"shape\":[3,3]} for a 2×2 input and a 2×2 kernel", async () => {
    expect(await run(["--input-shape", "2,2", "--kernel-shape", "2,2", "--json"])).toEqual({ code: 0, stdout: '{"shape":[3,3]}\n', stderr: "" });
  });

  it("explains the formula per axis in the text form", async () => {
    const r = await run(["--input-shape", "4", "--kernel-shape", "3", "--stride", "2", "--padding", "1", "--output-padding", "1"]);
    expect(r.stdout).toBe("output shape: [8]\naxis 0: o = (i−1)·s − p_begin − p_end + d·(k−1) + output_padding + 1 = (4−1)·2 − 1 − 1 + 1·(3−1) + 1 + 1 = 8\n"
      + "output_padding (or output_size) can reach: axis 0 7..8 (output_padding must be smaller than stride or dilation (PyTorch's rule; output_size chooses it))\n");
  });

  it("reads shapes in the torch layout and answers in it", async () => {
    const r = await run(["--layout", "torch", "--input-shape", "2,4,5,5", "--kernel-shape", "4,3,3,3", "--groups", "2", "--stride", "2", "--json"]);
    expect(r.stdout).toBe('{"shape":[11,11],"layoutShape":[2,6,11,11]}\n');
  });

  it("reads shapes in the tf layout (channels last) and answers in it", async () => {
    const r = await run(["--layout", "tf", "--input-shape", "1,2,2,4", "--kernel-shape", "2,2,1,4", "--stride", "2", "--auto-pad", "same", "--json"]);
    expect(r.stdout).toBe('{"shape":[4,4],"layoutShape":[1,4,4,1]}\n');
  });

  it("gives the ordinary convolution's size with --op conv", async () => {
    const r = await run(["--op", "conv", "--input-shape", "7,7", "--kernel-shape", "3,3", "--stride", "2", "--json"]);
    expect(r.stdout).toBe('{"shape":[3,3]}\n');
    expect((await run(["--op", "conv", "--input-shape", "7", "--kernel-shape", "3", "--stride", "2"])).stdout)
      .toContain("o = ⌊(i + p_begin + p_end − d·(k−1) − 1) / s⌋ + 1 = ⌊(7 + 0 + 0 − 1·(3−1) − 1) / 2⌋ + 1 = 3");
  });

  it("says how --output-shape split the padding (ONNX same_lower: odd unit first)", async () => {
    const r = await run(["--input-shape", "3", "--kernel-shape", "4", "--stride", "2", "--output-shape", "5", "--auto-pad", "same_lower"]);
    expect(r.stdout.split("\n")[1]).toBe("--output-shape 5 → total padding 3, pads 2 before and 1 after");
  });

  it("has --help listing the shared options with their help text", async () => {
    const io = bufferIo();
    expect(await main(["shape", "--help"], io)).toBe(0);
    for (const opt of ["--input-shape", "--kernel-shape", "--stride", "--padding", "--output-size", "--output-shape", "--auto-pad", "--groups", "--layout", "--op"]) {
      expect(io.stdout).toContain(opt);
    }
  });
});
