/**
 * The playground page's script (bundled by src/playground/build.ts into one offline HTML file).
 * It uses only the core's public exports: the form's fields (named as the CLI's options) become
 * a problem, `evaluate` + `evaluationJson` give `[data-tconv-output]` as `tconv eval --json`
 * prints it, `explain` + `renderDerivation` the derivation, and the cell sums (`deriveCells`)
 * every link between an output cell and the input cells that feed it.
 *
 * Safety: user-typed text reaches the page only through `textContent`, attribute values and the
 * core (whose HTML escapes it); the only `innerHTML` is the derivation the core rendered. Every
 * failure is caught and shown in `[data-tconv-error]`: nothing reaches the console.
 */
import { all, create } from "mathjs";
import {
  check, checkJson, cliNames, deriveCells, renderCheckHtml, evaluate, evaluationJson, explain, installPlatform, isTconvError, parseProblem, renderHtmlParts,
  Rational, TconvError, type CellSums, type Problem, type ProblemOptions, type Scalar,
} from "../browser.ts";
import { decodeFragment, encodeFragment, FIELDS, SEED, type Field, type FieldValues } from "./fields.ts";
import { PRESETS, UI, langFieldValue, uiLang } from "./strings.ts";
import type { Locale } from "../spec/locale.ts";
import { TracePanel } from "./trace.ts";
import { gridTables } from "./grid-tables.ts";
import { unflatten } from "../geometry/taps.ts";
import { directStepper, type DirectStepper } from "./stepping.ts";
import { cancelParts, showParts } from "./lazy.ts";

installPlatform({ loadMathjs: () => ({ create: (config?: object) => create(all!, config) }) });

const $ = <T extends Element>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`playground: ${sel} is missing`);
  return el;
};

const form = $<HTMLFormElement>("#problem");
const outputEl = $<HTMLElement>("[data-tconv-output]");
const errorEl = $<HTMLElement>("[data-tconv-error]");
const noteEl = $<HTMLElement>("#note");
const derivationEl = $<HTMLElement>("#derivation");
const gridsEl = $<HTMLElement>("#grids");
const sumEl = $<HTMLElement>("#sum");
const copyBtn = $<HTMLButtonElement>("#copy");
const copyStatus = $<HTMLElement>("#copy-status");
const stepGridEl = $<HTMLElement>("#step-grid");
const claimEl = $<HTMLTextAreaElement>("#claim");
const checkErrorEl = $<HTMLElement>("#check-error");
const checkReportEl = $<HTMLElement>("#check-report");
const stepTextEl = $<HTMLElement>("#step-text");
const stepCountEl = $<HTMLElement>("#step-count");
/** The trace panel (cell sums, C and Cᵀ, the direct view); it also lights the derivation's diagrams. */
const tracer = new TracePanel($<HTMLElement>("#trace"), [derivationEl]);

/** How long typing pauses before the page recomputes. */
const DEBOUNCE_MS = 250;

const fieldEl = (f: Field) => form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement | null;

function readForm(): FieldValues {
  const v: FieldValues = {};
  for (const f of FIELDS) {
    const el = fieldEl(f);
    if (el && el.value.trim() !== "") v[f] = el.value;
  }
  return v;
}

function fillForm(values: FieldValues): void {
  for (const f of FIELDS) {
    const el = fieldEl(f);
    if (!el) continue;
    el.value = f === "lang" ? langFieldValue(uiLang(values.lang)) : values[f] ?? "";
  }
}

// ---------------------------------------------------------------------------------------------
// Language

let lang: Locale = "en";

function applyLang(next: Locale): void {
  lang = next;
  const s = UI[next];
  document.documentElement.lang = next;
  document.title = s.title;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-i18n]"))) {
    const key = el.dataset["i18n"]!;
    const [group, name] = key.split(".") as [string, string | undefined];
    const table = s as unknown as Record<string, unknown>;
    const text = name === undefined ? table[group] : (table[group] as Record<string, string> | undefined)?.[name];
    if (typeof text === "string") el.textContent = text;
  }
}

