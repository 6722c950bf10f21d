/**
 * The bracket grammar shared by the array-literal and numpy forms: `[` items `]`, items split by
 * commas or, when `whitespace` is set (numpy's printed form `[[1 2] [3 4]]`), by blanks too.
 */
import { TconvError } from "../../spec/error.ts";
import type { Nested } from "./grid.ts";

/**
 * Parses nested brackets into cell texts (not yet numbers).
 *
 * @example
 * parseBrackets("[[1, 2], [3, ?]]", "--claim", false) // → [["1","2"],["3","?"]]
 * parseBrackets("[[1 2]\n [3 4]]", "--claim", true)   // → [["1","2"],["3","4"]]
 */
export function parseBrackets(src: string, field: string, whitespace: boolean): Nested {
  let pos = 0;
  const fail = (what: string): never => {
    const shown = src.length > 40 ? `${src.slice(0, 37)}...` : src;
    throw new TconvError("bad-claim", field, `${what} at character ${pos + 1} of "${shown}"`);
  };
  const skip = () => { while (pos < src.length && /\s/.test(src[pos]!)) pos++; };
  const value = (): Nested => {
    skip();
    if (src[pos] === "[") {
      pos++;
      const items: Nested[] = [];
      skip();
      if (src[pos] === "]") { pos++; return items; }
      for (;;) {
        items.push(value());
        skip();
        if (src[pos] === ",") { pos++; skip(); if (src[pos] === "]" && whitespace) { pos++; return items; } continue; }
        if (src[pos] === "]") { pos++; return items; }
        if (pos >= src.length) return fail("missing ]");
        if (whitespace) continue;
        return fail(`unexpected "${src[pos]}"`);
      }
    }
    const start = pos;
    while (pos < src.length && !/[,[\]]/.test(src[pos]!)) {
      // A sign followed by blanks belongs to the number after it ("- 4"), any other blank ends the cell.
      if (whitespace && /\s/.test(src[pos]!) && !/^[+\-\u2212]\s*$/.test(src.slice(start, pos))) break;
      pos++;
    }
    const text = src.slice(start, pos).trim();
    if (text === "") return fail("missing entry");
    return text;
  };
  const root = value();
  skip();
  if (pos < src.length) fail(`unexpected "${src[pos]}" after the tensor`);
  return root;
}
