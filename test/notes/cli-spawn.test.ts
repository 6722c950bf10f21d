import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
// tsx's loader by file URL: the notes live in a temporary folder that cannot resolve packages.
const tsxLoader = pathToFileURL(fileURLToPath(new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url))).href;

function tconv(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ["--import", tsxLoader, cli, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("tconv notes in a fresh process", () => {
  it("renders a CRLF note, keeps it stable, and reports an edited block as stale", () => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-notes-e2e-"));
    const note = "# Notes\r\n\r\n```tconv\r\ninput: [[1, 2], [3, 4]]\r\nkernel: [[1, 0], [0, -1]]\r\nsections: [size]\r\n```\r\n\r\nEnd.\r\n";
    writeFileSync(join(dir, "n.md"), note);

    const first = tconv(["notes", "n.md"], dir);
    expect(first).toMatchObject({ code: 0, stdout: "n.md: 1 rendered, 0 up to date\n", stderr: "" });
    const rendered = readFileSync(join(dir, "n.md"), "utf8");
    expect(rendered).toContain("Output size");
    expect(rendered.replace(/\r\n/g, "")).not.toContain("\n");
    expect(rendered.endsWith("<!-- tconv:end -->\r\n\r\nEnd.\r\n")).toBe(true);

    expect(tconv(["notes", "--check", "n.md"], dir)).toMatchObject({ code: 0 });
    expect(tconv(["notes", "n.md"], dir)).toMatchObject({ code: 0, stdout: "n.md: 0 rendered, 1 up to date (unchanged)\n" });
    expect(readFileSync(join(dir, "n.md"), "utf8")).toBe(rendered);

    writeFileSync(join(dir, "n.md"), rendered.replace("sections: [size]", "sections: [cells]"));
    expect(tconv(["notes", "--check", "n.md"], dir)).toMatchObject({ code: 1, stdout: "n.md:3: stale (run tconv notes to render it)\n" });
  });
});
