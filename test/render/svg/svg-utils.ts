/**
 * Helpers for reading the generated SVG in unit tests without a DOM: a strict well-formedness
 * check (balanced tags, quoted attributes, only known entities, no raw `<` or `&` in text) and
 * attribute extraction by element and class. The browser tests parse the same SVG for real.
 */

/** Problems that make `xml` not well-formed; empty when it is. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const entity = /&(amp|lt|gt|quot|#39|#x[0-9a-fA-F]+|#[0-9]+);/g;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const textPart = xml.slice(i, lt < 0 ? xml.length : lt);
    if (textPart.replace(entity, "").includes("&")) problems.push(`bare & in text near ${JSON.stringify(textPart.slice(0, 40))}`);
    if (textPart.includes(">")) problems.push(`raw > in text near ${JSON.stringify(textPart.slice(0, 40))}`);
    if (lt < 0) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) { problems.push("unclosed tag"); break; }
    const tag = xml.slice(lt + 1, gt);
    if (tag.includes("<")) problems.push(`< inside tag ${JSON.stringify(tag.slice(0, 40))}`);
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
    } else {
      const selfClosing = tag.endsWith("/");
      const m = /^([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*\/?$/.exec(tag);
      if (!m) { problems.push(`malformed tag <${tag.slice(0, 60)}>`); }
      else {
        const attrs = m[2] ?? "";
        for (const [, v] of attrs.matchAll(/="([^"]*)"/g)) {
          if (v!.replace(entity, "").includes("&")) problems.push(`bare & in attribute of <${m[1]}>`);
        }
        if (!selfClosing) stack.push(m[1]!);
      }
    }
    i = gt + 1;
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(", ")}`);
  return problems;
}

/** Attributes of every start tag whose name is `tag` and whose class list contains `cls`. */
export function findAll(svg: string, tag: string, cls?: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of svg.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:-]+="[^"]*")*)\\s*/?>`, "g"))) {
    const attrs: Record<string, string> = {};
    for (const [, k, v] of m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[k!] = v!;
    if (cls === undefined || (attrs.class ?? "").split(/\s+/).includes(cls)) out.push(attrs);
  }
  return out;
}

/** The markup of every `<g class="... cls ...">...</g>` group (groups in these diagrams never nest). */
export function groups(svg: string, cls: string): Array<{ attrs: Record<string, string>; inner: string }> {
  const out: Array<{ attrs: Record<string, string>; inner: string }> = [];
  for (const m of svg.matchAll(/<g((?:\s+[\w:-]+="[^"]*")*)>([\s\S]*?)<\/g>/g)) {
    const attrs: Record<string, string> = {};
    for (const [, k, v] of m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[k!] = v!;
    if ((attrs.class ?? "").split(/\s+/).includes(cls)) out.push({ attrs, inner: m[2]! });
  }
  return out;
}

/** The text content of every `<text>` element, tags of tspans removed and entities decoded. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decode(m[1]!.replace(/<[^>]+>/g, "")));
}

export function decode(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}
