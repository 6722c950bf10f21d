/**
 * Every parser under fuzzing, with modest runs (`npm run fuzz` runs the same targets for
 * minutes): arbitrary strings and grammar-aware mutations give a result or a TconvError within
 * the time bound, never an internal error; note documents keep the user's text byte for byte.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holds, InvariantError, targets } from "./targets.ts";

describe("fuzzing every parser", () => {
  for (const target of targets) {
    it(`${target.name}: a result or a TconvError, never an internal error or a hang`, async () => {
      await fc.assert(fc.asyncProperty(target.input, async (input) => { await target.run(input); }), { numRuns: target.suiteRuns ?? 60 });
    });
  }
  it("the invariant itself rejects an internal error and accepts a TconvError", async () => {
    await expect(holds(() => { throw new RangeError("Maximum call stack size exceeded"); })).rejects.toThrow(InvariantError);
    const { TconvError } = await import("../../src/spec/error.ts");
    await expect(holds(() => { throw new TconvError("x", "--input", "bad"); })).resolves.toBeUndefined();
  });
});
