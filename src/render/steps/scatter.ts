/**
 * View of the scatter step: one piece per input value and output channel (its kernel copy,
 * placed), then the sum. Up to 4 input cells each piece is the whole output grid with the copy in
 * it; past 4 it is the kernel-sized block the copy covers, with where it lands, so a page does not
 * fill with mostly-zero grids.
 */
import { LIMITS, elide, omitted, withGaps } from "../../explain/elision.ts";
import type { ScatterStep } from "../../explain/types.ts";
import { LINE_EM, gridTex, indexText, scalarCell, texWidthEm, valueTex, type MathKit } from "../math.ts";
import { outputMaps, type MapView } from "./common.ts";
import { rowMajorStrides, unflatten } from "../../geometry/taps.ts";

/** Where a block lands on one spatial axis (already in the index base). */
export interface BlockRange {
  readonly axis: number;
  readonly from: number;
  readonly to: number;
}

export interface CopyView {
  /** `x_{0,1}` coloured. */
  readonly name: string;
  /** The value (or user symbol), coloured. */
  readonly value: string;
  /** The kernel slice this copy multiplies: `W`, or `W_{c_in,c_out}` on multi-channel problems. */
  readonly kernel: string;
  /** Output channel label when there are several (`1`), else "". */
  readonly channel: string;
  /** The output grid with this copy placed (other cells 0). */
  readonly grid: string;
  /** The block the copy covers (its taps, 0 between dilated taps) and where it lands. */
  readonly block: string;
  readonly ranges: readonly BlockRange[];
  readonly cropped: number;
  readonly focusMeets: boolean;
}

export interface ScatterView {
  readonly copies: readonly CopyView[];
  readonly omitted: number;
  readonly total: number;
  /** Past 4 input cells: show blocks (see {@link blockRows}) instead of whole grids. */
  readonly blocks: boolean;
  /** `G_0 + G_1 + … = Y` when every copy is shown and the maps are single; else undefined. */
  readonly sumEquation: string | undefined;
  /** The sum before the bias, per output map (only when the problem has a bias). */
  readonly unbiased: readonly MapView[];
  /** `b_c` per output map (in the order of `result`), for the bias step. */
  readonly biasNames: readonly string[];
  readonly biasValues: readonly string[];
  readonly result: readonly MapView[];
  readonly channels: boolean;
  readonly croppedAny: boolean;
  readonly overlaps: boolean;
  readonly bias: boolean;
  /**
   * The blocks as display rows: each an `array` of blocks side by side, with the text
   * `place(ranges)` (the template's words) under each block.
   */
  blockRows(place: (copy: CopyView) => string): string[];
}

/** Estimated width (em) of a bracketed grid of TeX entries, by columns. */
function gridWidthEm(rows: readonly (readonly string[])[]): number {
  const cols = rows[0]?.length ?? 0;
  let w = 1.2;
  for (let c = 0; c < cols; c++) w += Math.max(...rows.map((r) => texWidthEm(r[c] ?? ""))) + 1;
  return w;
}

