/**
 * CLI conventions users expect from any command-line tool: `--version`, and a mistyped command
 * answered with the command that was probably meant, on one `error:` line (exit 2).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("tconv's command-line conventions", () => {
  it("--version prints the package version and exits 0", async () => {
    for (const flag of ["--version", "-V"]) {
      const io = bufferIo();
      expect(await main([flag], io)).toBe(0);
      expect(io.stdout).toBe(`${version}\n`);
      expect(io.stderr).toBe("");
    }
  });

  it("a mistyped command gets one error line that suggests the right one", async () => {
    const io = bufferIo();
    expect(await main(["evl", "--input", "[[1]]", "--kernel", "[[1]]"], io)).toBe(2);
    expect(io.stderr).toBe("error: unknown command 'evl' (did you mean eval?)\n");
    expect(io.stdout).toBe("");
  });

  it("a mistyped option gets the suggestion on the same line", async () => {
    const io = bufferIo();
    expect(await main(["eval", "--inptu", "[[1]]", "--kernel", "[[1]]"], io)).toBe(2);
    expect(io.stderr).toBe("error: unknown option '--inptu' (did you mean --input?)\n");
  });
});
