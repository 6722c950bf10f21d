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

describe("the README's symbolic-engine examples run", () => {
  // Only this section's examples: the others belong to their sections' tests.
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const lines = readme.split(/\r?\n/);
  const from = lines.findIndex((l) => l.startsWith("## Symbolic engine"));
  const to = lines.findIndex((l, i) => i > from && l.startsWith("## "));
  const mine = readmeExamples(readme).filter((e) => {
    const line = Number(e.name.split(":")[1]);
    return line > from && line <= to;
  });

  it("the section has a runnable example", () => {
    expect(mine.length).toBeGreaterThan(0);
  });

  for (const e of mine) {
    it(e.name, async () => {
      await runExample(`readme-algebra-${e.name}`, e.code);
    });
  }
});