// ---------------------------------------------------------------------------------------------
// The problem and its views

const OPTION_KEYS: Partial<Record<Field, keyof ProblemOptions>> = {
  stride: "stride", padding: "padding", dilation: "dilation", "output-padding": "outputPadding",
  "output-size": "outputSize", groups: "groups", bias: "bias", op: "op", layout: "layout",
};

/** The problem, validated as the CLI validates it, errors naming the CLI's options. */
function problemOf(values: FieldValues): Problem {
  const input = values.input, kernel = values.kernel;
  if (input === undefined) throw new TconvError("missing-option", cliNames.input, "required: the input tensor, e.g. --input '[[1,2],[3,4]]'");
  if (kernel === undefined) throw new TconvError("missing-option", cliNames.kernel, "required: the kernel tensor, e.g. --kernel '[[1,0],[0,-1]]'");
  const opts: Record<string, unknown> = { names: cliNames, input, kernel, allowSymbols: true };
  for (const [field, key] of Object.entries(OPTION_KEYS) as [Field, keyof ProblemOptions][]) {
    const v = values[field];
    if (v !== undefined) opts[key] = v;
  }
  return parseProblem(opts as unknown as ProblemOptions);
}

/** The problem's options for the checker (which parses the problem itself, numbers only). */
function checkOptionsOf(values: FieldValues): ProblemOptions {
  const opts: Record<string, unknown> = { names: cliNames, input: values.input, kernel: values.kernel };
  for (const [field, key] of Object.entries(OPTION_KEYS) as [Field, keyof ProblemOptions][]) {
    const v = values[field];
    if (v !== undefined) opts[key] = v;
  }
  return opts as unknown as ProblemOptions;
}

/** The part of a rendered walkthrough inside `<main>` (the core escaped every user text in it). */
function mainOf(html: string): string {
  const open = html.indexOf("<main>"), close = html.lastIndexOf("</main>");
  return open >= 0 && close > open ? html.slice(open + "<main>".length, close) : "";
}

/** What one successful computation shows. */
interface Shown {
  readonly problem: Problem;
  readonly cells: CellSums;
  /** For each spatial input flat index, the spatial output cells its kernel copy reaches. */
  readonly reach: number[][];
}

let shown: Shown | undefined;

function compute(values: FieldValues, writeFragment: boolean): void {
  applyLang(uiLang(values.lang));
  if (writeFragment) {
    const fragment = encodeFragment(values);
    try {
      history.replaceState(null, "", `#${fragment}`);
    } catch {
      // Some file: contexts refuse history writes; the form still holds the problem.
    }
  }
  try {
    const problem = problemOf(values);
    let json = "", note = "";
    try {
      json = evaluationJson(evaluate(problem, { names: cliNames }));
    } catch (e) {
      if (!(isTconvError(e) && e.code === "symbolic-entries")) throw e;
      note = UI[lang].symbolic;
    }
    const derivation = explain(problem);
    const parts = renderHtmlParts(derivation, { locale: lang });
    const cells = deriveCells(problem.info, problem.x, problem.w, problem.bias);
    const reach: number[][] = Array.from({ length: problem.info.inCount }, () => []);
    const { start, input } = cells.spatial;
    for (let o = 0; o < problem.info.outCount; o++) {
      for (let j = start[o]!; j < start[o + 1]!; j++) reach[input[j]!]!.push(o);
    }
    shown = { problem, cells, reach };
    outputEl.textContent = json;
    noteEl.textContent = note;
    errorEl.textContent = "";
    errorEl.hidden = true;
    // The opening and first sections now, the rest as they are reached (./lazy.ts): a big problem stays responsive.
    showParts(derivationEl, parts, (e) => {
      errorEl.textContent = isTconvError(e) ? e.toLine() : `error: ${e instanceof Error ? e.message : String(e)}`;
      errorEl.hidden = false;
    });
    derivationEl.classList.remove("stale");
    derivationEl.removeAttribute("title");
    drawGrids(shown);
    tracer.show(problem, cells, lang, UI[lang]);
    resetStepper(shown);
    runCheck(values);
  } catch (e) {
    errorEl.textContent = isTconvError(e) ? e.toLine() : `error: ${e instanceof Error ? e.message : String(e)}`;
    errorEl.hidden = false;
    outputEl.textContent = ""; // as `tconv eval --json` prints nothing on stdout for bad input
    cancelParts();
    derivationEl.classList.add("stale");
    gridsEl.classList.add("stale");
    stepGridEl.classList.add("stale");
    tracer.stale();
    stopPlaying();
    derivationEl.title = UI[lang].stale;
  }
}

