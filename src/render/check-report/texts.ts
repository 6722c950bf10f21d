/**
 * What every form of the check report shares: the options, and the problem's names, labels and
 * cell derivations in TeX (built once per report), with the claimed and true numbers as the
 * JSON and the TeX write them.
 */
import { deriveCells, type CellSums } from "../../algebra/cells.ts";
import { defaultSymbols } from "../../algebra/symbols.ts";
import { juxtapose, numberTex, rationalTex } from "../tex/scalar.ts";
import { substitutedTex, symbolicTex } from "../tex/cells.ts";
import { indexAsWritten, type CheckResult } from "../../check/check.ts";
import type { ClaimEntry } from "../../check/claim/entry.ts";
import { layoutIndexOf, reindex } from "../../check/layout.ts";
import type { CheckProblem } from "../../check/problem.ts";
import type { TermRef } from "../../check/terms.ts";
import type { Num } from "../../check/value.ts";
import type { Locale } from "../../spec/locale.ts";

/** Language, numbering and elision of the check's text reports. */
export interface ReportOptions {
  readonly lang?: Locale;
  /** How cells and symbols are numbered in text (JSON indices are always 0-based). */
  readonly indexBase?: 0 | 1;
  /** At most this many wrong cells are derived in full in text formats (JSON lists all). Default 12. */
  readonly maxCells?: number;
}

/** Names, labels and sums of a problem in TeX, built once per report. */
export interface Texts {
  readonly cells: CellSums;
  readonly xName: (flat: number) => string;
  readonly wName: (flat: number) => string;
  readonly term: (t: TermRef) => string;
  readonly label: (cell: number) => string;
  readonly index: (cell: number) => number[];
  readonly indexBase: 0 | 1;
}

export function texts(problem: CheckProblem, result: CheckResult, indexBase: 0 | 1): Texts {
  const info = problem.info;
  // The cell sums are derived only when a report names or derives a cell (a correct claim needs none).
  let sums: CellSums | undefined;
  const cells = () => (sums ??= deriveCells(info, problem.x, problem.w, problem.bias, { indexBase }));
  const names = defaultSymbols(info, { indexBase });
  const sym = (t: { data: readonly { kind: string }[] }, flat: number) => {
    const s = t.data[flat] as { kind: "symbol"; tex: string };
    return s.tex;
  };
  const xName = (f: number) => sym(names.x, f), wName = (f: number) => sym(names.w, f);
  return {
    get cells() { return cells(); },
    xName, wName,
    term: (t) => juxtapose([xName(t.x), wName(t.w)]),
    label: (cell) => cells().label(cell),
    index: (cell) => {
      const full = layoutIndexOf(cell, info.outputShape, result, info.rank);
      if (result.claimWritten && result.layoutShape) return reindex(full, result.layoutShape, result.claimWritten);
      return result.claimRank === undefined ? full : indexAsWritten(full, result.claimRank);
    },
    indexBase,
  };
}

export const plain = (v: Num): string => String(v);
export const claimedJson = (e: ClaimEntry): number | string => (e.kind === "unknown" ? "?" : e.kind === "decimal" ? e.value.toNumber() : e.value.toJSON());
export const claimedTex = (e: ClaimEntry): string => (e.kind === "unknown" ? "?" : e.kind === "decimal" ? String(e.value.toNumber()) : rationalTex(e.value));

/** The derivation of a cell: `y = symbolic = substituted = value`. */
export function derivation(t: Texts, cell: number, expected: Num): string {
  const symbolic = symbolicTex(t.cells, cell), substituted = substitutedTex(t.cells, cell), value = numberTex(expected);
  const parts = [t.label(cell), symbolic];
  if (substituted !== symbolic) parts.push(substituted);
  if (value !== substituted) parts.push(value);
  return parts.join(" = ");
}
