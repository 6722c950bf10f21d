import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

async function run(args: string[], cwd?: string) {
  const io = bufferIo(cwd);
  const code = await main(["eval", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("tconv eval", () => {
  it("prints the worked example's contract JSON exactly", async () => {
    const r = await run(["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--json"]);
    expect(r).toEqual({ code: 0, stdout: '{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}\n', stderr: "" });
  });

  it("prints a readable right-aligned matrix without --json", async () => {
    const r = await run(["--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("output shape [3, 3] (exact, plain layout)\n 1   2   0\n 3   3  -2\n 0  -3  -4\n");
  });

  it("evaluates an ordinary convolution with --op conv (cross-correlation)", async () => {
    const r = await run(["--op", "conv", "--input", "[[1,2,3],[4,5,6],[7,8,9]]", "--kernel", "[[1,0],[0,-1]]", "--json"]);
    expect(r.stdout).toBe('{"shape":[2,2],"output":[[-4,-4],[-4,-4]]}\n');
  });

  it("answers in the torch layout with batch, two output channels and a bias", async () => {
    // x [N=2, C_in=1, 2]; w [C_in=1, C_out=2, 2]; bias per output channel.
    const r = await run(["--layout", "torch", "--input", "[[[1,2]],[[3,4]]]", "--kernel", "[[[1,1],[1,-1]]]", "--bias", "10,20", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({
      shape: [2, 2, 3],
      output: [[[11, 13, 12], [21, 21, 18]], [[13, 17, 14], [23, 21, 16]]],
    });
  });

  it("answers in the tf layout with channels last and an unbatched input", async () => {
    // x [H=1, W=2, C_in=1]; w [kH=1, kW=2, C_out=2, C_in=1]: channel 0 kernel [1,1], channel 1 [1,-1].
    const r = await run(["--layout", "tf", "--input", "[[[1],[2]]]", "--kernel", "[[[[1],[1]],[[1],[-1]]]]", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ shape: [1, 3, 2], output: [[[1, 1], [3, 1], [2, -2]]] });
  });

  it("computes in float64 when an entry is a decimal", async () => {
    const r = await run(["--input", "[0.1, 0.2]", "--kernel", "[1, 1]", "--json"]);
    expect(r.stdout).toBe('{"shape":[3],"output":[0.1,0.30000000000000004,0.2]}\n');
    expect((await run(["--input", "[0.1, 0.2]", "--kernel", "[1, 1]"])).stdout).toContain("(float64, plain layout)");
  });

  it("reads literals from @file relative to the working directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-eval-"));
    try {
      writeFileSync(join(dir, "x.json"), "[[1, 2],\n [3, 4]]\n");
      const r = await run(["--input", "@x.json", "--kernel", "[[1,0],[0,-1]]", "--json"], dir);
      expect(r.stdout).toBe('{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says how --output-size chose the output padding in the text form", async () => {
    const r = await run(["--input", "[1,2,3]", "--kernel", "[1,1,1]", "--stride", "2", "--padding", "1", "--output-size", "6"]);
    expect(r.stdout.split("\n")[1]).toBe("--output-size 6 → output_padding 1 (reachable sizes 5..6)");
  });
});

describe("tconv eval stays exact for integers and fractions", () => {
  it("keeps 1/10 + 2/10 = 3/10 where the float sum rounds to 0.30000000000000004", async () => {
    const r = await run(["--input", "[1/10, 2/10]", "--kernel", "[1, 1]", "--exact", "--json"]);
    expect(r.stdout).toBe('{"shape":[3],"output":["1/10","3/10","1/5"]}\n');
  });

  it("prints exact non-integers as the nearest numbers without --exact", async () => {
    const r = await run(["--input", "[1/10, 2/10]", "--kernel", "[1, 1]", "--json"]);
    expect(r.stdout).toBe('{"shape":[3],"output":[0.1,0.3,0.2]}\n');
  });

  it("keeps integers beyond 2^53 exact to the last digit", async () => {
    // 2^53 + 1 is not a float64; the sum 2^53 + 2^53 + 1 must keep its odd last digit.
    const r = await run(["--input", "[9007199254740993, 9007199254740992]", "--kernel", "[1, 1]", "--json"]);
    expect(r.stdout).toBe('{"shape":[3],"output":[9007199254740993,18014398509481985,9007199254740992]}\n');
  });

  it("sums thirds exactly through overlapping taps", async () => {
    const r = await run(["--input", "[[1/3, 1/3], [1/3, 1/3]]", "--kernel", "[[1, 1], [1, 1]]", "--exact", "--json"]);
    expect(JSON.parse(r.stdout).output).toEqual([["1/3", "2/3", "1/3"], ["2/3", "4/3", "2/3"], ["1/3", "2/3", "1/3"]]);
  });

  it("evaluates arithmetic entries exactly through mathjs", async () => {
    const r = await run(["--input", "[-3/4*2, 1/3+1]", "--kernel", "[1]", "--exact", "--json"]);
    expect(r.stdout).toBe('{"shape":[2],"output":["-3/2","4/3"]}\n');
  });
});

describe("tconv eval end to end in a fresh process", () => {
  it("npx tsx src/cli.ts eval prints the contract line", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "eval", "--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--json"], { cwd: root, encoding: "utf8" });
    expect(out).toBe('{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}\n');
  });

  it("a bad input exits 2 with one error line and no stack", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    let status = 0, stderr = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "eval", "--input", "[[1,2],[3]]", "--kernel", "[[1]]"], { cwd: root, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status; stderr = err.stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toBe("error: --input: ragged array: [1] has shape [1] but [0] has [2]\n");
  });
});

describe("tconv eval refuses a float64 overflow instead of printing null", () => {
  it("1e308 + 1e308 overflows in float64", async () => {
    const r = await run(["--input", "[1e308, 1e308]", "--kernel", "[1, 1]", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("error: --input: the float64 result overflows at output cell 1 (row-major, channels first); write the entries as integers or fractions to get the exact result\n");
  });
});