// ---------------------------------------------------------------------------------------------
// Grids and tracing

function scalarText(s: Scalar): string {
  if (s.kind === "symbol") return s.name;
  if (s.kind === "expression") return s.text;
  if (s.kind === "exact") return s.value.toString();
  return String(s.value);
}

function valueText(v: ReturnType<CellSums["value"]>): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === "number" ? String(Object.is(v, -0) ? 0 : v) : v.toString();
}


function drawGrids(s: Shown): void {
  const { info, x } = s.problem;
  gridsEl.classList.remove("stale");
  gridsEl.replaceChildren();
  const strings = UI[lang];
  const label = (n: number, c: number, channels: number) =>
    `${info.batch > 1 ? `${strings.batch} ${n} · ` : ""}${channels > 1 ? `${strings.channel} ${c}` : ""}`;

  const xSide = document.createElement("div");
  xSide.className = "grid-side";
  const xHead = document.createElement("h3");
  xHead.textContent = strings.inputGrid;
  xSide.append(xHead);
  let firstIn = true;
  for (let n = 0; n < info.batch; n++) {
    for (let c = 0; c < info.inChannels; c++) {
      const base = (n * info.inChannels + c) * info.inCount;
      xSide.append(gridTables(info.inSpatial, label(n, c, info.inChannels), UI[lang].slice, (flat, _idx, td) => {
        td.textContent = scalarText(x.data[base + flat]!);
        td.dataset["in"] = unflatten(flat, info.inSpatial).join(",");
        td.dataset["n"] = String(n);
        td.dataset["c"] = String(c);
        td.tabIndex = firstIn ? 0 : -1;
        firstIn = false;
      }));
    }
  }

  const ySide = document.createElement("div");
  ySide.className = "grid-side";
  const yHead = document.createElement("h3");
  yHead.textContent = strings.outputGrid;
  ySide.append(yHead);
  let first = true;
  for (let n = 0; n < info.batch; n++) {
    for (let c = 0; c < info.outChannels; c++) {
      const base = (n * info.outChannels + c) * info.outCount;
      ySide.append(gridTables(info.outSpatial, label(n, c, info.outChannels), UI[lang].slice, (flat, _idx, td) => {
        const v = valueText(s.cells.value(base + flat));
        td.textContent = v ?? "·";
        td.dataset["out"] = unflatten(flat, info.outSpatial).join(",");
        td.dataset["n"] = String(n);
        td.dataset["c"] = String(c);
        td.tabIndex = first ? 0 : -1;
        first = false;
      }));
    }
  }
  gridsEl.append(xSide, ySide);
  sumEl.textContent = strings.traceIdle;
}

function clearLit(): void {
  for (const el of Array.from(gridsEl.querySelectorAll(".lit, .source"))) el.classList.remove("lit", "source");
  tracer.clear();
}

