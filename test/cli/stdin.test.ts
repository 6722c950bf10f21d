/**
 * `-` as `--input`, `--kernel`, `--claim` or `--claim-matrix` reads that tensor from standard
 * input: once, through the `--max-file-size` cap, for at most one option per run; a terminal,
 * a missing or an empty standard input is one `error:` line naming the option (exit 2).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-stdin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const X = "[[1,2],[3,4]]", W = "[[1,0],[0,-1]]";
const Y = '{"shape":[3,3],"output":[[1,2,0],[3,3,-2],[0,-3,-4]]}\n';

async function run(args: string[], input: { stdin?: string; stdinIsTTY?: boolean }) {
  const io = bufferIo(dir, input);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr, reads: io.stdinReads };
}

/** Exit 2, one `error: <option>: ` line matching `message`, nothing on stdout, nothing written. */
async function refused(args: string[], input: { stdin?: string; stdinIsTTY?: boolean }, option: string, message: RegExp) {
  const before = readdirSync(dir);
  const r = await run(args, input);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n")).toEqual([expect.stringMatching(new RegExp(`^error: ${option}: `)), ""]);
  expect(r.stderr).toMatch(message);
  expect(readdirSync(dir)).toEqual(before);
  return r;
}

describe("- reads a tensor option from standard input", () => {
  it("eval --input - gives what --input inline gives, the newline echo adds ignored", async () => {
    expect(await run(["eval", "--input", "-", "--kernel", W, "--json"], { stdin: `${X}\n` })).toMatchObject({ code: 0, stdout: Y, stderr: "", reads: 1 });
  });

  it("eval --kernel - reads the kernel instead", async () => {
    expect(await run(["eval", "--input", X, "--kernel", "-", "--json"], { stdin: W })).toMatchObject({ code: 0, stdout: Y, reads: 1 });
  });

  it("check --claim - reads the claim, in any claim form (here plain rows)", async () => {
    const r = await run(["check", "--input", X, "--kernel", W, "--claim", "-", "--json"], { stdin: "1 2 0\n3 3 -2\n0 -3 -4\n" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ correct: true });
    const wrong = await run(["check", "--input", X, "--kernel", W, "--claim", "-", "--json"], { stdin: "1 2 0\n3 2 -2\n0 -3 -4\n" });
    expect(wrong.code).toBe(1);
  });

  it("check --claim-matrix - reads the claimed matrix", async () => {
    const r = await run(["check", "--input", "[1,2]", "--kernel", "[1,1]", "--claim-matrix", "-", "--json"], { stdin: "[[1,1,0],[0,1,1]]" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ correct: true });
  });

  it("matrix, explain and code read --kernel - (symbols where the command allows them)", async () => {
    const m = await run(["matrix", "--input-shape", "2", "--kernel", "-", "--json"], { stdin: "[a, b]" });
    expect(JSON.parse(m.stdout)).toMatchObject({ rows: 2, cols: 3, entries: [[0, 0, "a"], [0, 1, "b"], [1, 1, "a"], [1, 2, "b"]] });
    const e = await run(["explain", "--input", "[x, y]", "--kernel", "-", "--json", "--sections", "size"], { stdin: "[a, b]" });
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('"format":"tconv-walkthrough"');
    const c = await run(["code", "--input", "-", "--kernel", "[1,1]"], { stdin: "[1,2]" });
    expect(c.stdout).toContain("np.array([1, 2]");
  });

  it("two options given as - are refused before standard input is read, naming the second", async () => {
    const r = await refused(["eval", "--input", "-", "--kernel", "-"], { stdin: X }, "--kernel", /^error: --kernel: stdin is already used by --input/);
    expect(r.reads).toBe(0);
    await refused(["check", "--input", X, "--kernel", W, "--claim", "-", "--claim-matrix", "-"], { stdin: X }, "--claim-matrix", /stdin is already used by --claim/);
  });

  it("a terminal is refused without waiting for input, naming the option", async () => {
    const r = await refused(["eval", "--input", X, "--kernel", "-"], { stdinIsTTY: true }, "--kernel", /standard input is a terminal/);
    expect(r.reads).toBe(0);
  });

  it("an empty or blank standard input is refused, naming the option", async () => {
    await refused(["eval", "--input", "-", "--kernel", W], { stdin: "" }, "--input", /standard input is empty/);
    await refused(["check", "--input", X, "--kernel", W, "--claim", "-"], { stdin: " \n\t\n" }, "--claim", /standard input is empty/);
  });

  it("no standard input at all is refused, naming the option", async () => {
    await refused(["eval", "--input", "-", "--kernel", W], {}, "--input", /no standard input/);
  });

  it("standard input goes through the --max-file-size cap: at the cap it is read, one byte over it is refused", async () => {
    expect((await run(["eval", "--input", "-", "--kernel", W, "--json", "--max-file-size", String(X.length)], { stdin: X })).stdout).toBe(Y);
    await refused(["eval", "--input", "-", "--kernel", W, "--max-file-size", String(X.length - 1)], { stdin: X }, "--input", /more than 12 bytes \(raise it with --max-file-size\)/);
  });

  it("text starting with @ on standard input is refused rather than read as a file name", async () => {
    writeFileSync(join(dir, "x.json"), X);
    try {
      await refused(["eval", "--input", "-", "--kernel", W], { stdin: "@x.json\n" }, "--input", /starts with @/);
    } finally {
      rmSync(join(dir, "x.json"));
    }
  });

  it("what standard input holds is checked like any literal, errors naming the option", async () => {
    await refused(["eval", "--input", "-", "--kernel", W], { stdin: "[[1,2],[3]]" }, "--input", /ragged array/);
  });

  it("--help says - reads standard input for every tensor option", async () => {
    for (const [command, options] of [["eval", ["--input", "--kernel"]], ["check", ["--input", "--kernel", "--claim"]], ["matrix", ["--kernel"]]] as const) {
      const r = await run([command, "--help"], {});
      for (const option of options) {
        const start = r.stdout.indexOf(`  ${option} <`);
        expect(start).toBeGreaterThan(0);
        const entry = r.stdout.slice(start, r.stdout.indexOf("\n  --", start + 1));
        expect(entry.replace(/\s+/g, " ")).toMatch(/- \((read from )?standard input\)/);
      }
    }
  });
});

describe("- in a real process", () => {
  const tconv = (args: string[], stdin: string | "ignore") => {
    const r = spawnSync("npx", ["tsx", "src/cli.ts", ...args], {
      encoding: "utf8",
      ...(stdin === "ignore" ? { stdio: ["ignore", "pipe", "pipe"] } : { input: stdin }),
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("a piped tensor is read; a closed or oversized standard input is one error line with exit 2", () => {
    expect(tconv(["eval", "--input", "-", "--kernel", W, "--json"], `${X}\n`)).toEqual({ code: 0, stdout: Y, stderr: "" });
    expect(tconv(["eval", "--input", X, "--kernel", "-"], "ignore")).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/^error: --kernel: standard input is empty;[^\n]*\n$/) });
    const big = `[${Array.from({ length: 20000 }, () => "1").join(",")}]`;
    expect(tconv(["eval", "--input", "-", "--kernel", "[1]", "--max-file-size", "1000"], big)).toEqual({
      code: 2, stdout: "", stderr: "error: --input: standard input holds more than 1000 bytes (raise it with --max-file-size)\n",
    });
  }, 300_000); // three spawned processes on a shared 2-core machine
});
