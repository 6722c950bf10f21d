import { readdirSync, readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { markdownToHtml } from "../../src/render/markdown-html.ts";

const OUTPUT = new URL("../../output/", import.meta.url);
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Maths never reaches the converter (it travels as placeholders); stand them in the same way.
const withPlaceholders = (text: string) => text
  .replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, "\uE0020\uE003")
  .replace(/\$[^$\n]+\$/g, "\uE0000\uE001");

describe("the template Markdown converter matches markdown-it", () => {
  it.each(readdirSync(OUTPUT).filter((f) => f.endsWith(".md")))("on showcase file %s", (name) => {
    const text = withPlaceholders(readFileSync(new URL(name, OUTPUT), "utf8"));
    expect(markdownToHtml(text)).toBe(md.render(text));
  });

  it("escapes raw HTML instead of passing it through", () => {
    const text = "A <script>alert(1)</script> & \"quotes\"\n\n- item <b>\n";
    expect(markdownToHtml(text)).toBe(md.render(text));
    expect(markdownToHtml(text)).not.toContain("<script>");
  });
});
