/**
 * numpy and PyTorch as people paste them: `np.array([[1,2],[3,4]])`, `array([[1, 2], [3, 4]])`,
 * `torch.tensor([[1., 2.]])`, or numpy's printed form without commas `[[1 2]\n [3 4]]`.
 * Keyword arguments after the data (`dtype=float32`) are ignored.
 */
import { TconvError } from "../../spec/error.ts";
import { parseBrackets } from "./brackets.ts";
import { gridFromNested, type ClaimGrid } from "./grid.ts";

const WRAPPER = /^(?:(?:np|numpy|torch|tf|jnp)\.)?(?:array|asarray|tensor|Tensor|constant)\s*\(([\s\S]*)\)$/;

/** Whether `text` is a constructor call or numpy's comma-free printed form. @example looksLikeNumpy("np.array([[1,2]])") // true */
export function looksLikeNumpy(text: string): boolean {
  if (WRAPPER.test(text)) return true;
  // Printed numpy: nested brackets with cells separated by blanks only.
  return /^\[\s*\[/.test(text) && !text.includes(",") && /[\d.?]\s+[-+\d.?]/.test(text);
}

/**
 * @example
 * parseNumpyClaim("np.array([[1, 2], [3, 4]], dtype=float)", "--claim").shape // → [2, 2]
 * parseNumpyClaim("[[ 1.  2.]\n [ 3. -4.]]", "--claim").shape               // → [2, 2]
 */
export function parseNumpyClaim(text: string, field: string): ClaimGrid {
  const m = WRAPPER.exec(text);
  let body = m ? m[1]!.trim() : text;
  if (m) {
    const end = matchingBracket(body);
    if (end < 0) throw new TconvError("bad-claim", field, "expected the data as a bracketed list inside array(...)");
    const rest = body.slice(end + 1).trim();
    if (rest !== "" && !/^,\s*(?:dtype\s*=\s*[\w.]+|\s*)\s*,?\s*$/.test(rest)) {
      throw new TconvError("bad-claim", field, `unexpected "${rest.slice(0, 30)}" after the data; only dtype= may follow`);
    }
    body = body.slice(0, end + 1);
  }
  // numpy prints floats as `1.` and uses blanks; both separators are accepted.
  return gridFromNested(parseBrackets(body.replace(/(\d)\.(?!\d)/g, "$1"), field, true), field);
}

function matchingBracket(s: string): number {
  if (!s.startsWith("[")) return -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "[") depth++;
    else if (s[i] === "]" && --depth === 0) return i;
  }
  return -1;
}
