/**
 * Per-axis parameters as people write them: `2,1` on a command line, `[2, 1]` from JSON, and
 * PyTorch's tuples `(2, 1)` and `(2,)` pasted from model code.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { isTconvError } from "../../src/spec/error.ts";
import { parseIntList } from "../../src/spec/params.ts";

describe("per-axis parameter lists", () => {
  it("read the comma list, the JSON list and PyTorch's tuple the same way", () => {
    for (const text of ["2,1", "2, 1", "[2, 1]", "(2, 1)", " ( 2 , 1 ) ", "[2, 1,]", "(2, 1,)"]) {
      expect(parseIntList(text, "--stride"), text).toEqual([2, 1]);
    }
  });

  it("read a one-element tuple (2,) as one value", () => {
    expect(parseIntList("(2,)", "--stride")).toEqual([2]);
  });

  it("refuse an empty tuple, a bare trailing comma and unbalanced brackets, naming the option", () => {
    for (const text of ["()", "[]", "2,", "(2, 1", "2, 1)", "((2, 1))"]) {
      let error: unknown;
      try { parseIntList(text, "--stride"); } catch (e) { error = e; }
      expect(isTconvError(error) && error.path, text).toBe("--stride");
    }
  });

  it("give the same output shape on the command line for --stride '(2, 1)' and --stride 2,1", async () => {
    const shapes: string[] = [];
    for (const stride of ["(2, 1)", "2,1", "[2,1]"]) {
      const io = bufferIo();
      expect(await main(["shape", "--input-shape", "3,3", "--kernel-shape", "3,3", "--stride", stride, "--json"], io)).toBe(0);
      shapes.push(io.stdout);
    }
    expect(new Set(shapes).size).toBe(1);
    expect(JSON.parse(shapes[0]!)).toEqual({ shape: [7, 5] });
  });
});
