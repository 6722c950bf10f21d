/**
 * Step 7, the round trip, on this problem's own numbers (batch item 0, bias left out: it is not
 * linear). What the text may claim is decided here, from the algebra:
 * - transposed: convolving Y back gives C·Y = C·Cᵀ·X. Whether that is X, c·X or neither is the
 *   test C·Cᵀ = I / C·Cᵀ = c·I on the small (input-cells × input-cells) matrix C·Cᵀ; its rank says
 *   whether X could still be solved for. The counting argument (rank Cᵀ·C ≤ input cells) belongs
 *   to the longer chain Y → C → Cᵀ only, and only when the output has more cells than the input.
 * - conv: the chain X → C → Cᵀ; Cᵀ·C has rank at most the number of output cells.
 */
import { matVec, transpose } from "../../algebra/index.ts";
import { Rational } from "../../algebra/rational.ts";
import { ringFor, type AlgebraValue, type Ring } from "../../algebra/ring.ts";
import type { SparseMatrix } from "../../algebra/sparse.ts";
import type { ExplainContext } from "../context.ts";
import type { RoundtripStep } from "../types.ts";

/** Above this many columns only some rows of Cᵀ C are computed (the text shows no more). */
const FULL_GRAM_LIMIT = 256;
/** Exact rank is computed for C·Cᵀ (or Cᵀ·C) up to this size: rational elimination grows its fractions, and at 100 rows (a 1-D kernel of 1000 taps) it took 12 s. */
const RANK_LIMIT = 32;

/**
 * Builds the round-trip step.
 *
 * @example
 * const r = buildRoundtrip(seedCtx);
 * r.there.length // → 4
 * r.scale // → null
 * r.rank // → 4
 */
export function buildRoundtrip(ctx: ExplainContext): RoundtripStep {
  const { info, problem } = ctx;
  const c = ctx.matrix(), ct = transpose(c);
  const ring = ringFor(problem.x, problem.w);
  const weights = c.values.map((s) => ring.lift(s));
  const x0 = problem.x.data.slice(0, info.inChannels * info.inCount).map((s) => ring.lift(s));
  const transposed = info.op === "transposed";
  // The wide side is C's columns: y = Cᵀx for a transposed convolution, x itself for a convolution.
  const start = transposed ? matVec(ct, x0, ring) : x0;
  const there = matVec(c, start, ring);
  const back = matVec(ct, there, ring);
  const narrow = c.rows, wide = c.cols;
  // The matrix printed: C·Cᵀ (narrow × narrow) for a transposed problem, Cᵀ·C (wide × wide) for conv.
  const [left, right] = transposed ? [c, ct] : [ct, c];
  const n = transposed ? narrow : wide;
  const rowsWanted = transposed || n <= FULL_GRAM_LIMIT ? Array.from({ length: n }, (_, i) => i) : gramRowsFor(n);
  const gram = productRows(left, right, weights, ring, rowsWanted);
  const complete = rowsWanted.length === n;
  const scale = complete ? scalarMultipleOfIdentity(gram, n, ring) : null;
  const one = ring.lift({ kind: "exact", value: Rational.ONE });
  const identity = complete ? scale !== null && ring.equals(scale, one) : rowsAreIdentity(gram, rowsWanted, ring, one);
  const rank = complete && ring.mode === "exact" && n <= RANK_LIMIT ? exactRank(gram as [number, number, Rational][], n) : null;
  const eq = (a: readonly AlgebraValue[], b: readonly AlgebraValue[]) => a.every((v, i) => ring.equals(v, b[i]!));
  const wideShape = transposed ? info.outputShape.slice(1) : info.inputShape.slice(1);
  const narrowShape = transposed ? info.inputShape.slice(1) : info.outputShape.slice(1);
  return {
    kind: "roundtrip", op: info.op, start, startShape: wideShape, there, thereShape: narrowShape, back,
    input: x0,
    thereIsInput: transposed && eq(there, x0),
    recovered: eq(back, start),
    backIsScaled: scale !== null && eq(back, start.map((v) => ring.mul(scale, v))),
    gram, gramSize: n, gramRows: rowsWanted, identity, scale, rank,
    narrowCount: narrow, wideCount: wide,
    copiesOverlap: columnsShared(c),
  };
}

