import { describe, expect, it } from "vitest";
import { errorCallout, escapeMarkdownText } from "../../src/notes/callout.ts";

describe("error callouts", () => {
  it("are a one-line warning blockquote naming the field", () => {
    expect(errorCallout("stride", "expected a positive integer, got 0"))
      .toBe("> [!WARNING]\n> tconv could not render this block: stride: expected a positive integer, got 0");
  });

  it("escape HTML, math delimiters and Markdown syntax coming from the user's input", () => {
    const text = escapeMarkdownText("got <script>alert(1)</script> $x$ *a* [l](u) `c`\nsecond line");
    expect(text).not.toMatch(/<|\$|\n/);
    expect(text).toContain("&lt;script&gt;");
    expect(text).toContain("&#36;x&#36;");
    expect(text).toContain("\\*a\\*");
    expect(text).toContain("\\`c\\`");
    expect(text).toContain("\\[l\\](u)");
  });
});
