/**
 * The Node versions package.json declares are the ones tconv is tested on and its dependencies
 * accept: a fresh `npm ci` on this machine's Node prints no EBADENGINE warning, and every runtime
 * dependency in the lock file accepts every version the `engines` field admits (a consumer on
 * the oldest declared Node installs without a warning too).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { engines: { node: string }; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};

type Version = readonly [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, "").split(".").map(Number);
  return [a, b, c];
};
const atLeast = (v: Version, min: Version) => v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2];

/**
 * Whether a package's `engines.node` range admits every version from `min` on: one of its
 * alternatives is `*` or `>=L` with L ≤ min. Other forms (`^20.19.0 || ...`) admit a bounded
 * stretch only and count as not admitting them all.
 */
function admitsAllFrom(range: string, min: Version): boolean {
  return range.split("||").map((r) => r.trim()).some((r) => {
    if (r === "*" || r === "") return true;
    const m = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(r);
    return m !== null && atLeast(min, parse(m[1]!));
  });
}

describe("the Node versions tconv declares", () => {
  const declared = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node);

  it("are a lower bound that this machine's Node meets", () => {
    expect(declared, pkg.engines.node).not.toBeNull();
    expect(atLeast(parse(process.version), parse(declared![1]!))).toBe(true);
  });

  it("are accepted by every runtime dependency in the lock file", () => {
    const min = parse(declared![1]!);
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && p.dev !== true && p.engines !== undefined && !Array.isArray(p.engines) && p.engines.node !== undefined)
      .filter(([, p]) => !admitsAllFrom((p.engines as { node: string }).node, min))
      .map(([path, p]) => `${path}@${p.version}: node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it("the range check reads the forms found in lock files", () => {
    expect(admitsAllFrom(">=20", [20, 19, 0])).toBe(true);
    expect(admitsAllFrom(">= 18", [20, 19, 0])).toBe(true);
    expect(admitsAllFrom("^14.21.3 || >=16", [20, 19, 0])).toBe(true);
    expect(admitsAllFrom(">=20.19.0", [20, 19, 0])).toBe(true);
    expect(admitsAllFrom(">=22.12.0", [20, 19, 0])).toBe(false);
    expect(admitsAllFrom("^20.19.0 || >=22.12.0", [20, 19, 0])).toBe(false);
  });

  it("a fresh npm ci from the lock file prints no EBADENGINE warning on this Node", () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-engines-"));
    try {
      copyFileSync(join(repoRoot, "package.json"), join(dir, "package.json"));
      copyFileSync(join(repoRoot, "package-lock.json"), join(dir, "package-lock.json"));
      // --dry-run resolves the whole tree from the lock and checks every engine, installing nothing.
      const r = spawnSync("npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=warn"], { cwd: dir, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/EBADENGINE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
