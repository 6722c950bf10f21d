/**
 * Step 7, the round trip: an ordinary convolution followed by the transposed one (or the other
 * way round for `--op conv`) gives back the shape but not the values, because Cᵀ C is not the
 * identity. Shown on this problem's own numbers (batch item 0, bias left out: it is not linear).
 */
import { matVec, transpose } from "../../algebra/index.ts";
import { Rational } from "../../algebra/rational.ts";
import { ringFor, type AlgebraValue } from "../../algebra/ring.ts";
import type { ExplainContext } from "../context.ts";
import type { RoundtripStep } from "../types.ts";

/** Above this many columns only some rows of Cᵀ C are computed (the text shows no more). */
const FULL_GRAM_LIMIT = 256;

/**
 * Builds the round-trip step.
 *
 * @example
 * const r = buildRoundtrip(seedCtx); // r.there = C·vec(y) has 4 entries, r.back 9; r.recovered false
 */
export function buildRoundtrip(ctx: ExplainContext): RoundtripStep {
  const { info, problem } = ctx;
  const c = ctx.matrix(), ct = transpose(c);
  const ring = ringFor(problem.x, problem.w);
  const lift = (s: Parameters<typeof ring.lift>[0]) => ring.lift(s);
  const weights = c.values.map(lift);
  const x0 = problem.x.data.slice(0, info.inChannels * info.inCount).map(lift);
  const transposed = info.op === "transposed";
  // The wide side is C's columns: y = Cᵀx for a transposed convolution, x itself for a convolution.
  const start = transposed ? matVec(ct, x0, ring) : x0;
  const there = matVec(c, start, ring);
  const back = matVec(ct, there, ring);
  const n = c.cols;
  const rowsWanted = n <= FULL_GRAM_LIMIT ? Array.from({ length: n }, (_, i) => i) : gramRowsFor(ctx, n);
  const gram = gramRows(ct, c, weights, ring, rowsWanted);
  const one = ring.lift({ kind: "exact", value: Rational.ONE });
  const identity = rowsWanted.every((r) => {
    const row = gram.filter(([a]) => a === r);
    return row.length === 1 && row[0]![1] === r && ring.equals(row[0]![2], one);
  });
  const recovered = back.every((v, i) => ring.equals(v, start[i]!));
  const wideShape = transposed ? info.outputShape.slice(1) : info.inputShape.slice(1);
  const narrowShape = transposed ? info.inputShape.slice(1) : info.outputShape.slice(1);
  return {
    kind: "roundtrip", op: info.op, start, startShape: wideShape, there, thereShape: narrowShape, back,
    gram, gramSize: n, gramRows: rowsWanted, identity, recovered,
  };
}

/** Rows of Cᵀ C for a big problem: the first two, the focus cell's, the last. */
function gramRowsFor(ctx: ExplainContext, n: number): number[] {
  const focusCol = ctx.focus % (ctx.info.outChannels * ctx.info.outCount);
  const pick = ctx.info.op === "transposed" ? focusCol : 0;
  return [...new Set([0, 1, pick, n - 1])].filter((r) => r >= 0 && r < n).sort((a, b) => a - b);
}

/**
 * Rows of Cᵀ C: (Cᵀ C)[a][b] = Σ_r C[r][a]·C[r][b]; row a of Cᵀ C walks the rows r of C that
 * have column a (row a of Cᵀ) and adds their entries.
 */
function gramRows(
  ct: ReturnType<typeof transpose>, c: ReturnType<typeof transpose>, weights: AlgebraValue[],
  ring: ReturnType<typeof ringFor>, rows: readonly number[],
): [number, number, AlgebraValue][] {
  const out: [number, number, AlgebraValue][] = [];
  for (const a of rows) {
    const acc = new Map<number, AlgebraValue>();
    for (let j = ct.rowStart[a]!; j < ct.rowStart[a + 1]!; j++) {
      const r = ct.col[j]!, wa = weights[ct.source[j]!]!;
      for (let q = c.rowStart[r]!; q < c.rowStart[r + 1]!; q++) {
        const b = c.col[q]!, term = ring.mul(wa, weights[c.source[q]!]!);
        const old = acc.get(b);
        acc.set(b, old === undefined ? term : ring.add(old, term));
      }
    }
    const zero = ring.zero();
    for (const b of [...acc.keys()].sort((p, q) => p - q)) {
      const v = acc.get(b)!;
      if (!ring.equals(v, zero)) out.push([a, b, v]);
    }
  }
  return out;
}
