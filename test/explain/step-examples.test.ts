/**
 * The TSDoc examples of the step builders and of the render helpers that take a derivation run
 * too, though these modules are not library exports: each example runs with its module's exports
 * and the library's in scope, and with the example problems the examples name (src/explain/context.ts
 * documents them): `seedCtx`/`seedDerivation` of the seed problem, `oneDCtx` of a 1-D stride-2 one.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { publicExports, repoRoot, runExample, tsdocModule } from "../api/doc-examples.ts";

const files = [
  ...readdirSync(join(repoRoot, "src/explain/steps")).filter((f) => f.endsWith(".ts")).sort().map((f) => `src/explain/steps/${f}`),
  "src/explain/context.ts", "src/explain/elision.ts", "src/render/figures.ts", "src/render/colouring.ts",
];
const url = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, path)).href);
const libraryNames = publicExports().filter((e) => e.isValue).map((e) => e.name);

/** The lines that put a module's own exports and the example problems in scope of its examples. */
function prelude(file: string, moduleNames: readonly string[]): string[] {
  const own = moduleNames.filter((n) => !libraryNames.includes(n));
  return [
    `import * as mod from ${url(file)};`,
    `import { explainContext } from ${url("src/explain/context.ts")};`,
    own.length > 0 ? `const { ${own.join(", ")} } = mod as any;` : "",
    `const seedProblem = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });`,
    `const seedInfo = seedProblem.info;`,
    `const seedCtx = explainContext(seedProblem, { indexBase: 0 });`,
    `const seedDerivation = explain(seedProblem);`,
    `const oneDCtx = explainContext(parseProblem({ input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" }), { indexBase: 0 });`,
  ];
}

describe("the TSDoc examples of the step builders and derivation helpers run on the example problems", () => {
  for (const file of files) {
    const exports = publicExports(join(repoRoot, file));
    const names = exports.filter((e) => e.isValue).map((e) => e.name);
    for (const e of exports) {
      e.examples.forEach((body, i) => {
        it(`${file}: ${e.name} example ${i + 1}`, async () => {
          expect(body).toMatch(/\/\/ →/);
          await runExample(`step-${e.name}-${i}`, tsdocModule(libraryNames, body, prelude(file, names)));
        });
      });
    }
  }
});
