/**
 * The SVG figures of an HTML walkthrough, from the diagrams module, labelled with the
 * problem's own values (or symbols) and the focus cell.
 */
import type { Scalar } from "../algebra/scalar.ts";
import { valueTex } from "./math.ts";
import type { Derivation, OverlapStep } from "../explain/types.ts";
import type { HeatmapVerdict } from "./svg/strings.ts";
import { directConvDiagram, overlapHeatmap, scatterDiagram } from "./svg/index.ts";
import { unflatten } from "../geometry/taps.ts";
import { numberTex } from "./tex/scalar.ts";
import { pageColouring } from "./colouring.ts";
import type { Locale } from "../spec/locale.ts";

const label = (s: Scalar) => (s.kind === "symbol" ? s.name : s.kind === "expression" ? s.text : s.kind === "exact" ? s.value.toString() : String(s.value));

/**
 * Figures by name (`scatter`, `direct`, `overlap`) for the sections present.
 *
 * @example Object.keys(figuresFor(seedDerivation, "en")) // → ["scatter", "direct", "overlap"]
 */
export function figuresFor(d: Derivation, locale: Locale): Record<string, string> {
  const info = d.info;
  const kinds = new Set(d.steps.map((s) => s.kind));
  const inputLabels = d.x.data.slice(0, info.inCount).map(label);
  const kernelLabels = d.w.data.slice(0, info.kernelCount).map(label);
  const outputLabels = d.output.slice(0, info.outCount).map((v) => valueTex(v).replace(/\\frac\{(\d+)\}\{(\d+)\}/g, "$1/$2"));
  const focus = unflatten(d.focus % info.outCount, info.outSpatial);
  const common = { lang: locale, indexBase: d.indexBase, focus, colouring: pageColouring(d) } as const;
  const inputNames = d.names.x.slice(0, info.inCount);
  // x·w of one term, as the 1-D copy rows print it (the same arithmetic as the copy grids of the scatter step).
  const productLabel = (i: number, k: number): string => {
    const a = d.x.data[i]!, b = d.w.data[k]!;
    const wrap = (s: Scalar) => (s.kind === "expression" ? `(${s.text})` : label(s));
    if (a.kind === "symbol" || b.kind === "symbol" || a.kind === "expression" || b.kind === "expression") return `${wrap(a)}·${wrap(b)}`;
    const v = typeof a.value === "number" || typeof b.value === "number"
      ? (typeof a.value === "number" ? a.value : a.value.toNumber()) * (typeof b.value === "number" ? b.value : b.value.toNumber())
      : a.value.mul(b.value);
    return numberTex(v).replace(/\\frac\{(-?\d+)\}\{(\d+)\}/g, "$1/$2");
  };
  const out: Record<string, string> = {};
  if (kinds.has("scatter") && info.op === "transposed") out["scatter"] = scatterDiagram(info, { ...common, inputLabels, kernelLabels, outputLabels, inputNames, productLabel });
  if (kinds.has("direct")) out["direct"] = directConvDiagram(info, { ...common, inputLabels, kernelLabels, outputLabels, window: focus });
  const overlap = d.steps.find((s) => s.kind === "overlap");
  if (overlap) out["overlap"] = overlapHeatmap(info, { ...common, highlight: focus, verdict: heatmapVerdict(overlap) });
  return out;
}

/**
 * The heatmap's verdict from the overlap step's predicates.
 *
 * @example heatmapVerdict(seedDerivation.steps.find((s) => s.kind === "overlap")) // → "even"
 */
export function heatmapVerdict(step: OverlapStep): HeatmapVerdict {
  if (step.compensates) return "compensates";
  if (!step.checkerboard) return "even";
  return step.even ? "kernel-pattern" : "checkerboard";
}
