/**
 * The playground's form fields and URL fragment: the names are the CLI's options (without the
 * dashes), so `#input=[[1,2]]&stride=2` means what `--input '[[1,2]]' --stride 2` means. Shared by
 * the page script (browser) and the page builder / `tconv playground` (Node), so both read and
 * write the same fragment.
 */

/** Every field, in the order the form shows them and the fragment lists them. */
export const FIELDS = [
  "input", "kernel", "stride", "padding", "dilation", "output-padding", "output-size", "groups", "bias", "op", "layout", "lang",
] as const;

/** A field's name. */
export type Field = (typeof FIELDS)[number];

/** Field values as typed (a field that is absent or empty is not given). */
export type FieldValues = Partial<Record<Field, string>>;

/** The seed problem: what the page shows when neither the fragment nor the builder says otherwise. */
export const SEED: FieldValues = { input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" };

// Characters left as they are in a fragment (RFC 3986 allows them there), so a link stays readable.
const READABLE = /%(5B|5D|2C|2F|3A|40|3B|7B|7D)/g;

/**
 * The fragment (without `#`) for field values; empty fields are left out, values URI-encoded
 * except for the brackets, commas, slashes and the like a tensor is written with.
 *
 * @example
 * encodeFragment({ input: "[[1,2]]", stride: "2" }) // → "input=[[1,2]]&stride=2"
 */
export function encodeFragment(values: FieldValues): string {
  const parts: string[] = [];
  for (const f of FIELDS) {
    const v = values[f];
    if (v === undefined || v.trim() === "") continue;
    parts.push(`${f}=${encodeURIComponent(v).replace(READABLE, (m) => decodeURIComponent(m))}`);
  }
  return parts.join("&");
}

/**
 * Field values from a fragment (with or without `#`); unknown names and undecodable values are
 * skipped, never thrown.
 *
 * @example
 * decodeFragment("#input=%5B1%2C2%5D&lang=zh") // → { input: "[1,2]", lang: "zh" }
 */
export function decodeFragment(fragment: string): FieldValues {
  const out: FieldValues = {};
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  for (const part of text.split("&")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq) as Field;
    if (!(FIELDS as readonly string[]).includes(name)) continue;
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1));
    } catch {
      // A malformed escape: the field keeps its default.
    }
  }
  return out;
}