/** Lights the input cells that feed output cell `td` and writes its cell sum. */
function traceOutput(td: HTMLElement): void {
  if (!shown) return;
  clearLit();
  const { info, x, w } = shown.problem;
  const n = Number(td.dataset["n"]), co = Number(td.dataset["c"]);
  const o = td.dataset["out"]!.split(",").reduce((acc, v, ax) => acc * info.outSpatial[ax]! + Number(v), 0);
  const flat = (n * info.outChannels + co) * info.outCount + o;
  td.classList.add("source");
  tracer.output(n, co, o, UI[lang]);
  const parts: string[] = [];
  shown.cells.forEachTerm(flat, (inputFlat, kernelFlat) => {
    const sp = inputFlat % info.inCount, nc = (inputFlat - sp) / info.inCount;
    const ci = nc % info.inChannels;
    const sel = `[data-in="${unflatten(sp, info.inSpatial).join(",")}"][data-n="${n}"][data-c="${ci}"]`;
    gridsEl.querySelector(sel)?.classList.add("lit");
    parts.push(`${factorText(x.data[inputFlat]!)}·${factorText(w.data[kernelFlat]!)}`);
  });
  if (shown.problem.bias) parts.push(factorText(shown.problem.bias.data[co]!));
  const value = valueText(shown.cells.value(flat));
  const name = `y${info.outChannels > 1 || info.batch > 1 ? `[${info.batch > 1 ? `${n},` : ""}${co}]` : ""}(${td.dataset["out"]})`;
  sumEl.textContent = `${name} = ${parts.length ? parts.join(" + ") : "0"}${value !== undefined && parts.length > 0 ? ` = ${value}` : ""}`;
}

const paren = (t: string) => (t.startsWith("-") ? `(${t})` : t);
/** An entry as a factor of a product: an expression entry (`2a + b`) in parentheses, like a negative number. */
const factorText = (s: Scalar) => (s.kind === "expression" ? `(${s.text})` : paren(scalarText(s)));

/** Lights the output cells that input cell `td`'s kernel copy reaches. */
function traceInput(td: HTMLElement): void {
  if (!shown) return;
  clearLit();
  const { info } = shown.problem;
  const n = Number(td.dataset["n"]), ci = Number(td.dataset["c"]);
  const sp = td.dataset["in"]!.split(",").reduce((acc, v, ax) => acc * info.inSpatial[ax]! + Number(v), 0);
  td.classList.add("source");
  tracer.input(n, ci, sp, UI[lang]);
  const g = Math.floor(ci / info.inChannelsPerGroup);
  const reached = shown.reach[sp]!;
  for (let col = 0; col < info.outChannelsPerGroup; col++) {
    const co = g * info.outChannelsPerGroup + col;
    for (const o of reached) {
      gridsEl.querySelector(`[data-out="${unflatten(o, info.outSpatial).join(",")}"][data-n="${n}"][data-c="${co}"]`)?.classList.add("lit");
    }
  }
  const xv = scalarText(shown.problem.x.data[(n * info.inChannels + ci) * info.inCount + sp]!);
  sumEl.textContent = `x(${td.dataset["in"]}) = ${xv} ${UI[lang].feeds} ${reached.map((o) => `y(${unflatten(o, info.outSpatial).join(",")})`).join(", ")}`;
}

gridsEl.addEventListener("mouseover", (ev) => {
  const td = (ev.target as Element).closest<HTMLElement>("td[data-out], td[data-in]");
  if (!td) return;
  if (td.dataset["out"] !== undefined) traceOutput(td); else traceInput(td);
});
gridsEl.addEventListener("focusin", (ev) => {
  const td = (ev.target as Element).closest<HTMLElement>("td[data-out], td[data-in]");
  if (!td) return;
  if (td.dataset["out"] !== undefined) traceOutput(td); else traceInput(td);
});
gridsEl.addEventListener("mouseleave", () => {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.dataset["out"] !== undefined && gridsEl.contains(active)) traceOutput(active);
  else if (active instanceof HTMLElement && active.dataset["in"] !== undefined && gridsEl.contains(active)) traceInput(active);
  else { clearLit(); sumEl.textContent = UI[lang].traceIdle; }
});

/** Arrow keys move the focus within a grid (input or output), one cell along the last or the second-to-last axis. */
const MOVES: Record<string, [axisFromEnd: number, delta: number]> = {
  ArrowLeft: [1, -1], ArrowRight: [1, 1], ArrowUp: [2, -1], ArrowDown: [2, 1],
};

