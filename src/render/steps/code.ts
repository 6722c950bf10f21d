/** View of the code section: the PyTorch script, or why there is none. */
import type { CodeStep } from "../../explain/types.ts";
import type { MathKit } from "../math.ts";
import { pythonScript } from "../python-script.ts";

export interface CodeView {
  readonly script: string | undefined;
  readonly refusal: "symbolic" | "rank" | undefined;
  readonly rank: number;
}

export function codeView(step: CodeStep, kit: MathKit): CodeView {
  const { d } = kit;
  return {
    script: step.refusal ? undefined : pythonScript({ info: d.info, layout: step.layout, batched: step.batched, x: d.x, w: d.w, bias: d.bias }, step.framework).trimEnd(),
    refusal: step.refusal,
    rank: d.info.rank,
  };
}
