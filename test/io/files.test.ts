/**
 * No file is read or written where the user did not mean: `@file` reads only regular files under
 * a size cap; in notes and the plugins it resolves against the note's folder and may not leave
 * it; messages never quote a file's content; `--out` writes through to devices, never replaces
 * one, and leaves read-only files alone without `--force`.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { readUserFile } from "../../src/io/read-file.ts";
import { writeOutFile } from "../../src/io/write-atomic.ts";
import { markdownItTconv, renderWithTconv } from "../../src/notes/markdown-it.ts";
import { remarkTconv } from "../../src/notes/remark.ts";
import { renderTconvNote } from "../../src/notes/api.ts";
import { escapeControl, quote, TconvError } from "../../src/spec/error.ts";
import markdownIt from "markdown-it";

const dir = mkdtempSync(join(tmpdir(), "tconv-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = "TOP-SECRET-VALUE-4242";
mkdirSync(join(dir, "vault", "notes"), { recursive: true });
writeFileSync(join(dir, "vault", "secrets.env"), `API_KEY=${SECRET}\n`);
writeFileSync(join(dir, "vault", "notes", "x.json"), "[[1, 2], [3, 4]]");
writeFileSync(join(dir, "vault", "notes", "garbage.json"), `[[1, ${SECRET}]]`);
symlinkSync(join(dir, "vault", "secrets.env"), join(dir, "vault", "notes", "link.json"));

const isRoot = process.getuid?.() === 0;
const cliPath = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
// tsx's loader by file URL: the spawned CLI runs in a temporary folder that cannot resolve packages.
const tsxLoader = pathToFileURL(fileURLToPath(new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url))).href;

async function cli(args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("@file reads only regular files, under a size cap", () => {
  it("@/dev/zero is refused at once as a character device", async () => {
    const started = performance.now();
    const r = await cli(["eval", "--input", "@/dev/zero", "--kernel", "[1]"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --input: cannot read "/dev/zero": not a regular file (a character device)\n');
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it("a directory and a FIFO are refused without blocking", () => {
    expect(() => readUserFile(".", "--input", { cwd: dir })).toThrow(/not a regular file \(a directory\)/);
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    expect(() => readUserFile("fifo", "--input", { cwd: dir })).toThrow(/not a regular file \(a FIFO\)/);
  });
  it("a file above --max-file-size is refused, and the option raises the cap", async () => {
    writeFileSync(join(dir, "big.json"), `[${"1,".repeat(100)}1]`);
    const r = await cli(["eval", "--input", "@big.json", "--kernel", "[1]", "--max-file-size", "50", "--json"]);
    expect(r.stderr).toMatch(/^error: --input: cannot read "big\.json": 203 bytes, above the limit of 50 \(raise it with --max-file-size\)\n$/);
    expect((await cli(["eval", "--input", "@big.json", "--kernel", "[1]", "--max-file-size", "500", "--json"])).code).toBe(0);
  });
  it("a claim file's content is never quoted in a message", async () => {
    writeFileSync(join(dir, "claim.txt"), `[[1, 2], [3, ${SECRET}]]`);
    const r = await cli(["check", "--input", "[[1,2],[3,4]]", "--kernel", "[1]", "--claim", "@claim.txt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --claim: in "claim\.txt": /);
    expect(r.stderr).not.toContain(SECRET);
  });
  it("a literal file's content is never quoted in a message", async () => {
    const r = await cli(["eval", "--input", "@vault/notes/garbage.json", "--kernel", "[1]"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --input: in "vault\/notes\/garbage\.json": entry \[0,1\] "…"/);
    expect(r.stderr).not.toContain(SECRET);
  });
});

describe("in notes and the plugins, @file stays in the note's folder", () => {
  const notes = join(dir, "vault", "notes");
  const block = (input: string) => "```tconv\ninput: \"" + input + "\"\nkernel: [[1, 0], [0, -1]]\nsections: [size]\n```\n";
  const claimBlock = "```tconv\ninput: [[1, 2], [3, 4]]\nkernel: [[1]]\nclaim: \"@../secrets.env\"\n```\n";

  it("reads a file beside the note", async () => {
    const r = await renderTconvNote(block("@x.json"), { cwd: notes });
    expect(r.blocks[0]!.error).toBeUndefined();
  });
  for (const [what, input, why] of [
    ["a path leaving the folder", "@../secrets.env", /outside the folder/],
    ["an absolute path", `@${join(dir, "vault", "secrets.env")}`, /an absolute path/],
    ["a symlink leaving the folder", "@link.json", /a symlink to a file outside the folder/],
  ] as const) {
    it(`refuses ${what}, and the callout never quotes the file`, async () => {
      const r = await renderTconvNote(block(input), { cwd: notes });
      expect(r.blocks[0]!.error?.message).toMatch(why);
      expect(r.text).not.toContain(SECRET);
    });
  }
  it("refuses a claim from outside the folder", async () => {
    const r = await renderTconvNote(claimBlock, { cwd: notes });
    expect(r.blocks[0]!.error?.code).toBe("file-outside-root");
    expect(r.text).not.toContain(SECRET);
  });
  it("allows more with fileRoot, or any file with allowAnyFile", async () => {
    const r = await renderTconvNote(block("@../notes/x.json"), { cwd: notes, fileRoot: join(dir, "vault") });
    expect(r.blocks[0]!.error).toBeUndefined();
    const any = await renderTconvNote(block(`@${join(notes, "x.json")}`), { cwd: notes, allowAnyFile: true });
    expect(any.blocks[0]!.error).toBeUndefined();
  });
  it("tconv notes refuses by default and reads with --allow-any-file", async () => {
    writeFileSync(join(notes, "n.md"), block("@../secrets.env"));
    const r = await cli(["notes", "vault/notes/n.md"]);
    expect(r.code).toBe(0);
    const text = readFileSync(join(notes, "n.md"), "utf8");
    expect(text).toContain("outside the folder");
    expect(text).not.toContain(SECRET);
  });
  it("the remark plugin resolves @file against the vfile's folder, not process.cwd()", async () => {
    const process = (value: string, path: string) => unified().use(remarkParse).use(remarkTconv).use(remarkRehype).use(rehypeStringify)
      .process(new VFile({ value, path }));
    const ok = String(await process(block("@x.json"), join(notes, "page.md")));
    expect(ok).not.toContain("could not render");
    const refused = String(await process(block("@../secrets.env"), join(notes, "page.md")));
    expect(refused).toContain("outside the folder");
    expect(refused).not.toContain(SECRET);
  });
  it("the markdown-it plugin resolves @file against env.path's folder", async () => {
    const md = markdownIt().use(markdownItTconv);
    expect(md.render(block("@x.json"), { path: join(notes, "page.md") })).not.toContain("could not render");
    const refused = await renderWithTconv(md, claimBlock, { path: join(notes, "page.md") });
    expect(refused).toContain("outside the folder");
    expect(refused).not.toContain(SECRET);
  });
});

describe("the remark plugin keeps top-level text between a stray begin/end pair", () => {
  it("drops only a region right after a tconv block", async () => {
    const note = "Intro\n\n<!-- tconv:begin hash=0123456789abcdef -->\n\nmy paragraph\n\n<!-- tconv:end -->\n\nOutro\n";
    const html = String(await unified().use(remarkParse).use(remarkTconv).use(remarkRehype).use(rehypeStringify).process(note));
    expect(html).toContain("my paragraph");
    expect(html).toContain("Outro");
  });
});

describe("messages clip and escape quoted values in one place", () => {
  it("control characters are escaped and long values clipped", () => {
    const e = new TconvError("bad", "--input", `got "${"\u0000\u001b[31m" + "x".repeat(500)}"`);
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    expect(e.message.length).toBeLessThan(80);
    expect(escapeControl("a\u001bb")).toBe("a\\x1bb");
    expect(quote("y".repeat(100)).length).toBe(61);
  });
  it("a binary @file name or entry never reaches the terminal raw", async () => {
    const r = await cli(["eval", "--input", "[\u0007\u001b[2J]", "--kernel", "[1]"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe("--out writes where the user meant", () => {
  it("writes through to /dev/null and leaves it a device", async () => {
    const r = await cli(["explain", "--input", "[1]", "--kernel", "[1]", "--out", "/dev/null"]);
    expect(r.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
  it("/dev/full stays a device and gives an error", async () => {
    const r = await cli(["explain", "--input", "[1]", "--kernel", "[1]", "--out", "/dev/full"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --out: cannot write "\/dev\/full": no space left on the device/);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });
  it("writes through a FIFO", async () => {
    const fifo = join(dir, "out-fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = import("node:fs").then((fs) => fs.promises.readFile(fifo, "utf8"));
    await writeOutFile(dir, "out-fifo", "hello");
    expect(await reader).toBe("hello");
  });
  it("follows a symlink: the file it points to is replaced, the link kept", async () => {
    writeFileSync(join(dir, "real.md"), "old");
    symlinkSync(join(dir, "real.md"), join(dir, "link.md"));
    await writeOutFile(dir, "link.md", "new");
    expect(readFileSync(join(dir, "real.md"), "utf8")).toBe("new");
  });
  it("refuses a directory and a dangling symlink", async () => {
    await expect(writeOutFile(dir, "vault", "x")).rejects.toThrow(/a directory/);
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling.md"));
    await expect(writeOutFile(dir, "dangling.md", "x")).rejects.toThrow(/a symlink to nothing/);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });
  it("never replaces a read-only (0444) file without --force", async () => {
    writeFileSync(join(dir, "ro.md"), "keep");
    chmodSync(join(dir, "ro.md"), 0o444);
    const r = await cli(["explain", "--input", "[1]", "--kernel", "[1]", "--out", "ro.md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/read-only.*--force/);
    expect(readFileSync(join(dir, "ro.md"), "utf8")).toBe("keep");
    expect((await cli(["explain", "--input", "[1]", "--kernel", "[1]", "--out", "ro.md", "--force"])).code).toBe(0);
    expect(readFileSync(join(dir, "ro.md"), "utf8")).not.toBe("keep");
  });
});

/**
 * Runs the CLI in a fresh process as a user without privileges: as root (who ignores file
 * permissions) through `setpriv` as nobody, otherwise as the user the tests run as.
 */