gridsEl.addEventListener("keydown", (ev) => {
  const td = (ev.target as Element).closest<HTMLElement>("td[data-out], td[data-in]");
  const move = MOVES[ev.key];
  if (!td || !move || !shown) return;
  const attr = td.dataset["out"] !== undefined ? "out" : "in";
  const idx = td.dataset[attr]!.split(",").map(Number);
  const ax = idx.length - move[0];
  if (ax < 0) return;
  idx[ax] = idx[ax]! + move[1];
  const next = td.closest(".grid-block")?.querySelector<HTMLElement>(`td[data-${attr}="${idx.join(",")}"]`);
  ev.preventDefault();
  if (!next) return;
  td.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
});

// ---------------------------------------------------------------------------------------------
// Check mode: a pasted claim, the checker's report, wrong cells boxed in Y

let checkRun = 0;

function runCheck(values: FieldValues): void {
  const run = ++checkRun;
  for (const el of Array.from(gridsEl.querySelectorAll(".wrong"))) el.classList.remove("wrong");
  const text = claimEl.value;
  checkErrorEl.hidden = true;
  checkErrorEl.textContent = "";
  delete checkReportEl.dataset["correct"];
  if (text.trim() === "" || !shown) {
    checkReportEl.replaceChildren();
    return;
  }
  const fail = (e: unknown) => {
    if (run !== checkRun) return;
    checkErrorEl.textContent = isTconvError(e) ? e.toLine() : `error: ${e instanceof Error ? e.message : String(e)}`;
    checkErrorEl.hidden = false;
    checkReportEl.replaceChildren();
  };
  try {
    const { problem, result } = check({ ...checkOptionsOf(values), names: cliNames, claim: text });
    const info = problem.info;
    for (const w of result.wrong) {
      const o = w.cell % info.outCount, nc = (w.cell - o) / info.outCount;
      const co = nc % info.outChannels, n = (nc - co) / info.outChannels;
      gridsEl.querySelector(`td[data-out="${unflatten(o, info.outSpatial).join(",")}"][data-n="${n}"][data-c="${co}"]`)?.classList.add("wrong");
    }
    checkReportEl.dataset["correct"] = String(checkJson(problem, result).correct);
    checkReportEl.innerHTML = mainOf(renderCheckHtml(problem, result, { lang }));
  } catch (e) {
    fail(e);
  }
}

let claimTimer: ReturnType<typeof setTimeout> | undefined;
claimEl.addEventListener("input", () => {
  if (claimTimer !== undefined) clearTimeout(claimTimer);
  claimTimer = setTimeout(() => { claimTimer = undefined; if (shown) runCheck(readForm()); }, DEBOUNCE_MS);
});

// ---------------------------------------------------------------------------------------------
// Stepping through the scatter: one input cell's copy per step, running sums exact

type Num = Rational | number;
const numOf = (s: Scalar): Num => (s.kind === "exact" ? s.value : s.kind === "float" ? s.value : Number.NaN);
const addNum = (a: Num, b: Num): Num => (typeof a !== "number" && typeof b !== "number" ? a.add(b) : toNumber(a) + toNumber(b));
const mulNum = (a: Num, b: Num): Num => (typeof a !== "number" && typeof b !== "number" ? a.mul(b) : toNumber(a) * toNumber(b));
const toNumber = (a: Num): number => (typeof a === "number" ? a : a.toNumber());
const numText = (a: Num): string => (typeof a === "number" ? String(Object.is(a, -0) ? 0 : a) : a.toString());

interface Step {
  /** Flat index into the input [N, C_in, *in]. */
  readonly input: number;
  /** Every (output flat, weight flat) pair the input cell's copy lands on, from the cell sums. */
  readonly targets: readonly { readonly out: number; readonly kernel: number }[];
}

let steps: Step[] = [];
let stepAt = 0;
let playing: ReturnType<typeof setInterval> | undefined;
/** What the step control moves through: the scatter (above) or the direct convolution (./stepping.ts). */
let stepMode: "scatter" | "direct" = "scatter";
let direct: DirectStepper | undefined;
const stepTotal = () => (stepMode === "direct" && direct ? direct.count : steps.length);

