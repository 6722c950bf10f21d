import { describe, expect, it } from "vitest";
import { firstDifference } from "./text-diff.ts";

describe("firstDifference (the drift tests' failure message)", () => {
  it("is undefined for equal texts", () => {
    expect(firstDifference("a\nb\n", "a\nb\n")).toBeUndefined();
  });

  it("names the first differing line with its number and shows both sides with context", () => {
    const want = ["one", "two", "three", "four", "five", "six"].join("\n");
    const got = ["one", "two", "three", "FOUR", "five", "six"].join("\n");
    expect(firstDifference(want, got, 1)).toBe([
      "first difference at line 4 (expected 6 lines, got 6)",
      "  3 | three",
      "- 4 | four",
      "- 5 | five",
      "+ 4 | FOUR",
      "+ 5 | five",
    ].join("\n"));
  });

  it("says when one text only has lines the other lacks", () => {
    expect(firstDifference("a\nb", "a\nb\nc", 0)).toBe("first difference at line 3 (expected 2 lines, got 3)\n+ 3 | c");
  });

  it("cuts a long line to a window around the first differing character", () => {
    const long = "x".repeat(1000);
    const message = firstDifference(`${long}A${long}`, `${long}B${long}`, 0)!;
    const [, minus, plus] = message.split("\n");
    expect(minus).toMatch(/^- 1 \| …x+Ax+…$/);
    expect(plus).toMatch(/^\+ 1 \| …x+Bx+…$/);
    expect(minus!.length).toBeLessThan(200);
  });
});
