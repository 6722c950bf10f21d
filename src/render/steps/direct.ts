/** View of the direct-convolution step: the padded (zero-inserted) input, the kernel, the windows. */
import { rowMajorStrides, unflatten } from "../../geometry/taps.ts";
import { LIMITS, withGaps } from "../../explain/elision.ts";
import type { DirectStep } from "../../explain/types.ts";
import { cdot, factorTex } from "../tex/scalar.ts";
import { LINE_EM, breakSum, scalarCell, texWidthEm, valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";

export interface DirectAxisView {
  readonly axis: number;
  readonly zerosBetween: number;
  readonly stride: number;
  readonly reach: number;
  readonly padBegin: number;
  readonly padEnd: number;
  readonly pTex: string;
  readonly endTex: string;
  readonly paddedSize: number;
  readonly inSize: number;
  readonly outputPadding: number;
  readonly padding: number;
}

export interface WindowView {
  readonly label: string;
  readonly equation: string;
  readonly focus: boolean;
}

export interface DirectView {
  readonly transposed: boolean;
  readonly axes: readonly DirectAxisView[];
  readonly allSame: boolean;
  readonly padded: readonly MapView[];
  readonly kernel: readonly MapView[];
  readonly windows: readonly WindowView[];
  readonly omitted: number;
  readonly result: readonly MapView[];
  readonly dilated: boolean;
  readonly cropped: boolean;
  readonly channels: boolean;
  /** Whether products with a zero factor were left out of the window sums. */
  readonly zerosLeftOut: boolean;
  /** With several output maps: the output channel the windows draw (only the first map is slid), else "". */
  readonly channelShown: string;
}

export function directView(step: DirectStep, kit: MathKit): DirectView {
  const { d } = kit;
  const info = d.info;
  const transposed = step.op === "transposed";
  const pShape = step.padded.shape, pStr = rowMajorStrides(pShape);
  const pCount = pShape.reduce((a, b) => a * b, 1);
  const kc = info.kernelCount;
  const cig = info.inChannelsPerGroup;
  const paddedCell = (ci: number) => (q: number) => {
    const s = step.padded.source[q]!;
    return s < 0 ? "0" : kit.colour(s, scalarCell(d.x.data[ci * info.inCount + s]!));
  };
  // X′ itself writes each input value's name under it (unless the value is that name), so the
  // spread-out grid says which cell each value is without relying on colour.
  const namedCell = (ci: number) => (q: number) => {
    const s = step.padded.source[q]!;
    if (s < 0) return "0";
    const f = ci * info.inCount + s, e = d.x.data[f]!, name = d.names.x[f]!;
    const value = scalarCell(e);
    return kit.colour(s, e.kind === "symbol" && e.tex === name ? value : `\\underset{${name}}{${value}}`);
  };
  // The kernel as the direct convolution uses it: w[c_in, c_out = 0] flipped (transposed) or w[0, c_in] (conv).
  const kernelFlat = (cil: number, t: number) => (cil * (transposed ? info.outChannelsPerGroup : 1)) * kc + (transposed ? kc - 1 - t : t);
  const kernelCell = (cil: number) => (t: number) => scalarCell(d.w.data[kernelFlat(cil, t)]!);
  const channelsShown = Math.min(cig, 2);
  const label = (letter: string, ci: number) => (cig > 1 ? `${letter}_{${ci + d.indexBase}}` : letter);
  const padded: MapView[] = [], kernel: MapView[] = [];
  for (let ci = 0; ci < channelsShown; ci++) {
    padded.push({ label: label("X'", ci), tex: kit.grid(pShape, namedCell(ci), unflatten(d.focus % info.outCount, info.outSpatial)) });
    kernel.push({ label: label(transposed ? "\\widetilde{W}" : "W", ci), tex: kit.grid(info.kernelSpatial, kernelCell(ci)) });
  }
  const outCount = info.outCount;
  const focus = d.focus % outCount;
  const picks = outCount <= LIMITS.copies ? Array.from({ length: outCount }, (_, i) => i) : [...new Set([0, focus, outCount - 1])].sort((a, b) => a - b);
  // Long expansions (more than 4 products) leave out the products with a zero factor, and say so.
  const dropZeros = kc * cig > 4;
  const isZero = (x: { kind: string; value?: unknown }) => x.kind === "exact" && (x.value as { isZero?: () => boolean }).isZero?.() === true
    || x.kind === "float" && x.value === 0;
  let zerosLeftOut = false;
  const windows: WindowView[] = withGaps(picks).filter((v): v is number => v !== null).map((o) => {
    const win = step.windows[o]!;
    const sums: string[] = [], products: string[] = [];
    for (let cil = 0; cil < cig; cil++) {
      const qAt = (t: number) => {
        const tIdx = unflatten(t, info.kernelSpatial);
        let q = 0;
        tIdx.forEach((v, ax) => { q += (win.origin[ax]! + v * info.axes[ax]!.dilation) * pStr[ax]!; });
        return q;
      };
      const at = (t: number) => paddedCell(cil)(qAt(t));
      sums.push(`\\left\\langle ${kit.grid(info.kernelSpatial, at)}, ${kit.grid(info.kernelSpatial, kernelCell(cil))} \\right\\rangle`);
      // The same pairs as numbers, tap by tap: the formula → numbers → result line of the window.
      for (let t = 0; t < kc; t++) {
        const src = step.padded.source[qAt(t)]!;
        const wv = d.w.data[kernelFlat(cil, t)]!;
        if (dropZeros && (src < 0 || isZero(d.x.data[cil * info.inCount + src]!) || isZero(wv))) { zerosLeftOut = true; continue; }
        const left = src < 0 ? "0" : kit.xValue(cil * info.inCount + src);
        products.push(cdot(left, factorTex(wv)));
      }
    }
    const biasParts = d.bias ? [scalarCell(d.bias.data[0]!)] : [];
    const label = d.names.y[o]!;
    const value = valueTex(d.output[o]!);
    const withBias = (body: string) => kit.sum([body, ...biasParts]);
    const numbers = withBias(kit.sum(products));
    const oneLine = `${label} = ${withBias(sums.join(" + "))} = ${numbers}${numbers === value ? "" : ` = ${value}`}`;
    // One line when it fits (the two bracketed grids estimated by their columns), else aligned rows.
    const gridEm = 1.2 + info.kernelSpatial[info.kernelSpatial.length - 1]! * 1.9;
    const lineEm = texWidthEm(`${label} = ${withBias("")} = ${withBias(kit.sum(products))} = ${value}`) + cig * (2 * gridEm + 2.5);
    const simple = cig === 1 && info.rank <= 2 && lineEm <= LINE_EM;
    let equation = oneLine;
    if (!simple) {
      const rows = sums.map((sm, k) => (k === 0 ? `${label} &= ${sm}` : `&\\quad + ${sm}`));
      if (biasParts.length > 0) rows[rows.length - 1] = withBias(rows[rows.length - 1]!);
      const lines = breakSum(kit.sumParts([...(products.length ? products : ["0"]), ...biasParts]), LINE_EM - texWidthEm(label) - 2);
      lines.forEach((line, k) => rows.push(k === 0 ? `&= ${line}` : `&\\quad ${line}`));
      const last = rows[rows.length - 1]!;
      // A sum that is already the value (every product was zero) is not followed by "= value" again.
      if (lines.length === 1 && lines[0] === value) { /* the row says it */ }
      else if (texWidthEm(`${last} = ${value}`) <= LINE_EM) rows[rows.length - 1] = `${last} = ${value}`;
      else rows.push(`&= ${value}`);
      equation = `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`;
    }
    return { label, equation, focus: o === focus };
  });
  const axes = step.axes.map((a, axis) => {
    const reach = a.dilation * (a.kernel - 1);
    const ax = info.axes[axis]!;
    return {
      axis, zerosBetween: a.zerosBetween, stride: step.stride[axis]!, reach, padBegin: a.padBegin, padEnd: a.padEnd,
      pTex: `${a.dilation}\\cdot(${a.kernel} - 1) - ${ax.padBegin} = ${a.padBegin}`,
      endTex: `${a.dilation}\\cdot(${a.kernel} - 1) - ${ax.padEnd} + ${ax.outputPadding} = ${a.padEnd}`,
      paddedSize: a.paddedSize, inSize: ax.inSize, outputPadding: ax.outputPadding, padding: ax.padBegin,
    };
  });
  const same = axes.every((a) => JSON.stringify({ ...a, axis: 0 }) === JSON.stringify({ ...axes[0]!, axis: 0 }));
  return {
    transposed, axes: same ? [axes[0]!] : axes, allSame: same, padded, kernel, windows,
    omitted: outCount - windows.length, result: outputMaps(kit).maps,
    dilated: info.axes.some((a) => a.dilation > 1),
    cropped: step.axes.some((a) => a.padBegin < 0 || a.padEnd < 0),
    channels: cig > 1,
    zerosLeftOut,
    channelShown: info.outChannels > 1 ? String(d.indexBase) : "",
  };
}