function resetStepper(s: Shown): void {
  stopPlaying();
  const { info } = s.problem;
  const byInput: { out: number; kernel: number }[][] = Array.from({ length: info.batch * info.inChannels * info.inCount }, () => []);
  for (let f = 0; f < s.cells.count; f++) s.cells.forEachTerm(f, (i, k) => { byInput[i]!.push({ out: f, kernel: k }); });
  steps = byInput.map((targets, input) => ({ input, targets }));
  direct = directStepper(s.problem, s.cells, { gridEl: stepGridEl, textEl: stepTextEl, strings: () => UI[lang] });
  stepAt = 0;
  drawStep();
}

function drawStep(): void {
  if (!shown) return;
  const { info, x, w, bias } = shown.problem;
  const strings = UI[lang];
  stepGridEl.classList.remove("stale");
  stepGridEl.replaceChildren();
  stepCountEl.textContent = strings.stepCount.replace("{k}", String(stepAt)).replace("{n}", String(stepTotal()));
  if (stepMode === "direct" && direct) {
    direct.draw(stepAt);
    return;
  }
  if (shown.cells.mode === "symbolic") {
    stepTextEl.textContent = strings.stepSymbolic;
    return;
  }
  const acc: Num[] = Array.from({ length: shown.cells.count }, (_, f) =>
    (bias ? numOf(bias.data[Math.floor(f / info.outCount) % info.outChannels]!) : Rational.ZERO));
  for (let k = 0; k < stepAt; k++) {
    const step = steps[k]!, xv = numOf(x.data[step.input]!);
    for (const t of step.targets) acc[t.out] = addNum(acc[t.out]!, mulNum(xv, numOf(w.data[t.kernel]!)));
  }
  const current = stepAt > 0 ? steps[stepAt - 1] : undefined;
  const added = new Set(current?.targets.map((t) => t.out));
  for (let n = 0; n < info.batch; n++) {
    for (let c = 0; c < info.outChannels; c++) {
      const base = (n * info.outChannels + c) * info.outCount;
      const caption = `${info.batch > 1 ? `${strings.batch} ${n} · ` : ""}${info.outChannels > 1 ? `${strings.channel} ${c}` : ""}`;
      stepGridEl.append(gridTables(info.outSpatial, caption, UI[lang].slice, (flat, _idx, td) => {
        td.textContent = numText(acc[base + flat]!);
        td.dataset["stepOut"] = unflatten(flat, info.outSpatial).join(",");
        if (added.has(base + flat)) td.classList.add("added");
      }));
    }
  }
  if (!current) {
    stepTextEl.textContent = bias ? strings.stepBias : strings.stepZero;
    return;
  }
  const sp = current.input % info.inCount, nc = (current.input - sp) / info.inCount;
  const xv = scalarText(x.data[current.input]!);
  const at = (c: number, channels: number, idx: string) => `${channels > 1 ? `[${c}]` : ""}(${idx})`;
  const head = `x${at(nc % info.inChannels, info.inChannels, unflatten(sp, info.inSpatial).join(","))} = ${xv}`;
  if (current.targets.length === 0) {
    stepTextEl.textContent = `${head}: ${strings.stepNothing}`;
    return;
  }
  const terms = current.targets.map((t) => {
    const o = t.out % info.outCount, co = Math.floor(t.out / info.outCount) % info.outChannels;
    const kSp = unflatten(t.kernel % info.kernelCount, info.kernelSpatial).join(",");
    return `y${at(co, info.outChannels, unflatten(o, info.outSpatial).join(","))} += ${paren(xv)}·w(${kSp}) → ${numText(acc[t.out]!)}`;
  });
  stepTextEl.textContent = `${head}: ${terms.join("; ")}`;
}

function goTo(k: number): void {
  stepAt = Math.max(0, Math.min(stepTotal(), k));
  drawStep();
}

