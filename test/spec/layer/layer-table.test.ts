import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixForShape, shape } from "../../../src/api/shape.ts";
import { evaluate, nestedOutput } from "../../../src/api/evaluate.ts";
import { main } from "../../../src/cli.ts";
import { bufferIo } from "../../../src/io/cli-io.ts";
import { isTconvError } from "../../../src/spec/error.ts";
import { cliNames } from "../../../src/spec/names.ts";
import { closeTo, runScripts } from "../../python.ts";

/**
 * Layer strings with the whole output shape the framework gives. PyTorch rows are confirmed by
 * PyTorch itself below; Keras rows follow Keras's documented rules (`deconv_output_length`:
 * output_padding=None gives input·strides for 'same' and input·strides + max(K − strides, 0)
 * for 'valid', otherwise (input − 1)·strides + K (− 2·⌊K/2⌋ for 'same') + output_padding;
 * Conv 'same' gives ⌈input/strides⌉, 'valid' ⌊(input − K)/strides⌋ + 1, K the dilated kernel).
 */
interface Row {
  readonly framework: "torch" | "keras";
  readonly text: string;
  readonly input: readonly number[];
  readonly kernel?: readonly number[];
  readonly want: readonly number[];
}

export const TABLE: readonly Row[] = [
  // PyTorch modules: positional, keyword, tuples, every module
  { framework: "torch", text: "nn.ConvTranspose2d(16, 8, kernel_size=(4, 3), stride=2, padding=1)", input: [1, 16, 10, 12], want: [1, 8, 20, 23] },
  { framework: "torch", text: "torch.nn.ConvTranspose1d(4, 2, 3)", input: [2, 4, 5], want: [2, 2, 7] },
  { framework: "torch", text: "ConvTranspose3d(2, 4, 2, stride=2)", input: [1, 2, 3, 3, 3], want: [1, 4, 6, 6, 6] },
  { framework: "torch", text: "nn.ConvTranspose2d(4, 6, 3, 2, 1, 1)", input: [1, 4, 5, 5], want: [1, 6, 10, 10] },
  { framework: "torch", text: "nn.ConvTranspose2d(4, 6, 3, 1, 0, 0, 2)", input: [1, 4, 5, 5], want: [1, 6, 7, 7] },
  { framework: "torch", text: "nn.ConvTranspose2d(4, 6, 3, 1, 0, 0, 1, False, 2)", input: [1, 4, 5, 5], want: [1, 6, 9, 9] },
  { framework: "torch", text: "nn.ConvTranspose2d(in_channels=3, out_channels=3, kernel_size=(1, 5), stride=(1, 3), padding=(0, 2), output_padding=(0, 2))", input: [3, 4, 4], want: [3, 4, 12] },
  { framework: "torch", text: "nn.ConvTranspose1d(2, 2, 4, stride=3, dilation=2, output_padding=2)", input: [1, 2, 3], want: [1, 2, 15] },
  { framework: "torch", text: "nn.ConvTranspose3d(1, 1, (3, 1, 2), stride=(1, 2, 3), padding=(1, 0, 0), device='cpu')", input: [1, 1, 4, 4, 4], want: [1, 1, 4, 7, 11] },
  { framework: "torch", text: "nn.Conv2d(16, 8, 3, padding='same')", input: [1, 16, 10, 12], want: [1, 8, 10, 12] },
  { framework: "torch", text: "nn.Conv2d(3, 6, 5, stride=2)", input: [1, 3, 11, 11], want: [1, 6, 4, 4] },
  { framework: "torch", text: "torch.nn.Conv1d(4, 8, 3, 1, 1, 2)", input: [1, 4, 10], want: [1, 8, 8] },
  { framework: "torch", text: "nn.Conv3d(2, 4, kernel_size=(1, 3, 3), stride=(1, 2, 2), padding=(0, 1, 1))", input: [1, 2, 4, 8, 8], want: [1, 4, 4, 4, 4] },
  { framework: "torch", text: "nn.Conv2d(4, 4, 3, groups=4, padding='valid')", input: [2, 4, 6, 6], want: [2, 4, 4, 4] },
  { framework: "torch", text: "nn.Conv1d(2, 2, 4, padding='same', dilation=3)", input: [1, 2, 7], want: [1, 2, 7] },
  { framework: "torch", text: "nn.Conv2d(1, 1, (2, 3), bias=False, padding_mode='zeros', dtype=torch.float64)", input: [1, 5, 5], want: [1, 4, 3] },
  // PyTorch functional calls: the weight comes from the kernel tensor
  { framework: "torch", text: "F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)", input: [1, 2, 3, 3], kernel: [2, 3, 3, 3], want: [1, 3, 6, 6] },
  { framework: "torch", text: "torch.nn.functional.conv_transpose1d(x, w, None, 2)", input: [1, 1, 4], kernel: [1, 1, 3], want: [1, 1, 9] },
  { framework: "torch", text: "F.conv_transpose3d(x, w, groups=2, dilation=2)", input: [1, 2, 2, 2, 2], kernel: [2, 1, 2, 2, 2], want: [1, 2, 4, 4, 4] },
  { framework: "torch", text: "F.conv2d(x, w, padding='same')", input: [1, 1, 5, 5], kernel: [2, 1, 3, 3], want: [1, 2, 5, 5] },
  { framework: "torch", text: "F.conv1d(x, w, stride=2)", input: [1, 3, 9], kernel: [4, 3, 3], want: [1, 4, 4] },
  // Keras layers
  { framework: "keras", text: "layers.Conv2DTranspose(8, 3, strides=2, padding='same')", input: [1, 10, 12, 16], want: [1, 20, 24, 8] },
  { framework: "keras", text: "tf.keras.layers.Conv2DTranspose(4, (3, 3), strides=(2, 2))", input: [1, 10, 10, 3], want: [1, 21, 21, 4] },
  { framework: "keras", text: "keras.layers.Conv1DTranspose(2, 5, strides=2, padding='valid', output_padding=1)", input: [1, 6, 3], want: [1, 16, 2] },
  { framework: "keras", text: "layers.Conv3DTranspose(1, 2, strides=2, padding='same', name='up')", input: [1, 2, 3, 4, 1], want: [1, 4, 6, 8, 1] },
  { framework: "keras", text: "layers.Conv2DTranspose(2, 4, strides=3, padding='same', output_padding=2)", input: [1, 5, 5, 1], want: [1, 14, 14, 2] },
  { framework: "keras", text: "layers.Conv2DTranspose(2, 1, strides=3)", input: [1, 4, 4, 1], want: [1, 12, 12, 2] },
  { framework: "keras", text: "layers.Conv2DTranspose(3, 3, padding='same', dilation_rate=2, kernel_initializer='he_normal')", input: [1, 6, 6, 2], want: [1, 6, 6, 3] },
  { framework: "keras", text: "layers.Conv2D(8, 3, strides=2, padding='same', activation=None)", input: [1, 11, 11, 3], want: [1, 6, 6, 8] },
  { framework: "keras", text: "tf.keras.layers.Conv1D(4, 3)", input: [2, 10, 1], want: [2, 8, 4] },
  { framework: "keras", text: "keras.layers.Conv3D(2, (1, 2, 3), padding='valid', groups=1)", input: [1, 3, 4, 5, 2], want: [1, 3, 3, 3, 2] },
  { framework: "keras", text: "layers.Conv2D(4, 3, groups=2, dilation_rate=2, use_bias=False)", input: [1, 9, 9, 4], want: [1, 5, 5, 4] },
  // tf.nn calls
  { framework: "keras", text: "tf.nn.conv2d_transpose(x, w, [1, 20, 24, 8], strides=2, padding='SAME')", input: [1, 10, 12, 16], kernel: [3, 3, 8, 16], want: [1, 20, 24, 8] },
  { framework: "keras", text: "tf.nn.conv1d_transpose(x, filters, output_shape=[1, 11, 2], strides=2, padding='VALID')", input: [1, 5, 3], kernel: [3, 2, 3], want: [1, 11, 2] },
  { framework: "keras", text: "tf.nn.conv3d_transpose(x, w, [1, 4, 4, 4, 1], [1, 2, 2, 2, 1], 'SAME')", input: [1, 2, 2, 2, 1], kernel: [3, 3, 3, 1, 1], want: [1, 4, 4, 4, 1] },
];

