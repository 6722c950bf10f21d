import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { PLAYGROUND_MAX_BYTES, playgroundHtml } from "../../src/playground/build.ts";

const dir = mkdtempSync(join(tmpdir(), "tconv-playground-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = bufferIo(dir);
  const code = await main(["playground", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const defaultsOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="tconv-playground-defaults">(.*?)<\/script>/.exec(html)![1]!) as Record<string, string>;

describe("tconv playground", () => {
  it("writes the same page as npm start when given no problem: the seed, under 4 MB", async () => {
    const r = await run(["--out", "page.html"]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    const html = readFileSync(join(dir, "page.html"), "utf8");
    expect(html).toBe(playgroundHtml());
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(PLAYGROUND_MAX_BYTES);
    expect(defaultsOf(html)).toEqual({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
  });

  it("pre-fills the page with the problem the options give, leaving the CLI's defaults out", async () => {
    const r = await run(["--out", "p.html", "--input", "[[1,2,3],[4,5,6]]", "--kernel", "[[1,1],[1,-1]]", "--stride", "2", "--output-padding", "1", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "p.html"), "utf8");
    expect(defaultsOf(html)).toEqual({ input: "[[1,2,3],[4,5,6]]", kernel: "[[1,1],[1,-1]]", stride: "2", "output-padding": "1", lang: "zh" });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('value="[[1,2,3],[4,5,6]]"');
  });

  it("fills the page's fields from a --torch or --keras layer (the page has no layer field)", async () => {
    const torch = await run(["--out", "t.html", "--torch", "nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1, output_padding=1)",
      "--input", "[[[[1,2],[3,4]]]]", "--kernel", "[[[[1,0,1],[0,1,0],[1,0,1]]]]"]);
    expect(torch).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(defaultsOf(readFileSync(join(dir, "t.html"), "utf8"))).toEqual({
      input: "[[[[1,2],[3,4]]]]", kernel: "[[[[1,0,1],[0,1,0],[1,0,1]]]]",
      layout: "torch", op: "transposed", stride: "2,2", dilation: "1,1", padding: "1,1", groups: "1", "output-padding": "1,1",
    });
    const keras = await run(["--out", "k.html", "--keras", "layers.Conv2DTranspose(1, 2, strides=2, padding='valid')",
      "--input", "[[[[1],[2]],[[3],[4]]]]", "--kernel", "[[[[1]],[[0]]],[[[0]],[[-1]]]]"]);
    expect(keras.code).toBe(0);
    expect(defaultsOf(readFileSync(join(dir, "k.html"), "utf8"))).toMatchObject({ layout: "tf", stride: "2,2", padding: "0,0" });
  });

  it("writes an @file tensor into the page as its text, since a page cannot read files", async () => {
    writeFileSync(join(dir, "x.json"), "[[5, 6], [7, 8]]\n");
    const r = await run(["--out", "f.html", "--input", "@x.json", "--kernel", "[[1]]"]);
    expect(r.code).toBe(0);
    expect(defaultsOf(readFileSync(join(dir, "f.html"), "utf8")).input).toBe("[[5, 6], [7, 8]]");
  });

  it("refuses a bad problem with the one error line, exit 2, and writes nothing", async () => {
    const r = await run(["--out", "bad.html", "--input", "[[1,2],[3,4]]", "--kernel", "[[1,0],[0,-1]]", "--stride", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --stride: non-positive stride/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "bad.html"))).toBe(false);
  });

  it("refuses an option the page has no field for, naming it", async () => {
    const r = await run(["--out", "s.html", "--input", "[[1]]", "--kernel", "[[1]]", "--output-shape", "3"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --output-shape: the playground has no such field/);
    expect(existsSync(join(dir, "s.html"))).toBe(false);
  });

  it("refuses an unknown --lang", async () => {
    const r = await run(["--out", "l.html", "--lang", "fr"]);
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toMatch(/^error: --lang: /);
  });
});
