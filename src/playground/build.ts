/**
 * Builds the playground: one self-contained offline HTML file. The page script
 * (src/playground/page.ts, with the core and mathjs) is bundled by esbuild into an IIFE and
 * inlined; KaTeX's CSS comes with its fonts as data: URIs; nothing is fetched. The build is
 * deterministic (no dates, no paths), so the committed output/playground.html can be checked for
 * drift. esbuild is a development dependency: `npm start` and `tconv playground` from the
 * repository have it.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { escapeHtml, inlineKatexCss, PAGE_CSS } from "../render/html-page.ts";
import { FIELDS, SEED, type Field, type FieldValues } from "./fields.ts";
import { PRESETS, UI, uiLang } from "./strings.ts";
import { TRACE_CSS, traceSkeletonHtml } from "./trace.ts";

/** The most the page may weigh, in bytes (the issue's limit). */
export const PLAYGROUND_MAX_BYTES = 4 * 1024 * 1024;

let bundled: string | undefined;

/** The page script bundled as a minified IIFE (built once per process). */
export function playgroundScript(): string {
  return (bundled ??= bundlePlaygroundScript());
}

/** Bundles the page script now (no cache), ready to sit inside a `<script>` element. */
export function bundlePlaygroundScript(): string {
  const ts = fileURLToPath(new URL("./page.ts", import.meta.url));
  const entry = existsSync(ts) ? ts : fileURLToPath(new URL("./page.js", import.meta.url));
  const result = buildSync({
    entryPoints: [entry], bundle: true, platform: "browser", format: "iife", minify: true, write: false,
    target: "es2022", legalComments: "none", logLevel: "silent", charset: "utf8",
  });
  const js = result.outputFiles[0]!.text;
  // Inside <script>, "</script" would end the element; "<\/" means the same in every JS context it can appear in.
  return js.replace(/<\/(script)/gi, "<\\/$1");
}

const PLAYGROUND_CSS = `
main { max-width: 72rem; }
.intro { color: var(--muted); }
.presets { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.8rem 0; }
button { font: inherit; padding: 0.25rem 0.7rem; border: 1px solid var(--rule); border-radius: 4px; background: #f6f8fa; cursor: pointer; }
button:hover { background: #eaf2f8; }
button:focus-visible, input:focus-visible, select:focus-visible, td:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
form#problem { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.5rem 1rem; margin: 1rem 0; }
form#problem label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--muted); }
form#problem label.wide { grid-column: span 2; }
form#problem input, form#problem select { font: inherit; font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono", monospace; font-size: 0.95rem; color: var(--ink);
  padding: 0.25rem 0.4rem; border: 1px solid #999; border-radius: 3px; }
.result { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
.result pre { margin: 0.4rem 0; flex: 1 1 20rem; white-space: pre-wrap; word-break: break-all; }
[data-tconv-error] { color: #B84E00; font-weight: 600; background: #fff4ec; border-left: 4px solid #B84E00; padding: 0.4rem 0.8rem; margin: 0.6rem 0; }
[data-tconv-error][hidden] { display: none; }
.stale { opacity: 0.45; filter: grayscale(1); }
#grids { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
.grid-block { margin: 0.4rem 0; }
.grid-caption { color: var(--muted); font-size: 0.85rem; }
table.grid { margin: 0.2rem 0; }
table.grid td { min-width: 2.4rem; height: 2.2rem; padding: 0.1rem 0.4rem; font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono", monospace; cursor: default; }
table.grid td.lit { background: var(--hl); outline: 2px solid var(--hl-ink); outline-offset: -2px; font-weight: 700; }
table.grid td.source { background: #dbeafe; outline: 2px solid var(--accent); outline-offset: -2px; }
#sum { font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono", monospace; min-height: 1.6em; overflow-wrap: anywhere; }
label.claim { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--muted); }
label.claim textarea { font: inherit; font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono", monospace; font-size: 0.95rem; color: var(--ink); padding: 0.3rem; }
#check-error { color: #B84E00; font-weight: 600; margin: 0.4rem 0; }
#check-error[hidden] { display: none; }
#check-report h1 { font-size: 1.3rem; margin-top: 1rem; }
table.grid td.wrong { outline: 3px solid #B84E00; outline-offset: -3px; color: #B84E00; font-weight: 700; }
.stepper { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
#step-count { color: var(--muted); margin-left: 0.5rem; }
#step-text { font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono", monospace; overflow-wrap: anywhere; min-height: 1.6em; }
.step-mode { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; align-items: center; margin: 0.5rem 0; }
.step-mode label { display: inline-flex; gap: 0.35rem; align-items: center; }
.direct-step { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: flex-start; }
table.grid td.ins { background: #f2f2f2; color: #777; }
table.grid td.pad { background: repeating-linear-gradient(45deg, #fff 0 4px, #e6e6e6 4px 6px); color: #777; }
table.grid td.crop { color: #999; border-style: dashed; }
table.grid td.win { outline: 2px solid var(--ink); outline-offset: -2px; background: var(--hl); font-weight: 700; }
table.grid td small { display: block; font-size: 0.72rem; font-weight: 400; color: var(--hl-ink); line-height: 1.1; }
table.grid td.added { background: #e6f4ea; outline: 2px solid #00785A; outline-offset: -2px; font-weight: 700; }
#derivation { border-top: 1px solid var(--rule); margin-top: 1.5rem; }
#derivation h1 { font-size: 1.4rem; margin-top: 1rem; }
#derivation .part.pending { min-height: 60vh; }
`;