const shapeOf = (row: Row) => shape({
  [row.framework]: row.text, inputShape: row.input, ...(row.kernel ? { kernelShape: row.kernel } : {}),
});

describe("layer strings give the frameworks' output shapes", () => {
  it("the table covers every module, positional and keyword arguments and tuples", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    const names = new Set(TABLE.map((r) => /([A-Za-z_]+\dd?D?(?:_?[Tt]ranspose)?)\(/.exec(r.text)![1]));
    for (const n of ["ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "Conv1d", "Conv2d", "Conv3d",
      "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "Conv1DTranspose", "Conv2DTranspose",
      "Conv3DTranspose", "Conv1D", "Conv2D", "Conv3D", "conv1d_transpose", "conv2d_transpose", "conv3d_transpose"]) {
      expect(names, n).toContain(n);
    }
  });

  for (const row of TABLE) {
    it(`--${row.framework} ${row.text} on ${JSON.stringify(row.input)} → ${JSON.stringify(row.want)}`, () => {
      expect(shapeOf(row).layoutShape).toEqual(row.want);
    });
  }

  it("agrees with PyTorch itself on every PyTorch row (shapes from real modules and calls)", () => {
    const rows = TABLE.filter((r) => r.framework === "torch");
    const scripts = rows.map((r) => [
      "import json, torch", "from torch import nn", "import torch.nn.functional as F",
      "from torch.nn import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d, Conv1d, Conv2d, Conv3d",
      `x = torch.zeros(${JSON.stringify(r.input)}, dtype=torch.float64)`,
      r.kernel ? `w = torch.zeros(${JSON.stringify(r.kernel)}, dtype=torch.float64)` : "",
      // The test's own trusted table is evaluated by Python here; tconv itself never evaluates text.
      r.kernel ? `y = ${r.text}` : `y = ${r.text}.double()(x)`,
      "print(json.dumps(list(y.shape)))",
    ].join("\n"));
    const results = runScripts(scripts);
    rows.forEach((r, i) => {
      const res = results[i]!;
      expect("stdout" in res ? JSON.parse(res.stdout) : res.error, r.text).toEqual(shapeOf(r).layoutShape);
    });
  });

  it("computes the same numbers as PyTorch's module with the same weights and bias", () => {
    const rows = TABLE.filter((r) => r.framework === "torch" && !r.kernel);
    const cases = rows.map((r, k) => {
      const s = shapeOf(r).problem;
      const size = (sh: readonly number[]) => sh.reduce((a, b) => a * b, 1);
      const ints = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 7 + seed * 3) % 7) - 3);
      const x = ints(size(r.input), k), w = ints(size(s.userShapes.kernel), k + 1);
      const hasBias = !/bias=False/.test(r.text) && !/, False,/.test(r.text);
      const bias = hasBias ? ints(s.info.outChannels, k + 2) : undefined;
      return { r, x, w, bias, kernelShape: s.userShapes.kernel };
    });
    const scripts = cases.map(({ r, x, w, bias, kernelShape }) => [
      "import json, torch", "from torch import nn",
      "from torch.nn import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d, Conv1d, Conv2d, Conv3d",
      `m = ${r.text}.double()`,
      "with torch.no_grad():",
      `    m.weight.copy_(torch.tensor(${JSON.stringify(w)}, dtype=torch.float64).reshape(${JSON.stringify(kernelShape)}))`,
      bias ? `    m.bias.copy_(torch.tensor(${JSON.stringify(bias)}, dtype=torch.float64))` : "",
      `    y = m(torch.tensor(${JSON.stringify(x)}, dtype=torch.float64).reshape(${JSON.stringify(r.input)}))`,
      "print(json.dumps({'shape': list(y.shape), 'output': y.tolist()}))",
    ].join("\n"));
    const results = runScripts(scripts);
    cases.forEach(({ r, x, w, bias }, i) => {
      const s = shapeOf(r).problem;
      const nest = (flat: number[], sh: readonly number[]): unknown => sh.length <= 1 ? flat
        : Array.from({ length: sh[0]! }, (_, j) => nest(flat.slice(j * flat.length / sh[0]!, (j + 1) * flat.length / sh[0]!), sh.slice(1)));
      const ours = evaluate({
        torch: r.text, input: nest(x, r.input) as never, kernel: nest(w, s.userShapes.kernel) as never, ...(bias ? { bias: `[${bias.join(",")}]` } : {}),
      });
      const res = results[i]!;
      if (!("stdout" in res)) throw new Error(`${r.text}: ${res.error}`);
      const theirs = JSON.parse(res.stdout) as { shape: number[]; output: unknown };
      expect(theirs.shape, r.text).toEqual(ours.shape);
      expect(closeTo(theirs.output, nestedOutput(ours)), r.text).toBe(true);
    });
  });
});

