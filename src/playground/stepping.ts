/**
 * The playground's second stepper: the direct convolution, one output cell per step. A window the
 * size of the (dilated) kernel slides over the zero-inserted, padded input (for an ordinary
 * convolution, over the padded input), as the walkthrough's direct view and its diagram draw it;
 * each step writes the window's products out and their sum, which is that output cell. Every
 * window position comes from the geometry (`directWindowAxes`), not from index arithmetic here.
 *
 * `directWindow` is pure (tested in node); `directStepper` draws a step into the page.
 */
import { directWindowAxes, Rational, type CellSums, type DirectWindowAxis, type Problem, type Scalar } from "../browser.ts";
import type { UiStrings } from "./strings.ts";
import { flatten, unflatten, weightOffset } from "../geometry/taps.ts";
import { gridTables } from "./grid-tables.ts";

/** One tap of a window: where it reads, what it reads and which weight it meets. */
export interface WindowTap {
  /** Drawn position on each spatial axis (the zero-inserted input's coordinates; padding < 0). */
  readonly pos: readonly number[];
  /** The input channel read. */
  readonly inChannel: number;
  /** Flat index into the input [N, C_in, *in], or -1 where the window reads a zero. */
  readonly input: number;
  /** Flat index into the weights of the tap this position meets (the drawn kernel is rotated for a transposed convolution). */
  readonly weight: number;
  /** The kernel tap (spatial, unrotated). */
  readonly tap: readonly number[];
}

/** The window of one output cell. */
export interface Window {
  /** Flat index into the output [N, C_out, *out]. */
  readonly out: number;
  readonly batch: number;
  readonly outChannel: number;
  /** The output cell's spatial index. */
  readonly at: readonly number[];
  /** Every tap, input channel by input channel of the cell's group, then the drawn taps row-major. */
  readonly taps: readonly WindowTap[];
}


/**
 * The window of output cell `out` (flat over [N, C_out, *out]).
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * directWindow(p, directWindowAxes(p.info), 4).taps.map((t) => t.input) // → [0, 1, 2, 3] (y(1,1) reads all four inputs)
 */
export function directWindow(problem: Problem, axes: readonly DirectWindowAxis[], out: number): Window {
  const info = problem.info;
  const o = out % info.outCount, nc = (out - o) / info.outCount;
  const co = nc % info.outChannels, n = (nc - co) / info.outChannels;
  const at = unflatten(o, info.outSpatial);
  const g = Math.floor(co / info.outChannelsPerGroup);
  const taps: WindowTap[] = [];
  for (let cil = 0; cil < info.inChannelsPerGroup; cil++) {
    const ci = g * info.inChannelsPerGroup + cil;
    const wBase = weightOffset(info, ci, co);
    for (let d = 0; d < info.kernelCount; d++) {
      const drawn = unflatten(d, info.kernelSpatial);
      const pos = drawn.map((t, ax) => axes[ax]!.windowAt(at[ax]!, t));
      const a = pos.map((r, ax) => (axes[ax]!.inWindowRange(r) ? axes[ax]!.inputAt(r) : -1));
      const tap = drawn.map((t, ax) => axes[ax]!.kernelTap(t));
      taps.push({
        pos, inChannel: ci, tap,
        input: a.every((v) => v >= 0) ? (n * info.inChannels + ci) * info.inCount + flatten(a, info.inSpatial) : -1,
        weight: wBase + flatten(tap, info.kernelSpatial),
      });
    }
  }
  return { out, batch: n, outChannel: co, at, taps };
}

// ---------------------------------------------------------------------------------------------
// Exact sums of the products (numbers only; symbols are written, not summed)

type Num = Rational | number;
const numOf = (s: Scalar): Num | undefined => (s.kind === "exact" ? s.value : s.kind === "float" ? s.value : undefined);
const toNumber = (a: Num): number => (typeof a === "number" ? a : a.toNumber());
const add = (a: Num, b: Num): Num => (typeof a !== "number" && typeof b !== "number" ? a.add(b) : toNumber(a) + toNumber(b));
const mul = (a: Num, b: Num): Num => (typeof a !== "number" && typeof b !== "number" ? a.mul(b) : toNumber(a) * toNumber(b));
const numText = (a: Num): string => (typeof a === "number" ? String(Object.is(a, -0) ? 0 : a) : a.toString());
const scalarText = (s: Scalar): string => (s.kind === "symbol" ? s.name : s.kind === "expression" ? s.text : s.kind === "exact" ? s.value.toString() : String(s.value));
const paren = (t: string) => (t.startsWith("-") ? `(${t})` : t);
/** An entry as a factor of a product: an expression entry (`2a + b`) in parentheses, like a negative number. */
const factorText = (s: Scalar) => (s.kind === "expression" ? `(${s.text})` : paren(scalarText(s)));

/**
 * The window's term written out: `y(i,j) = x·w + 0·w + … = value` (the value when every entry is a
 * number, computed exactly from the products shown).
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * windowTerm(p, directWindow(p, directWindowAxes(p.info), 4)) // → "y(1,1) = 1·(-1) + 2·0 + 3·0 + 4·1 = 3"
 */
