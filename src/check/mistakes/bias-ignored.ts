/** `bias-ignored`: the per-channel bias left out of every output cell. */
import type { ProblemMistake } from "./types.ts";
import { recomputeWith } from "./recompute.ts";

export const biasIgnored: ProblemMistake = {
  id: "bias-ignored",
  scope: "problem",
  recompute({ problem }) {
    const bias = problem.bias;
    if (!bias || bias.data.every((s) => s.kind !== "symbol" && s.kind !== "expression" && (typeof s.value === "number" ? s.value === 0 : s.value.isZero()))) return [];
    const r = recomputeWith({ ...problem, bias: undefined }, {});
    return r ? [{ diagnosis: { mistake: "bias-ignored" }, ...r }] : [];
  },
};