/** What an empty field means (the CLI's defaults), shown as the field's placeholder. */
const PLACEHOLDERS: Partial<Record<Field, string>> = {
  stride: "1", padding: "0", dilation: "1", "output-padding": "0", groups: "1", op: "transposed", layout: "plain",
};

const LISTS: Partial<Record<Field, readonly string[]>> = { op: ["transposed", "conv"], layout: ["plain", "torch", "onnx", "tf"] };

function formHtml(values: FieldValues): string {
  const s = UI[uiLang(values.lang)];
  const parts: string[] = [];
  for (const f of FIELDS) {
    const caption = `<span data-i18n="fields.${f}">${escapeHtml(s.fields[f])}</span>`;
    if (f === "lang") {
      const zh = uiLang(values.lang) === "zh-CN";
      parts.push(`<label>${caption}<select name="lang"><option value="en"${zh ? "" : " selected"}>English</option><option value="zh"${zh ? " selected" : ""}>中文</option></select></label>`);
      continue;
    }
    const list = LISTS[f];
    const wide = f === "input" || f === "kernel" ? ' class="wide"' : "";
    parts.push(`<label${wide}>${caption}<input name="${f}" value="${escapeHtml(values[f] ?? "")}" spellcheck="false" autocomplete="off"${PLACEHOLDERS[f] ? ` placeholder="${PLACEHOLDERS[f]}"` : ""}${list ? ` list="list-${f}"` : ""}></label>`);
    if (list) parts.push(`<datalist id="list-${f}">${list.map((v) => `<option value="${v}"></option>`).join("")}</datalist>`);
  }
  return `<form id="problem" autocomplete="off">${parts.join("\n")}</form>`;
}

/**
 * The playground page as one HTML string, its form and first view pre-filled with `values`
 * (default: the seed problem); a URL fragment, when present, takes precedence in the browser.
 *
 * @example
 * playgroundHtml({ input: "[1,2,3]", kernel: "[1,1]", stride: "2" }).length < PLAYGROUND_MAX_BYTES // → true
 */
