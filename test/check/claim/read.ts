/** Shared helpers of the claim-form tests: read a claim, or catch its refusal. */
import { parseClaim, type ClaimOptions } from "../../../src/check/claim/index.ts";
import { TconvError } from "../../../src/spec/error.ts";

export const SEED = ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"];

/** The claim as plain data: form, shape, cells as strings (`?` for not computed). */
export function read(text: string, opts: Partial<ClaimOptions> = {}) {
  const c = parseClaim(text, { field: "--claim", ...opts });
  return {
    form: c.form, shape: [...c.shape],
    cells: c.entries.map((e) => (e.kind === "unknown" ? "?" : e.value.toString())),
    claim: c,
  };
}

/** The TconvError a claim is refused with (fails the test when it is accepted). */
export function refusal(text: string, opts: Partial<ClaimOptions> = {}): TconvError {
  try { parseClaim(text, { field: "--claim", ...opts }); } catch (e) { if (e instanceof TconvError) return e; throw e; }
  throw new Error(`accepted: ${text}`);
}