export function scatterView(step: ScatterStep, kit: MathKit): ScatterView {
  const { d } = kit;
  const info = d.info;
  const perOut = info.outCount;
  const multi = info.inChannels > 1 || info.outChannels > 1;
  const inCells = info.inChannels * info.inCount;
  const blocks = inCells > 4;
  const focusInputs = new Set<number>();
  step.copies.forEach((c, i) => { if (c.placements.some(([o]) => o === d.focus)) focusInputs.add(i); });
  const shown = step.copies.length <= LIMITS.copies
    ? elide(step.copies.length, LIMITS.copies, 0, 0)
    : withGaps([...new Set([0, ...[...focusInputs].slice(0, LIMITS.copies - 2), step.copies.length - 1])].sort((a, b) => a - b));
  const sp = info.outSpatial, rank = sp.length;
  const copies: CopyView[] = [];
  const sizes: number[] = [];
  for (const i of shown) {
    if (i === null) continue;
    const c = step.copies[i]!;
    // One piece per output map the copy reaches (several when a group has several output channels).
    const byMap = new Map<number, [number, number][]>();
    for (const [o, k] of c.placements) {
      const base = o - (o % perOut);
      if (!byMap.has(base)) byMap.set(base, []);
      byMap.get(base)!.push([o % perOut, k]);
    }
    if (byMap.size === 0) byMap.set(0, []);
    for (const [mapBase, list] of byMap) {
      const placed = new Map<number, [number, number]>(list.map(([f, k]) => [f, [c.input, k]]));
      const channel = Math.floor(mapBase / perOut) % info.outChannels;
      const wFlat = list[0]?.[1] ?? 0;
      const slice = Math.floor(wFlat / info.kernelCount);
      const ci = Math.floor(slice / info.outChannelsPerGroup), co = slice % info.outChannelsPerGroup;
      const kernel = multi ? `W_{${indexText([ci, co], d.indexBase)}}` : "W";
      const keep = unflatten(d.focus % perOut, sp);
      // The block: the bounding box of the cells this copy reaches.
      const lo = sp.map(() => Infinity), hi = sp.map(() => -Infinity);
      for (const [f] of list) unflatten(f, sp).forEach((v, ax) => { lo[ax] = Math.min(lo[ax]!, v); hi[ax] = Math.max(hi[ax]!, v); });
      const boxShape = list.length === 0 ? sp.map(() => 1) : sp.map((_, ax) => hi[ax]! - lo[ax]! + 1);
      const strides = rowMajorStrides(sp);
      const boxCell = (f: number) => {
        const at = unflatten(f, boxShape).reduce((acc, v, ax) => acc + (v + (list.length === 0 ? 0 : lo[ax]!)) * strides[ax]!, 0);
        const term = placed.get(at);
        return term ? kit.termProduct(term) : "0";
      };
      const boxRows: string[][] = [];
      const rowsN = rank === 1 ? 1 : boxShape[rank - 2]!, colsN = boxShape[rank - 1]!;
      for (let r = 0; r < rowsN; r++) boxRows.push(Array.from({ length: colsN }, (_, cc) => boxCell(r * colsN + cc)));
      sizes.push(gridWidthEm(boxRows) * (rank > 2 ? boxShape.slice(0, rank - 2).reduce((a, b) => a * b, 1) : 1));
      copies.push({
        name: kit.xName(c.input),
        value: kit.xValue(c.input),
        kernel,
        channel: info.outChannels > 1 ? indexText([channel], d.indexBase) : "",
        grid: blocks ? "" : kit.grid(sp, (f) => {
          const term = placed.get(f);
          return term ? kit.termProduct(term) : "0";
        }, keep),
        // A block's slices are named by where they are in the output, not inside the block.
        block: gridTex(boxShape, boxCell, [], d.indexBase, list.length === 0 ? [] : lo),
        ranges: list.length === 0 ? [] : sp.map((_, ax) => ({ axis: ax, from: lo[ax]! + d.indexBase, to: hi[ax]! + d.indexBase })),
        cropped: c.cropped,
        focusMeets: focusInputs.has(i),
      });
    }
  }
  const total = step.copies.length;
  const single = info.batch * info.outChannels === 1;
  const result = outputMaps(kit).maps;
  const bias = d.bias !== undefined;
  // Before the bias: the output minus b_c, per map.
  const unbiased = bias && step.unbiased
    ? outputMaps(kit, "S", (n, ch) => (f: number) => valueTex(step.unbiased![(n * info.outChannels + ch) * perOut + f]!)).maps
    : [];
  const biasIdx = result.map((m) => m.channel ?? 0);
  // Rows of the scatter sum: as many grids side by side as fit a line; one per line on 1-D.
  let sumEquation: string | undefined;
  if (!blocks && single && total <= 4 && copies.length === total) {
    const cols = rank === 1 ? sp[0]! : sp[rank - 1]!;
    const gridW = 1.0 + cols * 1.6;
    // 1-D rows that do not all fit one line are added as a column sum, one row under the other.
    const perLine = Math.max(1, Math.floor(LINE_EM / (gridW + 2)));
    const stack = rank === 1 ? 1 : perLine;
    const grids = copies.map((c) => c.grid);
    if (grids.length + 1 <= perLine) sumEquation = `${grids.join(" + ")} = ${result[0]!.tex}`;
    else {
      const rows: string[] = [];
      for (let k = 0; k < grids.length; k += stack) rows.push(`${k === 0 ? "&\\phantom{{}={}}" : "&+\\;"} ${grids.slice(k, k + stack).join(" + ")}`);
      rows.push(`&=\\; ${result[0]!.tex}`);
      sumEquation = `\\begin{aligned} ${rows.join(" \\\\ ")} \\end{aligned}`;
    }
  }
  return {
    copies, omitted: omitted(shown, total), total, blocks, sumEquation, result, unbiased, overlaps: step.overlaps,
    biasNames: bias ? biasIdx.map((c) => d.names.bias[c]!) : [],
    biasValues: bias ? biasIdx.map((c) => scalarCell(d.bias!.data[c]!)) : [],
    channels: multi, croppedAny: step.copies.some((c) => c.cropped > 0), bias,
    blockRows: (place) => {
      // Past 4 input cells: blocks with where they land; else whole grids. Side by side as they fit.
      const widest = Math.max(1, ...sizes);
      const cells = copies.map((c) => {
        const head = blocks ? `${c.name}\\,${c.kernel} = ${c.value}\\cdot ${c.kernel} = ` : `${c.name}\\,${c.kernel} = ${c.value}\\cdot ${c.kernel} \\;\\longrightarrow\\; `;
        const width = texWidthEm(head) + (blocks ? widest : 1.0 + sp[rank - 1]! * 1.6);
        return { tex: `${head}${blocks ? c.block : c.grid}`, width, text: place(c) };
      });
      const w = Math.max(1, ...cells.map((c) => c.width));
      const per = rank > 2 && !blocks ? 1 : Math.max(1, Math.floor(LINE_EM / (w + 2)));
      const rows: string[] = [];
      for (let k = 0; k < cells.length; k += per) {
        const group = cells.slice(k, k + per);
        // Copies side by side, a \\qquad column between them.
        const cols = "c".repeat(2 * group.length - 1);
        const texts = group.some((g) => g.text !== "") ? ` \\\\ ${group.map((g) => (g.text === "" ? "" : `\\text{${g.text}}`)).join(" & & ")}` : "";
        rows.push(group.length === 1 && texts === "" ? group[0]!.tex : `\\begin{array}{${cols}} ${group.map((g) => g.tex).join(" & \\qquad & ")}${texts} \\end{array}`);
      }
      return rows;
    },
  };
}
