/**
 * The `json` format: the complete derivation (never elided). Exact numbers print as JSON
 * numbers when they are safe integers, otherwise as "p/q" strings; polynomials as text.
 */
import type { Derivation } from "../explain/types.ts";

/**
 * Serialises a derivation.
 *
 * @example JSON.parse(derivationJson(d)).steps[1].kind // "size"
 */
export function derivationJson(d: Derivation): string {
  const { info, mode, indexBase, focus, names, steps, output, x, w, bias } = d;
  return JSON.stringify({
    format: "tconv-walkthrough", version: 1, op: info.op, mode, indexBase, focus,
    info, names, x, w, ...(bias ? { bias } : {}), output, steps,
  }, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)) + "\n";
}