function unprivileged(args: string[], cwd: string) {
  const node = [process.execPath, "--import", tsxLoader, cliPath, ...args];
  const [command, ...rest] = isRoot
    ? ["setpriv", "--reuid=nobody", `--regid=${execFileSync("id", ["-g", "nobody"], { encoding: "utf8" }).trim()}`, "--clear-groups", ...node]
    : node;
  const r = spawnSync(command!, rest, { cwd, encoding: "utf8", env: { ...process.env, HOME: cwd } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder the unprivileged user can read and enter (mkdtemp's own is 0700). */
function openDir(): string {
  const d = mkdtempSync(join(tmpdir(), "tconv-unprivileged-"));
  chmodSync(d, 0o755);
  return d;
}

describe("as a user without privileges", () => {
  it("notes in a read-only folder gives error: and exit 2, the note intact and nothing left behind", () => {
    const top = openDir();
    const ro = join(top, "ro-notes");
    mkdirSync(ro);
    const note = "```tconv\ninput: [1]\nkernel: [1]\nsections: [size]\n```\n";
    writeFileSync(join(ro, "n.md"), note);
    chmodSync(join(ro, "n.md"), 0o644);
    chmodSync(ro, 0o555);
    try {
      const r = unprivileged(["notes", "ro-notes/n.md"], top);
      expect(r.stderr).toMatch(/^error: ro-notes\/n\.md: cannot write the note: permission denied \(is the folder read-only\?\) \(EACCES\); the note is unchanged\n$/);
      expect(r.code).toBe(2);
      expect(readFileSync(join(ro, "n.md"), "utf8")).toBe(note);
      expect(readdirSync(ro)).toEqual(["n.md"]);
    } finally {
      chmodSync(ro, 0o755);
      rmSync(top, { recursive: true, force: true });
    }
  });
  it("--out /dev/null just writes (it was EACCES: a temporary file beside /dev/null)", () => {
    const top = openDir();
    try {
      const r = unprivileged(["explain", "--input", "[1]", "--kernel", "[1]", "--out", "/dev/null"], top);
      expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
      expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
