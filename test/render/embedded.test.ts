/**
 * The renderer runs on data embedded ahead of time (src/generated/: the compiled
 * templates and KaTeX's stylesheet with its fonts), so that it reads no file at run time. Each
 * generated module must match its source exactly.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiledTemplatesModule, GENERATED_KATEX_CSS, GENERATED_TEMPLATES, GENERATED_VERSION, katexCssModule, versionModule } from "../../src/build/embed.ts";
import { inlineKatexCss } from "../../src/render/html-page.ts";
import { renderTemplate, templateStrings } from "../../src/render/templates.ts";

describe("the embedded templates and stylesheet", () => {
  it("match the .eta files and strings.json in templates/ (else run npm run build:embedded)", () => {
    expect(readFileSync(GENERATED_TEMPLATES, "utf8") === compiledTemplatesModule(),
      "src/generated/templates.ts is out of date: run `npm run build:embedded`").toBe(true);
  });

  it("embed the installed KaTeX's stylesheet with every font as woff2 data (else run npm run build:embedded)", () => {
    expect(readFileSync(GENERATED_KATEX_CSS, "utf8") === katexCssModule(),
      "src/generated/katex-css.ts is out of date: run `npm run build:embedded`").toBe(true);
    const css = inlineKatexCss();
    expect(css).toContain("url(data:font/woff2;base64,");
    expect(css).not.toMatch(/url\((['"]?)fonts\//);
    expect(css).not.toMatch(/\.woff\b|\.ttf\b/);
  });

  it("hold every locale's strings and render a template by locale and file name", () => {
    expect((templateStrings("zh-CN") as { title: { transposed: string } }).title.transposed).toMatch(/转置卷积/);
    expect(() => renderTemplate("en", "no-such.md.eta", {})).toThrow(/template en\/no-such\.md\.eta/);
  });

  it("carry package.json's version (else run npm run build:embedded)", () => {
    expect(readFileSync(GENERATED_VERSION, "utf8") === versionModule(),
      "src/generated/version.ts is out of date: run `npm run build:embedded`").toBe(true);
  });
});
