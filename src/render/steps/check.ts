/** View of the check step: the tensor core's numbers and the largest difference. */
import type { CheckStep } from "../../explain/types.ts";
import { floatTex } from "../tex/scalar.ts";
import type { MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";

export interface CheckView {
  readonly agrees: boolean;
  readonly maxDifference: string;
  readonly tolerance: string;
  readonly symbolic: boolean;
  readonly substitution: string;
  /** The core's values, one map per batch item and channel (the first three and the last when there are more). */
  readonly core: readonly MapView[];
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
      // A symbol's TeX, whether it is an entry of its own or inside an expression entry.
      const refs = [d.x, d.w, d.bias].flatMap((t) => t?.data ?? []).flatMap((e) =>
        (e.kind === "symbol" ? [{ name: e.name, tex: e.tex }] : e.kind === "expression" ? e.poly.symbols() : []));
      const s = refs.find((r) => r.name === name);
      return `${s ? s.tex : name} = ${v}`;
    }).join(",\\; "),
    core: outputMaps(kit, "Y", (n, c) => (f) => floatTex(step.core[(n * d.info.outChannels + c) * d.info.outCount + f]!)).maps,
    count: step.core.length,
    exactMode: step.mode === "exact",
  };
}
