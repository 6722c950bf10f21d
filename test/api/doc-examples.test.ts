/**
 * Documentation that runs: every `@example` in the TSDoc of the library's exports (src/index.ts,
 * followed through re-exports) and every example marked `<!-- example -->` in README.md and docs/*.md.
 */
import { describe, expect, it } from "vitest";
import { documentationExamples, publicExports, runExample, tsdocModule } from "./doc-examples.ts";

const exports = publicExports();
const valueNames = exports.filter((e) => e.isValue).map((e) => e.name);

describe("the library's TSDoc", () => {
  it("documents every export", () => {
    expect(exports.filter((e) => e.summary === "" && e.examples.length === 0).map((e) => e.name)).toEqual([]);
  });

  it("gives every exported function or value an example", () => {
    expect(exports.filter((e) => e.isValue && e.examples.length === 0).map((e) => e.name)).toEqual([]);
  });

  for (const e of exports) {
    e.examples.forEach((body, i) => {
      it(`runs the example ${i + 1} of ${e.name}`, async () => {
        await runExample(`tsdoc-${e.name}-${i}`, tsdocModule(valueNames, body));
      });
    });
  }
});

describe("the examples of README.md and docs/*.md", () => {
  const examples = documentationExamples();
  it("include the README's library, remark and markdown-it examples", () => {
    expect(examples.filter((e) => e.name.startsWith("README.md:")).length).toBeGreaterThanOrEqual(3);
  });
  it("include the examples moved into docs/ (library API, symbolic engine, notes)", () => {
    const files = new Set(examples.map((e) => e.name.split(":")[0]));
    expect([...files].filter((f) => f !== "README.md").sort()).toEqual(expect.arrayContaining(["docs/api.md", "docs/symbolic.md"]));
  });
  for (const example of examples) {
    it(`runs ${example.name}`, async () => {
      await runExample(example.name, example.code);
    });
  }
});
