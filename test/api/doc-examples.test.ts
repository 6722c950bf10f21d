/**
 * Documentation that runs: every `@example` in the TSDoc of the library's exports (src/index.ts,
 * followed through re-exports) and every README example marked `<!-- example -->`.
 */
import { describe, expect, it } from "vitest";
import { publicExports, readmeExamples, runExample, tsdocModule } from "./doc-examples.ts";

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

describe("the README's examples", () => {
  const examples = readmeExamples();
  it("include the library and notes examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });
  for (const example of examples) {
    it(`runs ${example.name}`, async () => {
      await runExample(example.name, example.code);
    });
  }
});
