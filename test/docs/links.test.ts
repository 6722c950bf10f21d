/**
 * The documentation holds together: every relative link and image in README.md and docs/*.md
 * points to a file that exists (and an `#anchor` to a heading of that file), and the README stays
 * a README for users, within 16 KB.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { documentationFiles, repoRoot } from "../api/doc-examples.ts";

/** The text outside fenced code blocks (``` or ~~~, any length) and inline code spans. */
function proseOf(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && m) { fence = m[1]!; continue; }
    if (fence !== undefined) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
      continue;
    }
    out.push(line.replace(/(`+)(?:(?!\1).)+?\1/g, ""));
  }
  return out.join("\n");
}

/** The targets of `[text](target)` and `![alt](target)` links in a Markdown text's prose. */
function linkTargets(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/`/g, "").replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

/** The anchors of a Markdown text's headings (outside code), with GitHub's -1, -2 for repeats. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseOf(markdown).split("\n")) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = headingAnchor(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** What is wrong with one relative link of `file` (relative to the repository), or undefined. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: — not ours to check
  const [path, anchor] = target.split("#", 2) as [string, string | undefined];
  const resolved = path === "" ? file : normalize(join(dirname(file), decodeURIComponent(path)));
  const absolute = join(repoRoot, resolved);
  if (resolved.startsWith("..") || !existsSync(absolute)) return `${file}: ${target}: no file ${resolved}`;
  if (anchor !== undefined && anchor !== "") {
    if (!statSync(absolute).isFile() || !resolved.endsWith(".md")) return `${file}: ${target}: an anchor into a file that is not Markdown`;
    if (!anchorsOf(readFileSync(absolute, "utf8")).has(anchor)) return `${file}: ${target}: ${resolved} has no heading #${anchor}`;
  }
  return undefined;
}

describe("the documentation's links", () => {
  const files = documentationFiles();

  it("covers the README and the pages of docs/", () => {
    expect(files).toContain("README.md");
    expect(files.filter((f) => f.startsWith("docs/")).length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`every relative link and image in ${file} resolves, anchors included`, () => {
      const text = readFileSync(join(repoRoot, file), "utf8");
      const broken = linkTargets(text).map((t) => brokenLink(file, t)).filter((b) => b !== undefined);
      expect(broken).toEqual([]);
    });
  }

  it("finds links and anchors the way GitHub does, and reports a broken one", () => {
    const text = "# Notes and site builds\n\n## Two\n\n## Two\n\n```md\n# Not a heading\n[x](missing.md)\n```\n\n[ok](#two-1) ![img](pic.png) `[code](nope.md)`";
    expect(linkTargets(text)).toEqual(["#two-1", "pic.png"]);
    expect([...anchorsOf(text)]).toEqual(["notes-and-site-builds", "two", "two-1"]);
    expect(headingAnchor("Symbolic engine and `tconv matrix`")).toBe("symbolic-engine-and-tconv-matrix");
    expect(brokenLink("README.md", "docs/no-such-page.md")).toMatch(/no file docs\/no-such-page\.md/);
    expect(brokenLink("docs/api.md", "../README.md#no-such-heading")).toMatch(/has no heading/);
    expect(brokenLink("docs/api.md", "../README.md#as-a-library")).toBeUndefined();
  });
});

describe("the README", () => {
  const readme = readFileSync(join(repoRoot, "README.md"));

  it("is at most 16 KB (16,384 bytes)", () => {
    expect(readme.byteLength).toBeLessThanOrEqual(16_384);
  });

  it("still names the two commands, npm start and npm test", () => {
    expect(readme.toString("utf8")).toContain("npm start");
    expect(readme.toString("utf8")).toContain("npm test");
  });
});
