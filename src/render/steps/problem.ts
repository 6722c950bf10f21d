/** View of the problem step: the tensors, the parameters per axis, the three framework calls. */
import type { FrameworkArg, ProblemStep } from "../../explain/types.ts";
import type { MathKit } from "../math.ts";
import { tensorMaps, type MapView } from "./common.ts";
import { rationalTex, scalarTex } from "../tex/scalar.ts";

export interface ProblemView {
  readonly transposed: boolean;
  readonly rank: number;
  readonly layout: string;
  readonly inputShape: string;
  readonly kernelShape: string;
  readonly outputShape: string;
  readonly userInputShape: string;
  readonly userKernelShape: string;
  readonly userOutputShape: string;
  readonly input: readonly MapView[];
  readonly inputNames: readonly MapView[];
  readonly kernel: readonly MapView[];
  readonly kernelNames: readonly MapView[];
  readonly bias: string | undefined;
  readonly symbolic: boolean;
  /** Whether the default names (x_{i,j}, w_{a,b}) must be introduced: the entries are not already those symbols. */
  readonly namesNeeded: boolean;
  readonly float: boolean;
  readonly indexBase: number;
  readonly channels: { readonly inC: number; readonly outC: number; readonly groups: number; readonly batch: number };
  /** Per axis: stride, padding begin/end, dilation, output padding. */
  readonly axes: readonly { axis: number; stride: number; padBegin: number; padEnd: number; dilation: number; outputPadding: number }[];
  readonly frameworks: readonly { framework: string; code: string; caveat: string | undefined }[];
}

const argText = (a: FrameworkArg): string => (a.name === "" ? valueText(a.value) : `${a.name}=${valueText(a.value)}`);
function valueText(v: FrameworkArg["value"]): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  const inner = (v as readonly (number | readonly number[])[]).map((e) => (typeof e === "number" ? String(e) : `[${e.join(", ")}]`));
  return `[${inner.join(", ")}]`;
}

/** A call with its arguments wrapped at 72 columns, continuation lines indented, as code is written. */
function callText(call: string, args: readonly string[]): string {
  const one = `${call}(${args.join(", ")})`;
  if (one.length <= 72) return one;
  const lines: string[] = [];
  let line = "";
  for (const a of args) {
    const piece = line === "" ? a : `${line}, ${a}`;
    if (line !== "" && 4 + piece.length > 71) { lines.push(`${line},`); line = a; } else line = piece;
  }
  lines.push(`${line})`);
  return `${call}(\n${lines.map((l) => `    ${l}`).join("\n")}`;
}

export function problemView(step: ProblemStep, kit: MathKit): ProblemView {
  const { d } = kit;
  const info = d.info;
  const names = (t: typeof d.x, list: readonly string[], colour: boolean) => tensorMaps(kit, { shape: t.shape, data: list.map((n) => ({ kind: "symbol", name: n, tex: n })) }, "", colour).maps;
  const fmt = (s: readonly number[]) => s.join("×");
  return {
    transposed: step.op === "transposed",
    rank: info.rank,
    layout: step.layout,
    inputShape: fmt(info.inputShape), kernelShape: fmt(info.weightShape), outputShape: fmt(info.outputShape),
    userInputShape: fmt(step.userShapes.input), userKernelShape: fmt(step.userShapes.kernel), userOutputShape: fmt(step.userOutputShape),
    input: tensorMaps(kit, d.x, "X", true).maps,
    inputNames: names(d.x, d.names.x, true),
    kernel: tensorMaps(kit, d.w, "W", false).maps,
    kernelNames: names(d.w, d.names.w, false),
    bias: d.bias ? kit.grid([d.bias.data.length], (f) => {
      const s = d.bias!.data[f]!;
      return s.kind === "symbol" ? s.tex : s.kind === "expression" ? scalarTex(s) : String(s.kind === "exact" ? rationalTex(s.value) : s.value);
    }) : undefined,
    symbolic: step.mode === "symbolic",
    namesNeeded: [[d.x, d.names.x], [d.w, d.names.w]].some(([t, names]) =>
      (t as typeof d.x).data.some((e, i) => e.kind !== "symbol" || e.tex !== (names as readonly string[])[i])),
    float: step.mode === "float",
    indexBase: d.indexBase,
    channels: { inC: info.inChannels, outC: info.outChannels, groups: info.groups, batch: info.batch },
    axes: info.axes.map((a, axis) => ({ axis, stride: a.stride, padBegin: a.padBegin, padEnd: a.padEnd, dilation: a.dilation, outputPadding: a.outputPadding })),
    frameworks: step.frameworks.map((f) => ({
      framework: f.framework,
      code: callText(f.call, f.args.map(argText)),
      caveat: f.caveat,
    })),
  };
}
