/**
 * A standalone LaTeX document (pdflatex: amsmath, xcolor; CJKutf8 for Chinese) from the
 * template's Markdown: markdown-it parses it, and each token becomes its LaTeX counterpart.
 * Text is escaped; maths goes in as generated.
 */
import MarkdownIt from "markdown-it";
import { PLACEHOLDER, unfoldDetails, type MathItem } from "./document.ts";
import { latexColourDefinitions } from "./tex-target.ts";
import type { Locale } from "../spec/locale.ts";

// The tex format is the one path that needs a full Markdown parser; one per process.
const makeParser = () => new MarkdownIt({ html: false, linkify: false, typographer: false });
let parser: ReturnType<typeof makeParser> | undefined;
const markdownIt = () => (parser ??= makeParser());

type Token = ReturnType<ReturnType<typeof makeParser>["parse"]>[number];

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#",
  "%": "\\%", "_": "\\_", "^": "\\textasciicircum{}", "~": "\\textasciitilde{}",
  "×": "$\\times$", "≠": "$\\neq$", "−": "$-$", "→": "$\\to$", "↔": "$\\leftrightarrow$", "·": "$\\cdot$",
  "≤": "$\\leq$", "≥": "$\\geq$", "…": "\\ldots{}", "°": "$^\\circ$", "ᵀ": "$^{\\mathsf{T}}$",
};

/** Escapes text for LaTeX, keeping maths placeholders to be filled afterwards. */
function escapeText(s: string): string {
  return s.replace(/[\\{}$&#%_^~×≠−→↔·≤≥…°ᵀ]/g, (c) => SPECIAL[c]!);
}

function inline(tokens: readonly Token[], math: readonly MathItem[]): string {
  let out = "";
  for (const t of tokens) {
    switch (t.type) {
      case "text": out += escapeText(t.content); break;
      case "code_inline": out += `\\texttt{${escapeText(t.content)}}`; break;
      case "strong_open": out += "\\textbf{"; break;
      case "em_open": out += "\\emph{"; break;
      case "strong_close": case "em_close": out += "}"; break;
      case "softbreak": out += "\n"; break;
      case "hardbreak": out += "\\\\\n"; break;
      default: out += escapeText(t.content ?? "");
    }
  }
  return out
    .replace(PLACEHOLDER.display, (_: string, i: string) => `\\[ ${math[Number(i)]!.tex} \\]`)
    .replace(PLACEHOLDER.inline, (_: string, i: string) => `$${math[Number(i)]!.tex}$`)
    .replace(PLACEHOLDER.figure, "");
}

/**
 * The LaTeX body of a template's Markdown.
 *
 * @example latexBody("## Size\n\nText", []) // "\\section*{Size}\n\nText\n"
 */
export function latexBody(text: string, math: readonly MathItem[]): string {
  const tokens = markdownIt().parse(unfoldDetails(text), {});
  let out = "";
  const lists: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case "heading_open": {
        const cmd = t.tag === "h1" ? "section*" : t.tag === "h2" ? "subsection*" : "subsubsection*";
        out += `\\${cmd}{${inline(tokens[i + 1]!.children ?? [], math)}}\n\n`;
        i += 2;
        break;
      }
      case "paragraph_open": {
        const body = inline(tokens[i + 1]!.children ?? [], math);
        out += lists.length > 0 ? `${body}\n` : `${body}\n\n`;
        i += 2;
        break;
      }
      case "bullet_list_open": lists.push("itemize"); out += "\\begin{itemize}\n"; break;
      case "ordered_list_open": lists.push("enumerate"); out += "\\begin{enumerate}\n"; break;
      case "bullet_list_close": case "ordered_list_close": out += `\\end{${lists.pop()}}\n\n`; break;
      case "list_item_open": out += "\\item "; break;
      case "list_item_close": break;
      case "fence": case "code_block": out += `\\begin{verbatim}\n${t.content}\\end{verbatim}\n\n`; break;
      case "blockquote_open": out += "\\begin{quote}\n"; break;
      case "blockquote_close": out += "\\end{quote}\n\n"; break;
      case "hr": out += "\\medskip\\hrule\\medskip\n\n"; break;
      default: break;
    }
  }
  return out;
}

/**
 * The whole standalone document. `MaxMatrixCols` is raised here, in the preamble only (KaTeX
 * has no such counter and would refuse it).
 */
export function latexDocument(title: string, body: string, locale: Locale, maxCols: number): string {
  const zh = locale === "zh-CN";
  return [
    "\\documentclass[11pt]{article}",
    "\\usepackage[utf8]{inputenc}",
    "\\usepackage[T1]{fontenc}",
    "\\usepackage{amsmath,amssymb}",
    "\\usepackage{xcolor}",
    "\\usepackage[margin=2cm]{geometry}",
    ...(zh ? ["\\usepackage{CJKutf8}"] : []),
    ...latexColourDefinitions(),
    `\\setcounter{MaxMatrixCols}{${Math.max(10, maxCols + 2)}}`,
    "\\allowdisplaybreaks",
    // Paragraphs as in the Markdown and HTML: separated by space, not indented after every display.
    "\\setlength{\\parindent}{0pt}",
    "\\setlength{\\parskip}{0.6em}",
    "\\begin{document}",
    ...(zh ? ["\\begin{CJK}{UTF8}{gbsn}"] : []),
    `\\title{${escapeText(title)}}`,
    "\\date{}",
    "\\maketitle",
    body.trimEnd(),
    ...(zh ? ["\\end{CJK}"] : []),
    "\\end{document}",
    "",
  ].join("\n");
}
