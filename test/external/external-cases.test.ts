/**
 * Every outside test vector (test/fixtures/external-cases.json) through both doors — the CLI
 * (in-process `main`) and the library API — in its own layout and its own framework's
 * convention: ONNX attributes as ONNX names them, TF padding/output_shape as TF takes them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { evaluate, nestedOutput } from "../../src/index.ts";

type Nested = number | Nested[];
interface ExternalCase {
  id: string;
  source: string;
  layout: string;
  input: Nested[];
  weight: Nested[];
  bias?: number[];
  expected: Nested[];
  expected_shape?: number[];
  stride?: number[];
  dilation?: number[];
  pads?: number[];
  output_padding?: number[];
  group?: number;
  padding?: number | string | number[][];
  output_shape?: number[];
  onnx_attributes?: Record<string, unknown>;
}

const cases = JSON.parse(readFileSync(new URL("../fixtures/external-cases.json", import.meta.url), "utf8")) as ExternalCase[];

const rankOf = (t: Nested): number => (Array.isArray(t) ? 1 + rankOf(t[0]!) : 0);
const shapeOf = (t: Nested): number[] => (Array.isArray(t) ? [t.length, ...shapeOf(t[0]!)] : []);
const flat = (t: Nested): number[] => (Array.isArray(t) ? t.flatMap(flat) : [t]);

/** The case as CLI-style options in its own convention (values as strings, as a shell gives them). */
function optionsOf(c: ExternalCase): Record<string, string> {
  const o: Record<string, string> = {};
  const join = (v: unknown) => (Array.isArray(v) ? v.join(",") : String(v));
  if (c.id.startsWith("onnx-")) {
    o["layout"] = "onnx";
    const a = c.onnx_attributes ?? {};
    const map: Record<string, string> = {
      strides: "stride", pads: "padding", dilations: "dilation", output_padding: "outputPadding",
      output_shape: "outputShape", group: "groups", auto_pad: "autoPad",
    };
    for (const [k, v] of Object.entries(a)) if (map[k]) o[map[k]!] = k === "auto_pad" ? String(v).toLowerCase() : join(v);
    return o;
  }
  if (c.id.startsWith("tfjs-")) {
    o["layout"] = "tf";
    const r = rankOf(c.weight) - 2;
    o["stride"] = join(c.stride);
    if (c.padding === "same") o["autoPad"] = "same";
    else if (c.padding === "valid") o["autoPad"] = "valid";
    else if (typeof c.padding === "number") o["padding"] = String(c.padding);
    else if (Array.isArray(c.padding)) {
      // TF's explicit [[0,0],[top,bottom],[left,right],[0,0]] → all begins, then all ends.
      const spatial = c.padding.slice(1, 1 + r);
      o["padding"] = [...spatial.map((p) => p[0]), ...spatial.map((p) => p[1])].join(",");
    }
    const out = c.output_shape!;
    o["outputShape"] = (out.length === r + 2 ? out.slice(1, -1) : out.slice(0, -1)).join(",");
    return o;
  }
  o["layout"] = c.layout.startsWith("PyTorch-style single channel") ? "plain" : "torch";
  o["stride"] = join(c.stride);
  o["dilation"] = join(c.dilation);
  o["padding"] = join(c.pads);
  o["outputPadding"] = join(c.output_padding);
  o["groups"] = String(c.group ?? 1);
  if (c.bias) o["bias"] = JSON.stringify(c.bias);
  return o;
}

const flag = (k: string) => `--${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;

async function runCli(c: ExternalCase, input: Nested[], opts: Record<string, string>) {
  const io = bufferIo();
  const args = ["eval", "--input", JSON.stringify(input), "--kernel", JSON.stringify(c.weight), "--json"];
  for (const [k, v] of Object.entries(opts)) args.push(flag(k), v);
  const code = await main(args, io);
  return { code, io };
}

function expectClose(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (Number.isInteger(e)) expect(a).toBe(e);
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  });
}

const inconsistent = new Set(["tfjs-conv2dTranspose-vec4"]);

describe("external test vectors, each in its own layout and convention", () => {
  for (const c of cases.filter((k) => !inconsistent.has(k.id))) {
    const opts = optionsOf(c);
    const expectedShape = c.expected_shape ?? shapeOf(c.expected);
    it(`${c.id} through the CLI (${Object.entries(opts).map(([k, v]) => `${flag(k)} ${v}`).join(" ")})`, async () => {
      const { code, io } = await runCli(c, c.input, opts);
      expect(io.stderr).toBe("");
      expect(code).toBe(0);
      const out = JSON.parse(io.stdout) as { shape: number[]; output: Nested };
      expect(out.shape).toEqual(expectedShape);
      expect(shapeOf(out.output)).toEqual(expectedShape);
      expectClose(flat(out.output), flat(c.expected));
    });
    it(`${c.id} through the library API`, () => {
      const r = evaluate({ ...opts, input: c.input, kernel: c.weight, ...(c.bias ? { bias: c.bias } : {}) });
      expect(r.shape).toEqual(expectedShape);
      expectClose(flat(nestedOutput(r) as Nested), flat(c.expected));
    });
  }
});

describe("tfjs-conv2dTranspose-vec4: an 8×8 input with a 4×4 'same' output_shape is inconsistent", () => {
  const c = cases.find((k) => k.id === "tfjs-conv2dTranspose-vec4")!;
  const opts = optionsOf(c);
  // tfjs reads only x[:, 0:4, 0:4, :]: its loop bounds come from output_shape.
  const cropped = (c.input as Nested[][]).map((img) => (img as Nested[][]).slice(0, 4).map((row) => row.slice(0, 4)));

  it("is refused by the CLI with TF's consistency rule and how to reproduce tfjs", async () => {
    const { code, io } = await runCli(c, c.input, opts);
    expect(code).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(io.stderr).toMatch(/^error: --output-shape: TF requires the forward convolution of the output shape to give the input: a SAME convolution with stride 1 of 4 gives 4, but the input has 8 on axis 0 .*crop the input to 4/);
  });

  it("is refused by the API naming outputShape", () => {
    expect(() => evaluate({ ...opts, input: c.input, kernel: c.weight })).toThrow(/^TF requires the forward convolution/);
    try { evaluate({ ...opts, input: c.input, kernel: c.weight }); } catch (e) { expect((e as { path: string }).path).toBe("outputShape"); }
  });

  it("gives the published numbers once the input is cropped to 4×4, as the refusal says", async () => {
    const { code, io } = await runCli(c, cropped, opts);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout) as { shape: number[]; output: Nested };
    expect(out.shape).toEqual(c.expected_shape);
    expectClose(flat(out.output), flat(c.expected));
    const api = evaluate({ ...opts, input: cropped, kernel: c.weight });
    expectClose(flat(nestedOutput(api) as Nested), flat(c.expected));
  });
});
