/**
 * LaTeX matrices as written in notes and answers: `\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`
 * (also pmatrix, Bmatrix, vmatrix, Vmatrix, matrix, smallmatrix, array), optionally inside
 * `$$…$$`, `\[…\]` or `$…$`, optionally after a name (`Y = …`). When an equation holds several
 * matrices (`\text{Output} = \begin{bmatrix}(1-5)…\end{bmatrix} = \begin{bmatrix}-4…\end{bmatrix}`)
 * the LAST one is the claim: the result, after the working.
 * Cells may be highlighted (`\boxed{3}`, `\color{red}{3}`, `\textcolor{red}{3}`, `\mathbf{3}`)
 * and hold fractions (`-\frac{3}{4}`, `\dfrac`, `\tfrac`) or `?`.
 */
import { TconvError } from "../../spec/error.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

const ENVS = "matrix|bmatrix|pmatrix|Bmatrix|vmatrix|Vmatrix|smallmatrix|array";
const BEGIN = new RegExp(String.raw`\\begin\{(${ENVS})\}`, "g");

/**
 * Whether the text contains a LaTeX environment or starts with a math delimiter (the dispatcher's test).
 *
 * @example looksLikeLatex("$$ \\begin{bmatrix} 1 \\end{bmatrix} $$") // true
 */
export function looksLikeLatex(text: string): boolean {
  return /\\begin\s*\{/.test(text) || /^\s*(\$|\\\[)/.test(text);
}

/**
 * @example
 * parseLatexClaim("$$ \\begin{bmatrix} 1 & 2 \\\\ 3 & \\boxed{4} \\end{bmatrix} $$", "--claim").shape // → [2, 2]
 */
export function parseLatexClaim(text: string, field: string): ClaimGrid {
  const starts = [...text.matchAll(BEGIN)];
  if (starts.length === 0) {
    throw new TconvError("bad-claim", field,
      "no matrix found; write it as \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} (or pmatrix)");
  }
  // The last top-level environment: walk begins left to right, skipping those nested in a previous one.
  let last: { env: string; bodyStart: number; end: number } | undefined;
  let from = 0, count = 0;
  for (const s of starts) {
    if (s.index! < from) continue;
    count++;
    const env = s[1]!;
    const open = s.index! + s[0].length;
    const close = findEnd(text, env, open, field);
    last = { env, bodyStart: open, end: close };
    from = close;
  }
  const { env, bodyStart, end } = last!;
  let body = text.slice(bodyStart, end);
  if (/\\begin\s*\{/.test(body)) {
    throw new TconvError("bad-claim", field, `a matrix inside \\begin{${env}} is not supported; write the claim as one flat matrix`);
  }
  if (env === "array") body = body.replace(/^\s*\{[^{}]*\}/, "");
  const rows = body.replace(/\\hline/g, "").split(/\\\\(?:\[[^\]]*\])?|\\cr\b/).map((r) => r.trim());
  while (rows.length > 0 && rows[rows.length - 1] === "") rows.pop();
  if (rows.length === 0) throw new TconvError("bad-claim", field, `\\begin{${env}} has no rows`);
  const cells = rows.map((row) => row.split("&").map((c) => cellText(c, field)));
  return { ...gridFromNested(cells, field), ...(count > 1 ? { tensors: count } : {}) };
}

function findEnd(text: string, env: string, from: number, field: string): number {
  const re = new RegExp(String.raw`\\(begin|end)\{(${ENVS})\}`, "g");
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    depth += m[1] === "begin" ? 1 : -1;
    if (depth === 0) {
      if (m[2] !== env) throw new TconvError("bad-claim", field, `\\begin{${env}} is closed by \\end{${m[2]}}`);
      return m.index;
    }
  }
  throw new TconvError("bad-claim", field, `\\begin{${env}} has no matching \\end{${env}}`);
}

const WRAPPERS = /\\(?:boxed|mathbf|textbf|mathrm|text|mathit|bm|boldsymbol|underline|fbox|mathbb|operatorname)\s*\{([^{}]*)\}/g;

/** Reduces a cell's TeX to plain number text; whatever TeX is left over is the user's error. */
function cellText(raw: string, field: string): string {
  let t = raw.replace(/\\[,;:! ]|\\quad|\\qquad|~/g, " ");
  // Innermost first, until nothing changes: \boxed{-\frac{3}{4}} → \boxed{-3/4} → -3/4.
  for (let prev = ""; prev !== t;) {
    prev = t;
    t = t.replace(/\\[dt]?frac\s*\{\s*([^{}]*?)\s*\}\s*\{\s*([^{}]*?)\s*\}/g, "$1/$2")
      .replace(/\\(?:color|textcolor)\s*\{[^{}]*\}\s*\{([^{}]*)\}/g, "$1")
      .replace(/\\color\s*\{[^{}]*\}/g, "")
      .replace(WRAPPERS, "$1")
      // Group braces `{-1}` are layout, not content.
      .replace(/(^|[^A-Za-z}])\{([^{}]*)\}/g, "$1$2");
  }
  t = t.replace(/\\(?:left|right)\s*[()[\].]/g, "").replace(/\\(?:displaystyle|textstyle|phantom)/g, "").trim();
  if (/\\/.test(t)) {
    throw new TconvError("bad-claim", field, `cell "${raw.trim().slice(0, 30)}" holds TeX that is not a number: ${t.match(/\\[A-Za-z]*/)![0]}`);
  }
  return t;
}