describe("layer strings on the outside test vectors", () => {
  interface Case {
    id: string; input: unknown; weight: unknown; weight_shape?: number[]; stride?: number[]; pads?: number[];
    dilation?: number[]; output_padding?: number[]; group?: number; onnx_attributes?: Record<string, unknown>;
    expected: unknown; expected_shape: number[]; layout: string;
  }
  const cases = (JSON.parse(readFileSync(new URL("../../fixtures/external-cases.json", import.meta.url), "utf8")) as Case[])
    .filter((c) => /^X: \[N, C_in/.test(c.layout) && c.expected_shape && c.pads && c.stride && c.weight_shape
      && !c.onnx_attributes?.["output_shape"] && !c.onnx_attributes?.["auto_pad"]
      && c.pads.slice(0, c.pads.length / 2).every((p, i) => p === c.pads![i + c.pads!.length / 2]));

  it("finds cases the layer strings can state (symmetric pads, no output_shape)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const c of cases) {
    it(`${c.id} as an nn.ConvTranspose layer gives the case's numbers`, () => {
      const r = c.weight_shape!.length - 2, g = c.group ?? 1;
      const t = (v: number[] | undefined, fallback: number) => `(${(v ?? Array(r).fill(fallback)).join(", ")}${r === 1 ? "," : ""})`;
      const layer = `nn.ConvTranspose${r}d(${c.weight_shape![0]}, ${c.weight_shape![1]! * g}, ${t(c.weight_shape!.slice(2), 1)}, stride=${t(c.stride, 1)}, `
        + `padding=${t(c.pads!.slice(0, r), 0)}, output_padding=${t(c.output_padding, 0)}, groups=${g}, bias=False, dilation=${t(c.dilation, 1)})`;
      const result = evaluate({ torch: layer, input: c.input as never, kernel: c.weight as never });
      expect(result.shape).toEqual(c.expected_shape);
      expect(closeTo(nestedOutput(result), c.expected, 1e-6)).toBe(true);
    });
  }
});

/** Malformed or refused layer strings, each with (part of) its one error line. */
const MALFORMED: readonly (readonly [framework: "torch" | "keras", text: string, error: string])[] = [
  ["torch", "", "error: --torch: at character 1: expected a layer such as nn.ConvTranspose2d(16, 8, 3), got nothing"],
  ["torch", "nn.ConvTranspose2d(16, 8", "error: --torch: at character 25: expected \",\" or \")\", found the end of the text"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3))", "error: --torch: at character 29: unexpected \")\" after the call; a layer string is one call"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=2, 1)", "at character 40: positional argument follows keyword argument"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, strid=2)", "at character 30: nn.ConvTranspose2d got an unexpected keyword argument 'strid'"],
  ["torch", "nn.ConvTranspose2d(16, 8)", "ConvTranspose2d missing required argument: 'kernel_size'"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=0)", "non-positive stride is not supported (got stride=0)"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=(2, 2, 2))", "expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=(2, 2, 2)"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=2, output_padding=2)", "output padding must be smaller than either stride or dilation, but got output_padding=2, stride=2, dilation=1 on axis 0"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, padding='same')", "ConvTranspose2d takes integer padding; padding='same' is only for ordinary convolutions"],
  ["torch", "nn.Conv2d(16, 8, 3, stride=2, padding='same')", "padding='same' is not supported for strided convolutions"],
  ["torch", "nn.Conv2d(16, 8, 3, padding='full')", "Invalid padding string 'full', should be one of {'valid', 'same'}"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, groups=3)", "in_channels must be divisible by groups (in_channels=16, groups=3)"],
  ["torch", "nn.Conv2d(16, 8, 3, padding_mode='reflect')", "padding_mode='reflect' pads with copies of the input, not zeros"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3.5)", "at character 27: kernel_size must be an integer or a tuple of 2 integers, got 3.5"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=2, stride=1)", "at character 40: keyword argument repeated: stride"],
  ["torch", "nn.Linear(16, 8)", "at character 1: unknown layer nn.Linear"],
  ["torch", "__import__('os').system('ls')", "at character 17: unexpected \".\" after the call"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=2; padding=1)", "at character 38: unexpected \";\""],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=2 padding=1)", "at character 39: expected \",\" or \")\", found \"padding\""],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, padding_mode='zeros)", "at character 43: this string is never closed"],
  ["torch", "nn.ConvTranspose2d(16, 8, 3, stride=-1)", "non-positive stride is not supported (got stride=-1)"],
  ["torch", "layers.Conv2DTranspose(8, 3)", "layers.Conv2DTranspose is a Keras/TensorFlow layer; give it with --keras"],
  ["torch", "F.conv_transpose2d(x, [[1]])", "weight must be a name standing for the --kernel tensor"],
  ["keras", "nn.ConvTranspose2d(16, 8, 3)", "nn.ConvTranspose2d is a PyTorch layer; give it with --torch"],
  ["keras", "layers.Conv2DTranspose(8, 3, strides=2, padding='full')", "The `padding` argument must be a list/tuple or one of \"valid\", \"same\". Received: 'full'"],
  ["keras", "layers.Conv2DTranspose(8, 3, activation='relu')", "activation='relu' changes the numbers after the convolution"],
  ["keras", "layers.Conv2DTranspose(8, 3, strides=2, output_padding=2)", "Strides must be greater than output padding. Received strides=(2, 2), output_padding=(2, 2)."],
  ["keras", "layers.Conv2D(8, 3, groups=3)", "The number of filters must be evenly divisible by the number of groups. Received: groups=3, filters=8."],
  ["keras", "layers.Conv2DTranspose(8, (3, 3, 3))", "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(3, 3, 3)"],
  ["keras", "layers.Conv2DTranspose(8, 3, data_format='channels_first')", "data_format='channels_first' is not supported here"],
  ["keras", "tf.nn.conv2d_transpose(x, w, [1, 20, 24], strides=2)", "output_shape must have 4 elements [N, *spatial, C_out] for conv2d_transpose, got 3"],
  ["keras", "tf.nn.conv2d_transpose(x, w, [1, 20, 24, 8], strides=2, padding='same')", "padding must be 'SAME' or 'VALID' here"],
];

