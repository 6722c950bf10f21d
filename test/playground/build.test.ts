import { describe, expect, it } from "vitest";
import { bundlePlaygroundScript, PLAYGROUND_MAX_BYTES, playgroundHtml, playgroundScript } from "../../src/playground/build.ts";
import { firstDifference } from "../text-diff.ts";

/** The page without its bundled script's text (which holds KaTeX's own markup strings). */
const markupOf = (html: string) => html.replace(/<script>[\s\S]*?<\/script>/, "<script></script>");

describe("the playground builder", () => {
  // Whether output/playground.html holds today's bundle is the drift test's question
  // (test/explain/showcase.test.ts), asked once there; this one asks whether a build is repeatable.
  it("bundles the same bytes every time (the drift test relies on it)", () => {
    const first = playgroundScript(), second = bundlePlaygroundScript();
    expect(firstDifference(first, second), "the page script, built twice").toBeUndefined();
  }, 60_000);

  it("inlines everything: one script, KaTeX fonts as data: URIs, no src or href to anywhere", () => {
    const html = playgroundHtml();
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(PLAYGROUND_MAX_BYTES);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("url(data:font/woff2;base64,");
    expect(markupOf(html)).not.toMatch(/\s(src|href)\s*=/i);
    expect(markupOf(html)).not.toMatch(/url\((?!data:)/);
    // The script's text never ends the element early: the first </script> after it is its own.
    expect(markupOf(html).endsWith("<script></script>\n</body>\n</html>\n")).toBe(true);
  });

  it("escapes pre-filled values, so typed text cannot close the script or add elements", () => {
    const evil = "</script><img src=x onerror=alert(1)>";
    const html = markupOf(playgroundHtml({ input: evil, kernel: '"><b>' }));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    expect(html).toContain('value="&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});
