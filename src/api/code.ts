/**
 * `code`: a problem as a runnable Python script for numpy, PyTorch or TensorFlow that prints
 * its result as `tconv eval --json` does.
 */
import { apiNames, type FieldNames } from "../spec/names.ts";
import { parseProblem, type Problem, type ProblemOptions } from "../spec/parse-problem.ts";
import { parseScriptFramework, pythonScript, type ScriptFramework } from "../render/python-script.ts";

export type { ScriptFramework } from "../render/python-script.ts";

/**
 * The script recomputing a problem (a parsed {@link Problem} or the options to parse one) in a
 * framework. Symbolic entries are refused: a script computes with numbers.
 *
 * @example
 * const script = code({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: 2 }, { framework: "numpy" });
 * script.includes("def conv_transpose(") // → true
 * const torch = code({ torch: "nn.ConvTranspose1d(1, 1, 2, bias=False)", input: [[[1, 2]]], kernel: [[[1, 1]]] }, { framework: "torch" });
 * torch.includes("F.conv_transpose1d(x, w, None") // → true
 */
export function code(problem: Problem | ProblemOptions, options: { framework: ScriptFramework | string; names?: FieldNames; frameworkField?: string }): string {
  const names = options.names ?? ("info" in problem ? apiNames : problem.names ?? apiNames);
  const field = options.frameworkField ?? "framework";
  const framework = parseScriptFramework(options.framework, field);
  const p = "info" in problem ? problem : parseProblem(problem);
  return pythonScript(p, framework, { input: names.input, kernel: names.kernel, bias: names.bias, framework: field });
}
