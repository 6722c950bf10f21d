import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publicExports, readmeExamples, repoRoot, runExample, tsdocModule } from "../api/doc-examples.ts";

// The algebra layer's TSDoc examples run against the library door, with every public export in scope.
const algebra = publicExports(join(repoRoot, "src/algebra/index.ts"));
const names = publicExports().filter((e) => e.isValue).map((e) => e.name);

describe("the algebra layer's TSDoc examples run", () => {
  it("every exported function of the algebra layer has a TSDoc example", () => {
    const missing = algebra.filter((e) => e.isValue && e.examples.length === 0 && !["Rational", "evaluate"].includes(e.name));
    expect(missing.map((e) => e.name)).toEqual([]);
  });

  for (const e of algebra) {
    e.examples.forEach((body, i) => {
      it(`${e.name} example ${i + 1}`, async () => {
        await runExample(`algebra-${e.name}-${i}`, tsdocModule(names, body));
      });
    });
  }
});

describe("the symbolic-engine examples of docs/symbolic.md run", () => {
  const examples = readmeExamples(readFileSync(join(repoRoot, "docs/symbolic.md"), "utf8"), "docs/symbolic.md");

  it("the page has a runnable example", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const e of examples) {
    it(e.name, async () => {
      await runExample(`docs-algebra-${e.name}`, e.code);
    });
  }
});
