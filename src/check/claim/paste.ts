/**
 * What surrounds a tensor in a paste: notebook and REPL prompts (`Out[7]:`, `>>>`), a name it
 * was assigned to (`Y = ...`, `y = np.array(...)`), words around it ("The result:"), and other
 * tensors printed before it. The claim is the LAST tensor of the paste (the result, after the
 * inputs), as for LaTeX equations; the checker says how many there were. One linear scan that
 * keeps a bracket depth; nothing is evaluated.
 */

/**
 * The paste without Jupyter's `In [3]:` / `Out[7]:` and Python's `>>>` prompts.
 *
 * @example withoutPrompts("Out[7]:\ntensor([[1., 2.]])") // "\ntensor([[1., 2.]])"
 */
export function withoutPrompts(text: string): string {
  return text.replace(/^[ \t]*(?:Out|In)[ \t]*\[[ \t]*\d*[ \t]*\]:[ \t]?/gm, "").replace(/^[ \t]*>>>[ \t]?/gm, "");
}

/** Where a tensor starts: a framework call, TensorFlow's `<tf.Tensor:` repr, or a bracket. */
const START = /<tf\.Tensor:|(?:[A-Za-z_][\w]*\.)*(?:Tensor|tensor|as_tensor|array|asarray|constant|Variable|convert_to_tensor)\s*\(|\[/y;

/**
 * The tensors found in a paste, in order (their texts), by a single scan: outside a tensor only
 * starts are looked for (so `print(tensor(...))` and prose around it are passed over); inside
 * one, brackets and quotes are followed to its end.
 *
 * @example tensorsIn("Y = [[1, 2]] and then [[3, 4]]") // ["[[1, 2]]", "[[3, 4]]"]
 */
export function tensorsIn(text: string): string[] {
  const found: string[] = [];
  let depth = 0, quote = "", start = -1, repr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (start < 0) {
      if (/[\w.]/.test(text[i - 1] ?? "")) continue;
      START.lastIndex = i;
      const m = START.exec(text);
      if (m) { start = i; repr = m[0] === "<tf.Tensor:"; depth = repr ? 0 : 1; i += m[0].length - 1; }
      continue;
    }
    if (quote) { if (ch === quote) quote = ""; continue; }
    if (ch === "'" || ch === '"') quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) {
      if (depth > 0) depth--;
      if (depth === 0 && !repr) { found.push(text.slice(start, i + 1)); start = -1; }
    } else if (ch === ">" && depth === 0 && repr) { found.push(text.slice(start, i + 1)); start = -1; repr = false; }
  }
  if (start >= 0) found.push(text.slice(start));
  return found;
}

/**
 * The tensor a claim is about: the last one of the paste, and how many there were. When the
 * paste has no bracketed tensor (plain rows, CSV), the whole text.
 *
 * @example lastTensor("x = tensor([[1., 2.]])\ny = tensor([[3., 4.]])") // { text: "tensor([[3., 4.]])", count: 2 }
 */
export function lastTensor(text: string): { text: string; count: number } {
  const all = tensorsIn(text);
  return all.length === 0 ? { text, count: 1 } : { text: all[all.length - 1]!.trim(), count: all.length };
}