describe("malformed layer strings are refused with one error line (exit 2)", () => {
  it("has at least 20 of them", () => expect(MALFORMED.length).toBeGreaterThanOrEqual(20));

  for (const [framework, text, error] of MALFORMED) {
    it(`--${framework} ${JSON.stringify(text)} → ${error}`, async () => {
      const io = bufferIo();
      const input = framework === "torch" ? "1,16,10,12" : "1,10,12,16";
      const code = await main(["shape", `--${framework}`, text, "--input-shape", input, "--kernel-shape", framework === "torch" ? "16,8,3,3" : "3,3,8,16"], io);
      expect(code).toBe(2);
      expect(io.stdout).toBe("");
      expect(io.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expect(io.stderr).toContain(error);
      expect(io.stderr.startsWith(`error: --${framework}: `)).toBe(true);
    });
  }
});

describe("a layer string against the tensors and the other options", () => {
  const refuse = (f: () => unknown) => {
    try { f(); } catch (e) { if (isTconvError(e)) return e.toLine(); throw e; }
    throw new Error("expected a TconvError");
  };

  it("refuses an explicit option the layer sets, naming that option", () => {
    expect(refuse(() => shape({ torch: "nn.ConvTranspose2d(16, 8, 3)", inputShape: "1,16,4,4", stride: 2, names: cliNames })))
      .toBe("error: --stride: cannot be given together with --torch: the layer string sets it; change it in the layer instead");
    expect(refuse(() => shape({ keras: "layers.Conv2D(8, 3)", inputShape: "1,4,4,3", layout: "tf", names: cliNames })))
      .toMatch(/^error: --layout: cannot be given together with --keras/);
    expect(refuse(() => shape({ torch: "nn.Conv2d(1, 1, 3)", keras: "layers.Conv2D(1, 3)", inputShape: "1,1,4,4", names: cliNames })))
      .toMatch(/^error: --keras: give one layer string/);
  });

  it("names an input-channel mismatch the way PyTorch does", () => {
    expect(refuse(() => shape({ torch: "nn.ConvTranspose2d(16, 8, 3)", inputShape: "1,3,10,12", names: cliNames })))
      .toBe("error: --input-shape: Given transposed=1, weight of size [16, 8, 3, 3], expected input[1, 3, 10, 12] to have 16 channels, but got 3 channels instead");
    expect(refuse(() => shape({ torch: "nn.Conv2d(4, 8, 3, groups=2)", inputShape: "1,3,10,12", names: cliNames })))
      .toBe("error: --input-shape: Given groups=2, weight of size [8, 2, 3, 3], expected input[1, 3, 10, 12] to have 4 channels, but got 3 channels instead");
    expect(refuse(() => shape({ torch: "nn.ConvTranspose2d(16, 8, 3)", inputShape: "16,10", names: cliNames })))
      .toBe("error: --input-shape: Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: [16, 10]");
  });

  it("names a kernel that does not fit the layer (PyTorch's state-dict words, Keras's set_weights words)", () => {
    expect(refuse(() => shape({ torch: "nn.ConvTranspose2d(16, 8, 3)", inputShape: "1,16,10,12", kernelShape: "16,4,3,3", names: cliNames })))
      .toBe("error: --kernel-shape: size mismatch for weight: copying a param with shape torch.Size([16, 4, 3, 3]), the shape in current model is torch.Size([16, 8, 3, 3])");
    expect(refuse(() => shape({ keras: "layers.Conv2DTranspose(8, 3)", inputShape: "1,10,12,16", kernelShape: "3,3,4,16", names: cliNames })))
      .toBe("error: --kernel-shape: Layer conv2d_transpose weight shape (3, 3, 8, 16) is not compatible with provided weight shape (3, 3, 4, 16).");
    expect(refuse(() => shape({ keras: "layers.Conv2DTranspose(8, 3)", inputShape: "10,12,16", names: cliNames })))
      .toBe("error: --input-shape: Input 0 of layer \"conv2d_transpose\" is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: (10, 12, 16)");
  });

  it("refuses --bias on a layer without one, and requires it when a functional call passes one", () => {
    expect(refuse(() => evaluate({ torch: "nn.ConvTranspose1d(1, 1, 2, bias=False)", input: [[[1, 2]]], kernel: [[[1, 1]]], bias: 1, names: cliNames })))
      .toMatch(/^error: --bias: the layer --torch has bias=False/);
    expect(refuse(() => evaluate({ torch: "F.conv_transpose1d(x, w, b)", input: [[[1, 2]]], kernel: [[[1, 1]]], names: cliNames })))
      .toMatch(/^error: --bias: the call --torch passes a bias tensor/);
    expect(nestedOutput(evaluate({ torch: "F.conv_transpose1d(x, w, b)", input: [[[1, 2]]], kernel: [[[1, 1]]], bias: 10 }))).toEqual([[[11, 13, 12]]]);
  });

  it("lists the keywords it ignored, and only those", () => {
    expect(shape({ keras: "layers.Conv2DTranspose(8, 3, name='up', kernel_initializer='zeros', activation=None)", inputShape: "1,4,4,2" }).problem.layer?.spec.ignored)
      .toEqual(["name", "kernel_initializer", "activation"]);
    expect(shape({ keras: "layers.Conv2DTranspose(8, 3)", inputShape: "1,4,4,2" }).problem.layer?.spec.ignored).toEqual([]);
  });

  it("states a tf.nn output_shape TF would refuse in TF's words", () => {
    expect(refuse(() => shape({ keras: "tf.nn.conv2d_transpose(x, w, [1, 21, 24, 8], strides=2, padding='SAME')", inputShape: "1,10,12,16", kernelShape: "3,3,8,16", names: cliNames })))
      .toMatch(/^error: --keras: TF requires the forward convolution of the output shape to give the input/);
  });
});

describe("--want-shape: the fix for a decoder that does not give back the encoder's size", () => {
  it("finds the output_padding (and output_size) for a PyTorch layer", () => {
    const { problem } = shape({ torch: "nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1)", inputShape: "1,16,10,12" });
    expect(problem.outputShape).toEqual([1, 8, 19, 23]);
    expect(fixForShape(problem, [1, 8, 20, 24])).toEqual({
      kind: "fix", wanted: [1, 8, 20, 24], outputPadding: [1, 1],
      suggestions: ["output_padding=(1, 1) in the layer", "or call it with output_size=[20, 24]"],
    });
  });

  it("uses Keras's own output_padding meaning ('same': on top of (i − 1)·s + K − 2·⌊K/2⌋)", () => {
    const { problem } = shape({ keras: "layers.Conv2DTranspose(8, 3, strides=2, padding='same')", inputShape: "1,10,12,16" });
    const fix = fixForShape(problem, [19, 24]);
    expect(fix).toMatchObject({ kind: "fix", outputPadding: [0, 1] });
    // and the fixed layer really gives that shape
    expect(shape({ keras: "layers.Conv2DTranspose(8, 3, strides=2, padding='same', output_padding=(0, 1))", inputShape: "1,10,12,16" }).shape).toEqual([19, 24]);
  });

  it("says why nothing can: out of reach, channels, or an ordinary convolution", () => {
    const { problem } = shape({ torch: "nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1)", inputShape: "1,16,10,12" });
    expect(fixForShape(problem, [22, 23])).toMatchObject({ kind: "impossible", reason: expect.stringContaining("reaches only 19..20") });
    expect(fixForShape(problem, [1, 4, 19, 23])).toMatchObject({ kind: "impossible", reason: expect.stringContaining("output channels: 8") });
    const conv = shape({ torch: "nn.Conv2d(16, 8, 3)", inputShape: "1,16,10,12" }).problem;
    expect(fixForShape(conv, [10, 12])).toMatchObject({ kind: "impossible", reason: expect.stringContaining("an ordinary convolution has no output padding") });
    expect(fixForShape(problem, [19, 23])).toEqual({ kind: "already", wanted: [19, 23] });
  });

  it("prints the rule, the reachable sizes and the fix on the command line", async () => {
    const io = bufferIo();
    const code = await main(["shape", "--torch", "nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1, device='cpu')", "--input-shape", "1,16,10,12", "--want-shape", "1,8,20,24"], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain("output shape: [19, 23] (whole output in the torch layout: [1, 8, 19, 23])");
    expect(io.stdout).toContain("PyTorch ConvTranspose2d: out = (in − 1)·stride − 2·padding + dilation·(kernel_size − 1) + output_padding + 1");
    expect(io.stdout).toContain("  axis 0: (10 − 1)·2 − 2·1 + 1·(3 − 1) + 0 + 1 = 19");
    expect(io.stdout).toContain("ignored (they do not change the numbers): device");
    expect(io.stdout).toContain("output_padding (or output_size) can reach: axis 0 19..20, axis 1 23..24");
    expect(io.stdout).toContain("wanted [1, 8, 20, 24]: use output_padding=(1, 1) in the layer or call it with output_size=[20, 24]");
  });
});
