/**
 * Bad input, one rule per test: exit code 2, exactly one stderr line `error: <option>: ...`
 * naming the option at fault, nothing on stdout and no file written.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const X = "[[1,2],[3,4]]", W = "[[1,0],[0,-1]]";

async function refuse(args: string[], option: string, message: RegExp) {
  const before = readdirSync(dir);
  const io = bufferIo(dir);
  const code = await main(args, io);
  expect(code).toBe(2);
  expect(io.stdout).toBe("");
  expect(io.stderr.endsWith("\n")).toBe(true);
  const lines = io.stderr.slice(0, -1).split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`error: ${option}: `)).toBe(true);
  expect(lines[0]).toMatch(message);
  expect(readdirSync(dir)).toEqual(before);
}

describe("eval refuses bad tensors", () => {
  it("a ragged input", () => refuse(["eval", "--input", "[[1,2],[3]]", "--kernel", W], "--input", /ragged array/));
  it("an empty kernel", () => refuse(["eval", "--input", X, "--kernel", "[[]]"], "--kernel", /empty array/));
  it("NaN in the input", () => refuse(["eval", "--input", "[[1,NaN],[3,4]]", "--kernel", W], "--input", /NaN and Infinity are not allowed/));
  it("Infinity in the kernel", () => refuse(["eval", "--input", X, "--kernel", "[[1,Infinity],[0,1]]"], "--kernel", /NaN and Infinity/));
  it("a decimal too large for float64", () => refuse(["eval", "--input", "[[1e999]]", "--kernel", W], "--input", /must be finite/));
  it("a symbol where eval needs numbers", () => refuse(["eval", "--input", X, "--kernel", "[[a,b],[c,d]]"], "--kernel", /numbers only/));
  it("a symbol that could inject TeX", () => refuse(["eval", "--input", X, "--kernel", "[[\\href{x},1],[0,1]]"], "--kernel", /expected an integer/));
  it("division by zero in a fraction", () => refuse(["eval", "--input", "[[1/0]]", "--kernel", W], "--input", /division by zero/));
  it("a literal that is not an array", () => refuse(["eval", "--input", "5", "--kernel", W], "--input", /nested array literal/));
  it("a missing @file", () => refuse(["eval", "--input", "@missing.json", "--kernel", W], "--input", /cannot read "missing\.json": no such file/));
  it("a missing --input", () => refuse(["eval", "--kernel", W], "--input", /required/));
  it("a bias with the wrong length", () => refuse(["eval", "--input", X, "--kernel", W, "--bias", "[1,2]"], "--bias", /one value per output channel: 1 value/));
});

describe("eval refuses inconsistent shapes", () => {
  it("an input whose rank does not match the kernel's", () =>
    refuse(["eval", "--input", "[1,2,3]", "--kernel", W], "--input", /must have rank 2, got rank 1/));
  it("a torch input of the wrong rank", () =>
    refuse(["eval", "--layout", "torch", "--input", "[[1,2]]", "--kernel", "[[[[1]]]]"], "--input", /expected 3-D \(unbatched\) or 4-D \(batched\) input/));
  it("a torch kernel whose C_in differs from the input's channels", () =>
    refuse(["eval", "--layout", "torch", "--input", "[[[[1]],[[2]]]]", "--kernel", "[[[[1]]]]"], "--kernel", /expected input to have 1 channels, but got 2 channels instead/));
  it("channels not divisible by groups", () =>
    refuse(["eval", "--layout", "torch", "--input", "[[[[1]],[[2]],[[3]]]]", "--kernel", "[[[[1]]],[[[1]]],[[[1]]]]", "--groups", "2"], "--groups", /in_channels must be divisible by groups: 3 input channels, groups 2/));
  it("conv output channels not divisible by groups", () =>
    refuse(["eval", "--op", "conv", "--layout", "torch", "--input", "[[[[1]],[[2]]]]", "--kernel", "[[[[1]]],[[[1]]],[[[1]]]]", "--groups", "2"], "--groups", /out_channels must be divisible by groups/));
  it("a kernel too big for an ordinary convolution", () =>
    refuse(["eval", "--op", "conv", "--input", "[[1]]", "--kernel", W], "--kernel", /Output size is too small/));
  it("a problem above the term limit", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--max-terms", "10"], "--max-terms", /this problem has 16 multiply-add terms, above the limit of 10; raise it with --max-terms 16/));
});

describe("eval refuses bad parameters in the frameworks' words", () => {
  it("a non-positive stride", () => refuse(["eval", "--input", X, "--kernel", W, "--stride", "0"], "--stride", /non-positive stride is not supported/));
  it("a non-positive dilation", () => refuse(["eval", "--input", X, "--kernel", W, "--dilation", "1,0"], "--dilation", /dilation should be greater than zero \(got 0 on axis 1\)/));
  it("a non-positive groups", () => refuse(["eval", "--input", X, "--kernel", W, "--groups", "0"], "--groups", /groups must be a positive integer/));
  it("negative padding", () => refuse(["eval", "--input", X, "--kernel", W, "--padding", "-1"], "--padding", /negative padding is not supported/));
  it("negative output padding", () => refuse(["eval", "--input", X, "--kernel", W, "--stride", "2", "--output-padding", "-1"], "--output-padding", /negative output padding/));
  it("output padding not smaller than stride or dilation", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--stride", "2", "--output-padding", "2"], "--output-padding", /output padding must be smaller than either stride or dilation/));
  it("padding that leaves an output smaller than 1", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--padding", "2"], "--padding", /Calculated output size per channel: \(-1 x -1\)\. Output size is too small/));
  it("an output size outside the reachable range, saying the range", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--stride", "2", "--output-size", "7"], "--output-size", /requested an output size of 7 on axis 0, but valid sizes range from 4 to 5/));
  it("an output size below 1", () => refuse(["eval", "--input", X, "--kernel", W, "--output-size", "0"], "--output-size", /at least 1/));
  it("an output shape below 1", () => refuse(["eval", "--input", X, "--kernel", W, "--output-shape", "0"], "--output-shape", /at least 1/));
  it("an output shape beyond what output padding can reach", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--output-shape", "9"], "--output-shape", /reachable sizes are 3 to 3/));
  it("--padding together with --auto-pad", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--padding", "1", "--auto-pad", "same_upper"], "--auto-pad", /cannot be used together/));
  it("--output-size together with --output-shape", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--output-size", "3", "--output-shape", "3"], "--output-shape", /give one of them/));
  it("--output-size together with --output-padding", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--stride", "2", "--output-size", "4", "--output-padding", "1"], "--output-size", /chooses the output padding itself/));
  it("output padding for an ordinary convolution", () =>
    refuse(["eval", "--op", "conv", "--input", X, "--kernel", W, "--output-padding", "1"], "--output-padding", /applies only to transposed/));
  it("the wrong number of per-axis values", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--stride", "1,2,3"], "--stride", /expected 1 value or 2 \(one per spatial axis\), got 3/));
  it("the wrong number of padding values", () =>
    refuse(["eval", "--input", X, "--kernel", W, "--padding", "1,1,1"], "--padding", /expected 1, 2 \(both ends of each axis\) or 4 values/));
  it("a non-integer parameter", () => refuse(["eval", "--input", X, "--kernel", W, "--stride", "1.5"], "--stride", /expected integers, got "1\.5"/));
  it("an unknown layout", () => refuse(["eval", "--input", X, "--kernel", W, "--layout", "nhwc"], "--layout", /unknown layout "nhwc"/));
  it("an unknown auto-pad mode", () => refuse(["eval", "--input", X, "--kernel", W, "--auto-pad", "full"], "--auto-pad", /unknown auto-pad "full"/));
  it("an unknown operation", () => refuse(["eval", "--input", X, "--kernel", W, "--op", "deconvolve"], "--op", /unknown operation/));
});

describe("shape refuses bad shapes", () => {
  it("a size that is not a positive integer", () => refuse(["shape", "--input-shape", "2,0", "--kernel-shape", "2,2"], "--input-shape", /positive integer/));
  it("a missing kernel shape", () => refuse(["shape", "--input-shape", "2,2"], "--kernel-shape", /required/));
  it("mismatched ranks", () => refuse(["shape", "--input-shape", "2,2,2", "--kernel-shape", "2,2"], "--input-shape", /rank 2, got rank 3/));
});

describe("refusals never leave a file behind", () => {
  it("a literal read from a file that turns out ragged writes nothing", async () => {
    writeFileSync(join(dir, "ragged.json"), "[[1,2],[3]]");
    await refuse(["eval", "--input", "@ragged.json", "--kernel", W], "--input", /ragged/);
    rmSync(join(dir, "ragged.json"));
  });
});

describe("conflicting or repeated options are refused, and the first failing option is reported", () => {
  it("--input given twice", () => refuse(["eval", "--input", X, "--input", "[[1]]", "--kernel", W], "--input", /given more than once/));
  it("--stride given twice, once with =", () => refuse(["eval", "--input", X, "--kernel", W, "--stride", "2", "--stride=3"], "--stride", /given more than once/));
  it("check --json with --format md", () => refuse(["check", "--input", X, "--kernel", W, "--claim", "[[1]]", "--json", "--format", "md"], "--json", /not both/));
  it("--input's missing file before --kernel's", () => refuse(["eval", "--input", "@a.json", "--kernel", "@w.json"], "--input", /cannot read "a\.json"/));
  it("--input's missing file before --kernel's whatever order they were typed in, and before a bad parameter", async () => {
    await refuse(["eval", "--kernel", "@w.json", "--input", "@a.json"], "--input", /cannot read "a\.json"/);
    await refuse(["eval", "--stride", "0", "--input", "@a.json", "--kernel", W], "--input", /cannot read "a\.json"/);
  });
});
