import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { code } from "../../src/api/code.ts";
import { evaluate, evaluationJson } from "../../src/api/evaluate.ts";
import { main } from "../../src/cli.ts";
import { bufferIo } from "../../src/io/cli-io.ts";
import { isTconvError } from "../../src/spec/error.ts";
import { outputToLayout, permute } from "../../src/spec/layout.ts";
import type { ProblemOptions } from "../../src/spec/parse-problem.ts";
import { intProblemArb, type IntProblem } from "../tensor/problems.ts";
import { closeTo, PYTHON, runScripts } from "../python.ts";

type Layout = "plain" | "torch" | "tf";

function nest(flat: readonly (number | string)[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const step = flat.length / shape[0]!;
  return Array.from({ length: shape[0]! }, (_, i) => nest(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

/** A random integer problem written in one of the layouts it fits (plain needs one image, one channel). */
function options(p: IntProblem, layout: Layout, batched: boolean, fractions: boolean): ProblemOptions {
  const { info, params } = p;
  const r = info.rank;
  const val = (v: number) => (fractions && v % 2 !== 0 ? `${v}/3` : v);
  const x = p.x.map(val), w = p.w.map(val);
  const xl = outputToLayout(layout, batched, info.inputShape, x);
  const wl = layout === "plain" ? { shape: info.weightShape.slice(2), data: w }
    : layout === "torch" ? { shape: info.weightShape, data: w }
    : permute(w, info.weightShape, [...Array.from({ length: r }, (_, i) => i + 2), 1, 0]);
  return {
    layout, op: info.op, input: nest(xl.data, xl.shape) as never, kernel: nest(wl.data, wl.shape) as never,
    stride: [...params.stride], dilation: [...params.dilation], padding: [...params.padBegin, ...params.padEnd],
    groups: params.groups, ...(info.op === "transposed" ? { outputPadding: [...params.outputPadding] } : {}),
    ...(p.bias ? { bias: `[${p.bias.map(val).join(",")}]` } : {}),
  };
}

const problemArb = fc.constantFrom("transposed" as const, "conv" as const)
  .chain((op) => intProblemArb(op, [1, 2, 3]))
  .chain((p) => {
    const single = p.params.batch === 1 && p.params.inChannels === 1 && p.params.outChannels === 1 && p.params.groups === 1 && !p.bias;
    return fc.record({
      p: fc.constant(p),
      layout: fc.constantFrom<Layout>(...(single ? ["plain", "torch", "tf"] as const : ["torch", "tf"] as const)),
      batched: p.params.batch === 1 ? fc.boolean() : fc.constant(true),
      fractions: fc.boolean(),
    });
  })
  .map(({ p, layout, batched, fractions }) => options(p, layout, layout === "plain" ? false : batched, fractions));

/** Runs the scripts of several problems in one Python process and compares each with eval --json. */
function agreeWithEval(frameworks: readonly ("numpy" | "torch")[], problems: readonly ProblemOptions[]): void {
  const runs = frameworks.flatMap((framework) => problems.map((o) => ({ framework, o })));
  const scripts = runs.map(({ framework, o }) => code(o, { framework }));
  const results = runScripts(scripts);
  runs.forEach(({ framework, o }, i) => {
    const res = results[i]!;
    if (!("stdout" in res)) throw new Error(`${framework} script failed:\n${scripts[i]}\n${res.error}`);
    const theirs = JSON.parse(res.stdout) as { shape: number[]; output: unknown };
    const ours = JSON.parse(evaluationJson(evaluate(o))) as { shape: number[]; output: unknown };
    expect(theirs.shape).toEqual(ours.shape);
    if (!closeTo(theirs.output, ours.output, 1e-9)) throw new Error(`${framework} differs:\n${scripts[i]}\n${res.stdout}\nvs ${JSON.stringify(ours)}`);
  });
}

describe("tconv code: the scripts print what tconv eval --json prints", () => {
  it("numpy scripts agree with eval on random problems (every layout, op, groups, bias, fractions)", () => {
    const problems = fc.sample(problemArb, { numRuns: 40, seed: 12 });
    agreeWithEval(["numpy"], problems);
  }, 120_000);

  it("PyTorch scripts agree with eval on random problems", () => {
    const problems = fc.sample(problemArb, { numRuns: 40, seed: 21 });
    agreeWithEval(["torch"], problems);
  }, 120_000);

  it("keeps agreeing under fast-check's search (a few batches)", () => {
    fc.assert(fc.property(fc.array(problemArb, { minLength: 6, maxLength: 6 }), (batch) => {
      agreeWithEval(["torch", "numpy"], batch);
    }), { numRuns: 2, seed: 7 });
  }, 120_000);

  it("PyTorch scripts of layer strings agree with eval (PyTorch as the oracle for the layer's translation)", () => {
    const layers: ProblemOptions[] = [
      { torch: "nn.ConvTranspose2d(2, 2, 3, stride=2, padding=1, output_padding=1)", input: [[[[1, 2], [3, 4]], [[0, 1], [-1, 2]]]], kernel: nest(Array.from({ length: 36 }, (_, i) => (i % 5) - 2), [2, 2, 3, 3]) as never },
      { keras: "layers.Conv2DTranspose(1, 3, strides=2, padding='same')", input: nest([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]) as never, kernel: nest([1, 0, -1, 2, 1, 0, 0, 1, 1], [3, 3, 1, 1]) as never },
      { keras: "layers.Conv1DTranspose(1, 4, strides=3, padding='same', output_padding=1)", input: [[[1], [2], [3]]], kernel: [[[1]], [[2]], [[3]], [[4]]] },
      { keras: "layers.Conv2D(2, 3, strides=2, padding='same', use_bias=False)", input: nest(Array.from({ length: 25 }, (_, i) => i - 12), [1, 5, 5, 1]) as never, kernel: nest(Array.from({ length: 18 }, (_, i) => (i % 3) - 1), [3, 3, 1, 2]) as never },
      { torch: "nn.Conv1d(1, 1, 4, padding='same')", input: [[[1, 2, 3, 4, 5]]], kernel: [[[1, -1, 2, 1]]], bias: "[1/2]" },
    ];
    agreeWithEval(["torch", "numpy"], layers);
  }, 120_000);
});

describe("tconv code --framework tf (no TensorFlow here: checked as Python and by its content)", () => {
  const compile = (script: string) => {
    const dir = mkdtempSync(join(tmpdir(), "tconv-code-"));
    try {
      const file = join(dir, "script.py");
      writeFileSync(file, script);
      return spawnSync(PYTHON, ["-m", "py_compile", file], { encoding: "utf8" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("is valid Python on random problems", () => {
    for (const o of fc.sample(problemArb, { numRuns: 12, seed: 3 })) {
      const r = compile(code(o, { framework: "tf" }));
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it("calls tf.nn.conv2d_transpose with the strides and dilations, uncropped ('VALID'), and crops the pads", () => {
    const script = code({ layout: "tf", input: nest([1, 2, 3, 4], [1, 2, 2, 1]) as never, kernel: nest([1, 0, 0, -1, 2, 1, 1, 1, 1], [3, 3, 1, 1]) as never, stride: "2,1", padding: "1,0,1,2", outputPadding: "1,0" }, { framework: "tf" });
    expect(script).toContain("import tensorflow as tf");
    expect(script).toContain("full = [x.shape[0], 5, 4, w.shape[-2]]");
    expect(script).toContain('tf.nn.conv2d_transpose(x, w, output_shape=full, strides=[2, 1], padding="VALID", dilations=[1, 1])');
    expect(script).toContain("y = y[:, 1:5, 0:2, :]");
    expect(script).not.toContain("tf.pad(y");
  });

  it("adds the output padding's zeros with tf.pad only when the crop does not cover it", () => {
    const script = code({ input: "[1, 2]", kernel: "[1, 1]", stride: 3, outputPadding: 2 }, { framework: "tf" });
    expect(script).toContain("tf.nn.conv1d_transpose(x, w, output_shape=full, strides=[3], padding=\"VALID\", dilations=[1])");
    expect(script).toContain("y = tf.pad(y, [[0, 0], [0, 2], [0, 0]])");
    expect(script).toContain("y = y[0, ..., 0]");
  });

  it("warns about TF's CPU limit only when a stride and a dilation above 1 meet on an axis", () => {
    expect(code({ input: "[1, 2]", kernel: "[1, 1]", stride: 2, dilation: 2 }, { framework: "tf" })).toContain("TensorFlow on CPU refuses strides above 1 together with dilations above 1");
    expect(code({ input: "[[1, 2]]", kernel: "[[1, 1]]", stride: "2,1", dilation: "1,2" }, { framework: "tf" })).not.toContain("refuses strides");
  });

  it("splits groups and calls tf.nn.convolution for an ordinary convolution", () => {
    const script = code({ layout: "torch", op: "conv", groups: 2, input: nest(Array(16).fill(1), [1, 4, 2, 2]) as never, kernel: nest(Array(8).fill(1), [2, 2, 1, 2]) as never, padding: 1 }, { framework: "tf" });
    expect(script).toContain("x = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]])");
    expect(script).toContain('tf.nn.convolution(xg, wg, strides=[1, 1], padding="VALID", dilations=[1, 1]) for xg, wg in zip(tf.split(x, 2, axis=-1), tf.split(w, 2, axis=-1))');
    expect(script).toContain("y = tf.transpose(y, [0, 3, 1, 2])");
  });
});

describe("what the scripts say and refuse", () => {
  it("says when fractions became floats, and only then", () => {
    expect(code({ input: "[1/3, 2]", kernel: "[1, 1]" }, { framework: "numpy" })).toContain("# The fractions are written as floats");
    expect(code({ input: "[1, 2]", kernel: "[1, 1]" }, { framework: "numpy" })).not.toContain("fractions");
  });

  it("uses PyTorch's padding argument when the pads are symmetric, and crops when they are not", () => {
    expect(code({ input: "[1, 2]", kernel: "[1, 1, 1]", padding: 1, stride: 2 }, { framework: "torch" }))
      .toContain("y = F.conv_transpose1d(x, w, None, stride=(2,), padding=(1,), output_padding=(0,), groups=1, dilation=(1,))");
    const asym = code({ input: "[1, 2]", kernel: "[1, 1, 1]", padding: "1,0", stride: 2 }, { framework: "torch" });
    expect(asym).toContain("# PyTorch pads both ends of an axis alike, but these pads differ");
    expect(asym).toContain("padding=0, output_padding=0");
  });

  it("refuses symbols, saying why, and frameworks without the rank", async () => {
    const io = bufferIo();
    expect(await main(["code", "--framework", "torch", "--input", "[a, b]", "--kernel", "[1, 1]"], io)).toBe(2);
    expect(io.stderr).toMatch(/^error: --input: /);
    try {
      code({ input: "[[[[1]]]]", kernel: "[[[[1]]]]", allowSymbols: false }, { framework: "tf" });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(isTconvError(e) && e.toLine()).toBe("error: framework: TensorFlow has 1-, 2- and 3-D convolutions only; this problem has 4 spatial axes (use numpy)");
    }
    const sym = bufferIo();
    expect(await main(["code", "--framework", "nump", "--input", "[1]", "--kernel", "[1]"], sym)).toBe(2);
    expect(sym.stderr).toBe("error: --framework: expected numpy, torch or tf, got \"nump\"\n");
  });

  it("prints a script for a layer string on the command line", async () => {
    const io = bufferIo();
    const codeExit = await main(["code", "--framework", "torch", "--torch", "nn.ConvTranspose1d(1, 1, 2, stride=2, bias=False)", "--input", "[[[1, 2]]]", "--kernel", "[[[1, -1]]]"], io);
    expect(codeExit).toBe(0);
    expect(io.stdout).toContain("F.conv_transpose1d(x, w, None, stride=(2,), padding=(0,), output_padding=(0,), groups=1, dilation=(1,))");
    const [res] = runScripts([io.stdout]);
    expect(res && "stdout" in res ? res.stdout : res).toBe('{"shape":[1,1,4],"output":[[[1,-1,2,-2]]]}\n');
  });
});