function stopPlaying(): void {
  if (playing !== undefined) clearInterval(playing);
  playing = undefined;
  const play = document.getElementById("step-play");
  if (play) { play.textContent = UI[lang].stepPlay; play.dataset["i18n"] = "stepPlay"; }
}

$<HTMLButtonElement>("#step-first").addEventListener("click", () => { stopPlaying(); goTo(0); });
$<HTMLButtonElement>("#step-prev").addEventListener("click", () => { stopPlaying(); goTo(stepAt - 1); });
$<HTMLButtonElement>("#step-next").addEventListener("click", () => { stopPlaying(); goTo(stepAt + 1); });
$<HTMLButtonElement>("#step-last").addEventListener("click", () => { stopPlaying(); goTo(stepTotal()); });
$<HTMLButtonElement>("#step-play").addEventListener("click", (ev) => {
  if (playing !== undefined) { stopPlaying(); return; }
  if (stepAt >= stepTotal()) goTo(0);
  const button = ev.currentTarget as HTMLButtonElement;
  button.textContent = UI[lang].stepPause;
  button.dataset["i18n"] = "stepPause";
  playing = setInterval(() => {
    goTo(stepAt + 1);
    if (stepAt >= stepTotal()) stopPlaying();
  }, 700);
});

for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>("input[name=step-mode]"))) {
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    stopPlaying();
    stepMode = radio.value === "direct" ? "direct" : "scatter";
    const hint = $<HTMLElement>("#step-hint");
    hint.dataset["i18n"] = stepMode === "direct" ? "stepHintDirect" : "stepHint";
    hint.textContent = UI[lang][stepMode === "direct" ? "stepHintDirect" : "stepHint"];
    goTo(0);
  });
}

// ---------------------------------------------------------------------------------------------
// Wiring: fields, presets, fragment, copy

let timer: ReturnType<typeof setTimeout> | undefined;

form.addEventListener("input", () => {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => { timer = undefined; compute(readForm(), true); }, DEBOUNCE_MS);
});
form.addEventListener("change", (ev) => {
  if ((ev.target as Element).tagName === "SELECT") {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    compute(readForm(), true);
  }
});
form.addEventListener("submit", (ev) => { ev.preventDefault(); compute(readForm(), true); });

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-preset]"))) {
  button.addEventListener("click", () => {
    const preset = PRESETS.find((p) => p.id === button.dataset["preset"]);
    if (!preset) return;
    const values: FieldValues = { ...preset.values, ...(lang === "zh-CN" ? { lang: langFieldValue(lang) } : {}) };
    fillForm(values);
    compute(values, true);
  });
}

window.addEventListener("hashchange", () => {
  const values = decodeFragment(location.hash);
  if (encodeFragment(values) === encodeFragment(readForm())) return;
  fillForm(values);
  compute(values, false);
});

copyBtn.addEventListener("click", () => {
  const text = outputEl.textContent ?? "";
  const say = (t: string) => { copyStatus.textContent = t; };
  const byHand = () => {
    try {
      const range = document.createRange();
      range.selectNodeContents(outputEl);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      say(document.execCommand("copy") ? UI[lang].copied : UI[lang].copyFailed);
    } catch {
      say(UI[lang].copyFailed);
    }
  };
  try {
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => say(UI[lang].copied), byHand);
    else byHand();
  } catch {
    byHand();
  }
});

function defaults(): FieldValues {
  const el = document.getElementById("tconv-playground-defaults");
  try {
    const parsed = el?.textContent ? JSON.parse(el.textContent) as FieldValues : undefined;
    return parsed && typeof parsed === "object" ? parsed : SEED;
  } catch {
    return SEED;
  }
}

const fromFragment = decodeFragment(location.hash);
const initial = Object.keys(fromFragment).some((k) => k !== "lang")
  ? fromFragment
  : { ...defaults(), ...(fromFragment.lang !== undefined ? { lang: fromFragment.lang } : {}) };
fillForm(initial);
compute(initial, false);
document.documentElement.dataset["ready"] = "true";