/** Rows of Cᵀ C for a big convolution: the first two and the last. */
function gramRowsFor(n: number): number[] {
  return [...new Set([0, 1, n - 1])].filter((r) => r >= 0 && r < n).sort((a, b) => a - b);
}

/**
 * Rows of L·R where R = Lᵀ: (L·R)[a][b] = Σ_j L[a][j]·R[j][b]; row a walks the entries of row a
 * of L and, for each column j, the entries of row j of R.
 */
function productRows(
  l: SparseMatrix, r: SparseMatrix, weights: readonly AlgebraValue[], ring: Ring<AlgebraValue>, rows: readonly number[],
): [number, number, AlgebraValue][] {
  const out: [number, number, AlgebraValue][] = [];
  const zero = ring.zero();
  for (const a of rows) {
    const acc = new Map<number, AlgebraValue>();
    for (let j = l.rowStart[a]!; j < l.rowStart[a + 1]!; j++) {
      const mid = l.col[j]!, wa = weights[l.source[j]!]!;
      for (let q = r.rowStart[mid]!; q < r.rowStart[mid + 1]!; q++) {
        const b = r.col[q]!, term = ring.mul(wa, weights[r.source[q]!]!);
        const old = acc.get(b);
        acc.set(b, old === undefined ? term : ring.add(old, term));
      }
    }
    for (const b of [...acc.keys()].sort((p, q) => p - q)) {
      const v = acc.get(b)!;
      if (!ring.equals(v, zero)) out.push([a, b, v]);
    }
  }
  return out;
}

/** c when the complete matrix (its non-zero entries) is c·I with c ≠ 0, else null. */
function scalarMultipleOfIdentity(entries: readonly (readonly [number, number, AlgebraValue])[], n: number, ring: Ring<AlgebraValue>): AlgebraValue | null {
  if (entries.length !== n) return null;
  const c = entries[0]![2];
  return entries.every(([r, col, v], i) => r === i && col === i && ring.equals(v, c)) ? c : null;
}

/** Whether the computed rows are rows of the identity. */
function rowsAreIdentity(
  entries: readonly (readonly [number, number, AlgebraValue])[], rows: readonly number[], ring: Ring<AlgebraValue>, one: AlgebraValue,
): boolean {
  return rows.every((r) => {
    const row = entries.filter(([a]) => a === r);
    return row.length === 1 && row[0]![1] === r && ring.equals(row[0]![2], one);
  });
}

/** Whether two rows of C share a column: two kernel copies (or two windows) reach the same cell. */
function columnsShared(c: SparseMatrix): boolean {
  const seen = new Uint8Array(c.cols);
  for (let j = 0; j < c.nnz; j++) {
    if (seen[c.col[j]!]) return true;
    seen[c.col[j]!] = 1;
  }
  return false;
}

/**
 * The rank of an n×n exact matrix given by its non-zero entries (Gaussian elimination on rationals).
 *
 * @example exactRank([[0, 0, Rational.ONE], [1, 1, Rational.ONE]], 2) // → 2
 */
export function exactRank(entries: readonly (readonly [number, number, Rational])[], n: number): number {
  const m: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n).fill(Rational.ZERO));
  for (const [r, c, v] of entries) m[r]![c] = v;
  let rank = 0;
  for (let col = 0; col < n && rank < n; col++) {
    let pivot = -1;
    for (let r = rank; r < n; r++) if (!m[r]![col]!.isZero()) { pivot = r; break; }
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    const p = m[rank]!;
    for (let r = rank + 1; r < n; r++) {
      const row = m[r]!;
      if (row[col]!.isZero()) continue;
      const f = row[col]!.div(p[col]!);
      for (let k = col; k < n; k++) row[k] = row[k]!.sub(f.mul(p[k]!));
    }
    rank++;
  }
  return rank;
}