export function windowTerm(problem: Problem, win: Window): string {
  const { info, x, w, bias } = problem;
  let sum: Num | undefined = Rational.ZERO;
  const parts = win.taps.map((t) => {
    const xs = t.input >= 0 ? x.data[t.input]! : undefined, ws = w.data[t.weight]!;
    const xv = xs ? numOf(xs) : Rational.ZERO, wv = numOf(ws);
    sum = sum !== undefined && xv !== undefined && wv !== undefined ? add(sum, mul(xv, wv)) : undefined;
    return `${xs ? factorText(xs) : "0"}·${factorText(ws)}`;
  });
  if (bias) {
    const b = bias.data[win.outChannel]!, bv = numOf(b);
    sum = sum !== undefined && bv !== undefined ? add(sum, bv) : undefined;
    parts.push(factorText(b));
  }
  const channels = info.outChannels > 1 || info.batch > 1;
  const name = `y${channels ? `[${info.batch > 1 ? `${win.batch},` : ""}${win.outChannel}]` : ""}(${win.at.join(",")})`;
  return `${name} = ${parts.join(" + ")}${sum !== undefined ? ` = ${numText(sum)}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** What the stepper draws into and reads from the page. */
export interface DirectStepperTarget {
  readonly gridEl: HTMLElement;
  readonly textEl: HTMLElement;
  /** The page's current strings (the language may change between steps). */
  strings(): UiStrings;
}

/** The direct-convolution stepper of one problem. */
export interface DirectStepper {
  /** Steps: one per output cell (every batch and channel). */
  readonly count: number;
  /** Draws the state after `k` steps (0: nothing computed yet). */
  draw(k: number): void;
}

/**
 * The direct-convolution stepper for a problem whose cells the page has derived. Step k shows the
 * window of output cell k (row-major over batch, channel and space) on the padded input, the
 * kernel as the window applies it, and the output with the cells done so far.
 */
export function directStepper(problem: Problem, cells: CellSums, target: DirectStepperTarget): DirectStepper {
  const { info, x, w } = problem;
  const axes = directWindowAxes(info);
  const transposed = info.op === "transposed";
  const drawnShape = axes.map((a) => a.hi - a.lo);
  const value = (f: number): string => {
    const v = cells.value(f);
    if (v === undefined) return "✓";
    return typeof v === "number" ? String(Object.is(v, -0) ? 0 : v) : v.toString();
  };

  function draw(k: number): void {
    const s = target.strings();
    const grid = target.gridEl;
    grid.classList.remove("stale");
    grid.replaceChildren();
    const win = k > 0 ? directWindow(problem, axes, k - 1) : directWindow(problem, axes, 0);
    const current = k > 0;
    const n = win.batch;
    const channelName = (c: number, channels: number) => (channels > 1 ? ` · ${s.channel} ${c}` : "");
    const batchName = info.batch > 1 ? ` · ${s.batch} ${n}` : "";

    const pair = document.createElement("div");
    pair.className = "direct-step";
    const g = Math.floor(win.outChannel / info.outChannelsPerGroup);
    for (let cil = 0; cil < info.inChannelsPerGroup; cil++) {
      const ci = g * info.inChannelsPerGroup + cil;
      const taps = new Map<string, { weight: number }>();
      if (current) for (const t of win.taps) if (t.inChannel === ci) taps.set(t.pos.join(","), { weight: t.weight });
      pair.append(gridTables(drawnShape, `${transposed ? s.stepPaddedInput : s.stepConvInput}${batchName}${channelName(ci, info.inChannels)}`, s.slice, (_flat, idx, td) => {
        const pos = idx.map((v, ax) => v + axes[ax]!.lo);
        const cropped = pos.some((r, ax) => !axes[ax]!.inWindowRange(r));
        const padding = pos.some((r, ax) => axes[ax]!.isPadding(r));
        const a = pos.map((r, ax) => axes[ax]!.inputAt(r));
        const isInput = a.every((v) => v >= 0);
        td.dataset["stepPad"] = pos.join(",");
        td.className = cropped ? "crop" : isInput ? "inp" : padding ? "pad" : "ins";
        td.textContent = isInput ? scalarText(x.data[(n * info.inChannels + ci) * info.inCount + flatten(a, info.inSpatial)]!) : "0";
        if (isInput) td.dataset["stepInput"] = a.join(",");
        const tap = taps.get(pos.join(","));
        if (tap) {
          td.classList.add("win");
          const small = document.createElement("small");
          small.textContent = `×${factorText(w.data[tap.weight]!)}`;
          td.append(small);
        }
      }));
      // The kernel as the window applies it: drawn tap d holds weight tap kernelTap(d).
      const wBase = weightOffset(info, ci, win.outChannel);
      pair.append(gridTables(info.kernelSpatial, `${transposed ? s.stepFlippedKernel : s.stepKernel}${channelName(ci, info.inChannels)}${info.outChannels > 1 ? ` → ${s.channel} ${win.outChannel}` : ""}`, s.slice, (_flat, idx, td) => {
        const tap = idx.map((t, ax) => axes[ax]!.kernelTap(t));
        td.textContent = scalarText(w.data[wBase + flatten(tap, info.kernelSpatial)]!);
        td.dataset["stepTap"] = tap.join(",");
      }));
    }
    grid.append(pair);
    const legend = document.createElement("p");
    legend.className = "note";
    legend.textContent = transposed ? s.stepLegend : s.stepLegendConv;
    grid.append(legend);

    const outs = document.createElement("div");
    outs.className = "direct-out";
    for (let nn = 0; nn < info.batch; nn++) {
      for (let c = 0; c < info.outChannels; c++) {
        const base = (nn * info.outChannels + c) * info.outCount;
        outs.append(gridTables(info.outSpatial, `${s.outputGrid}${info.batch > 1 ? ` · ${s.batch} ${nn}` : ""}${channelName(c, info.outChannels)}`, s.slice, (_flat, idx, td) => {
          const f = base + flatten(idx, info.outSpatial);
          td.dataset["stepOut"] = idx.join(",");
          td.textContent = f < k ? value(f) : "·";
          if (current && f === k - 1) td.classList.add("added");
        }));
      }
    }
    grid.append(outs);
    target.textEl.textContent = current ? windowTerm(problem, win) : s.stepDirectStart;
  }

  return { count: cells.count, draw };
}
