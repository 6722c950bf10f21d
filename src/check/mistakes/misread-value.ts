/**
 * `misread-value`: one input or kernel entry copied wrongly (seed 001 labels its fourth input
 * value "(3)" where it is 4). Found by solving rather than searching: an entry a changed by δ
 * changes cell c by δ·K(a, c), where K is the sum of the partners a meets in c's terms. δ comes
 * from the first wrong cell; the entry is named only when that δ reproduces wrong cells exactly
 * and leaves every cell the claim has right unchanged (cells already reproduced by a whole-problem
 * mistake neither count for it nor against it).
 */
import { claimMatches, claimValue } from "../compare.ts";
import { add, div, isZero, mul, sub, type Num } from "../value.ts";
import type { Diagnosis, FitMistake } from "./types.ts";

type Touch = Map<number, Num>; // cell → K

export const misreadValue: FitMistake = {
  id: "misread-value",
  scope: "fit",
  fit({ wrong, claim, truth, terms, xValues, wValues }) {
    const first = wrong[0];
    if (first === undefined) return [];
    const firstClaim = claimValue(claim[first]!);
    if (firstClaim === undefined) return [];
    const firstTerms = terms.termsOf(first);
    const byX = new Map<number, Touch>(), byW = new Map<number, Touch>();
    for (const t of firstTerms) { byX.set(t.x, new Map()); byW.set(t.w, new Map()); }
    // One pass over every cell's terms collects K for the candidate entries only.
    for (let cell = 0; cell < terms.cellCount; cell++) {
      terms.forEachTerm(cell, (x, w) => {
        const tx = byX.get(x);
        if (tx) { const k = tx.get(cell); tx.set(cell, k === undefined ? wValues[w]! : add(k, wValues[w]!)); }
        const tw = byW.get(w);
        if (tw) { const k = tw.get(cell); tw.set(cell, k === undefined ? xValues[x]! : add(k, xValues[x]!)); }
      });
    }
    const wrongSet = new Set(wrong);
    const found: Diagnosis[] = [];
    const tryEntry = (tensor: "input" | "kernel", at: number, actual: Num, touch: Touch) => {
      const k0 = touch.get(first);
      if (k0 === undefined) return;
      const delta = div(sub(firstClaim, truth[first]!), k0);
      if (delta === undefined || isZero(delta)) return;
      const cells: number[] = [];
      for (const [cell, k] of touch) {
        const entry = claim[cell]!;
        if (entry.kind === "unknown") continue;
        const matches = claimMatches(entry, add(truth[cell]!, mul(delta, k)));
        if (wrongSet.has(cell)) { if (matches) cells.push(cell); } else if (!matches && claimMatches(entry, truth[cell]!)) return;
      }
      if (cells.length > 0) {
        cells.sort((a, b) => a - b);
        found.push({ mistake: "misread-value", explains: cells.length, cells, tensor, at, used: add(actual, delta), actual });
      }
    };
    for (const [x, touch] of byX) tryEntry("input", x, xValues[x]!, touch);
    for (const [w, touch] of byW) tryEntry("kernel", w, wValues[w]!, touch);
    // Only the entries explaining the most cells: a misread is one change, so the one that accounts
    // for more of the claim is the smaller story; weaker fits are coincidences.
    const best = Math.max(0, ...found.map((d) => d.explains));
    return found.filter((d) => d.explains === best);
  },
};