export function playgroundHtml(values: FieldValues = SEED): string {
  const lang = uiLang(values.lang);
  const s = UI[lang];
  const json = JSON.stringify(values).replace(/</g, "\\u003c");
  const presets = PRESETS.map((p) => `<button type="button" data-preset="${p.id}" data-i18n="presets.${p.id}">${escapeHtml(s.presets[p.id] ?? p.id)}</button>`).join("\n");
  const body = [
    `<h1 data-i18n="title">${escapeHtml(s.title)}</h1>`,
    `<p class="intro" data-i18n="intro">${escapeHtml(s.intro)}</p>`,
    `<div class="presets" role="group" aria-labelledby="presets-label"><span id="presets-label" data-i18n="presetsLabel">${escapeHtml(s.presetsLabel)}</span>\n${presets}</div>`,
    formHtml(values),
    `<div data-tconv-error role="alert" hidden></div>`,
    `<h2 data-i18n="result">${escapeHtml(s.result)}</h2>`,
    `<div class="result"><pre data-tconv-output aria-live="polite"></pre><button type="button" id="copy" data-i18n="copy">${escapeHtml(s.copy)}</button><span id="copy-status" aria-live="polite"></span></div>`,
    `<p id="note" class="note"></p>`,
    `<p class="note" data-i18n="traceHint">${escapeHtml(s.traceHint)}</p>`,
    `<div id="grids"></div>`,
    `<p id="sum" aria-live="polite"></p>`,
    traceSkeletonHtml(s),
    `<h2 data-i18n="stepTitle">${escapeHtml(s.stepTitle)}</h2>`,
    `<div class="step-mode" role="radiogroup" aria-labelledby="step-mode-label"><span id="step-mode-label" data-i18n="stepMode">${escapeHtml(s.stepMode)}</span>`
      + (["Scatter", "Direct"] as const).map((m, i) => `<label><input type="radio" name="step-mode" value="${m.toLowerCase()}"${i === 0 ? " checked" : ""}><span data-i18n="stepMode${m}">${escapeHtml(s[`stepMode${m}`])}</span></label>`).join("")
      + `</div>`,
    `<p class="note" id="step-hint" data-i18n="stepHint">${escapeHtml(s.stepHint)}</p>`,
    `<div class="stepper" role="group" aria-labelledby="step-count">`
      + (["First", "Prev", "Play", "Next", "Last"] as const).map((b) => `<button type="button" id="step-${b.toLowerCase()}" data-i18n="step${b}">${escapeHtml(s[`step${b}`])}</button>`).join("")
      + `<span id="step-count" aria-live="polite"></span></div>`,
    `<p id="step-text"></p>`,
    `<div id="step-grid"></div>`,
    `<h2 data-i18n="checkTitle">${escapeHtml(s.checkTitle)}</h2>`,
    `<p class="note" data-i18n="checkHint">${escapeHtml(s.checkHint)}</p>`,
    `<label class="claim"><span data-i18n="checkLabel">${escapeHtml(s.checkLabel)}</span><textarea id="claim" name="claim" rows="4" spellcheck="false" autocomplete="off"></textarea></label>`,
    `<div id="check-error" role="alert" hidden></div>`,
    `<section id="check-report"></section>`,
    `<h2 data-i18n="derivation">${escapeHtml(s.derivation)}</h2>`,
    `<section id="derivation"></section>`,
  ].join("\n");
  return "<!DOCTYPE html>\n"
    + `<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n`
    + `<meta name="viewport" content="width=device-width, initial-scale=1">\n`
    + `<meta name="generator" content="tconv">\n`
    + `<title>${escapeHtml(s.title)}</title>\n`
    + `<style>${inlineKatexCss()}</style>\n`
    + `<style>${PAGE_CSS}${PLAYGROUND_CSS}${TRACE_CSS}</style>\n`
    + `</head>\n<body>\n<main>\n${body}\n</main>\n`
    + `<script type="application/json" id="tconv-playground-defaults">${json}</script>\n`
    + `<script>${playgroundScript()}</script>\n`
    + `</body>\n</html>\n`;
}
