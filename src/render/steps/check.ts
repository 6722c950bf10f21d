/** View of the check step: the tensor core's numbers and the largest difference. */
import type { CheckStep } from "../../explain/types.ts";
import { floatTex } from "../../algebra/tex.ts";
import type { MathKit } from "../math.ts";

export interface CheckView {
  readonly agrees: boolean;
  readonly maxDifference: string;
  readonly tolerance: string;
  readonly symbolic: boolean;
  readonly substitution: string;
  readonly core: string;
  readonly count: number;
  readonly exactMode: boolean;
}

export function checkView(step: CheckStep, kit: MathKit): CheckView {
  const { d } = kit;
  return {
    agrees: step.agrees,
    maxDifference: floatTex(step.maxDifference),
    tolerance: floatTex(step.tolerance),
    symbolic: step.mode === "symbolic",
    substitution: step.substitution.map(([name, v]) => {
      const s = [d.x, d.w, d.bias].flatMap((t) => t?.data ?? []).find((e) => e.kind === "symbol" && e.name === name);
      return `${s && s.kind === "symbol" ? s.tex : name} = ${v}`;
    }).join(",\\; "),
    core: kit.grid(d.info.outSpatial, (f) => floatTex(step.core[f]!)),
    count: step.core.length,
    exactMode: step.mode === "exact",
  };
}
