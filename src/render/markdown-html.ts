/**
 * Markdown → HTML for the subset tconv's own templates write (headings, paragraphs, tight bullet
 * lists, fenced code, `**bold**`, `*emphasis*`, `` `code` ``, `[links](…)`), producing exactly what
 * markdown-it produces for it (a test compares the two on every showcase document). It exists
 * for start-up time: `tconv explain --format html` must not pay for loading a full Markdown
 * parser. Anything else is text, escaped; no raw HTML passes through.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

/** Inline markup of one block's text. */
function inline(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i) { out += `<code>${escapeHtml(text.slice(i + 1, end))}</code>`; i = end + 1; continue; }
    }
    if (c === "*" && text[i + 1] === "*") {
      const end = text.indexOf("**", i + 2);
      if (end > i + 2) { out += `<strong>${inline(text.slice(i + 2, end))}</strong>`; i = end + 2; continue; }
    }
    if (c === "*" && text[i + 1] !== " ") {
      const end = text.indexOf("*", i + 1);
      if (end > i + 1 && text[end - 1] !== " ") { out += `<em>${inline(text.slice(i + 1, end))}</em>`; i = end + 1; continue; }
    }
    if (c === "[") {
      const m = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (m) { out += `<a href="${escapeHtml(m[2]!)}">${inline(m[1]!)}</a>`; i += m[0].length; continue; }
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}

/**
 * Renders the template Markdown subset to HTML.
 *
 * @example markdownToHtml("# T\n\nSome **bold** text.\n") // "<h1>T</h1>\n<p>Some <strong>bold</strong> text.</p>\n"
 */
export function markdownToHtml(md: string): string {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  let out = "";
  let i = 0;
  const isBlank = (l: string | undefined) => l === undefined || l.trim() === "";
  const startsBlock = (l: string) => /^(#{1,6} |- |```)/.test(l);
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) { i++; continue; }
    const h = /^(#{1,6}) (.*)$/.exec(line);
    if (h) { out += `<h${h[1]!.length}>${inline(h[2]!.trim())}</h${h[1]!.length}>\n`; i++; continue; }
    if (line.startsWith("```")) {
      const info = line.slice(3).trim();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith("```")) body.push(lines[i++]!);
      i++;
      const cls = info ? ` class="language-${escapeHtml(info)}"` : "";
      out += `<pre><code${cls}>${escapeHtml(body.length ? body.join("\n") + "\n" : "")}</code></pre>\n`;
      continue;
    }
    if (line.startsWith("- ")) {
      out += "<ul>\n";
      while (i < lines.length && lines[i]!.startsWith("- ")) {
        const item = [lines[i]!.slice(2)];
        i++;
        while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines[i]!)) item.push(lines[i++]!.trim());
        out += `<li>${inline(item.join("\n"))}</li>\n`;
      }
      out += "</ul>\n";
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines[i]!)) para.push(lines[i++]!.trim());
    out += `<p>${inline(para.join("\n"))}</p>\n`;
  }
  return out;
}
