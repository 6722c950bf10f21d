import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publicExports, repoRoot, runExample, tsdocModule } from "../api/doc-examples.ts";

// The algebra layer's TSDoc examples. Those of the exports the library door re-exports run once,
// in test/api/doc-examples.test.ts (as do the examples of docs/symbolic.md); this file checks that
// the layer documents every function, and runs the examples of what the door does not export.
const algebra = publicExports(join(repoRoot, "src/algebra/index.ts"));
const door = publicExports();
const doorNames = new Set(door.map((e) => e.name));
const names = door.filter((e) => e.isValue).map((e) => e.name);

describe("the algebra layer's TSDoc examples", () => {
  it("every exported function of the algebra layer has a TSDoc example", () => {
    const missing = algebra.filter((e) => e.isValue && e.examples.length === 0 && !["Rational", "evaluate"].includes(e.name));
    expect(missing.map((e) => e.name)).toEqual([]);
  });

  for (const e of algebra.filter((x) => !doorNames.has(x.name))) {
    e.examples.forEach((body, i) => {
      it(`${e.name} example ${i + 1} (not exported by the library door, so it runs here)`, async () => {
        await runExample(`algebra-${e.name}-${i}`, tsdocModule(names, body));
      });
    });
  }
});
