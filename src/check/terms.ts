/**
 * The terms of every output cell as flat indices into the canonical tensors (x: [N, C_in, *in],
 * w: the canonical weight, y: [N, C_out, *out]), read from the geometry layer's tap tables in the
 * algebra layer's documented order (input channel, then ascending input position, row-major;
 * src/algebra/cells.ts). The checker reasons about terms (which one is missing, which is extra)
 * without building any symbolic expression.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { deriveCells } from "../algebra/cells.ts";
import { Rational } from "../algebra/rational.ts";
import { exact, type Scalar } from "../algebra/scalar.ts";

/** One product x[x]·w[w] of a cell's sum, as flat canonical indices. */
export interface TermRef {
  readonly x: number;
  readonly w: number;
}

export interface CellTerms {
  /** Number of canonical output cells, N·C_out·∏out. */
  readonly cellCount: number;
  /** The terms of canonical output cell `cell`, in the documented order. */
  termsOf(cell: number): readonly TermRef[];
  /** The same terms without building a list (for passes over every cell). */
  forEachTerm(cell: number, visit: (x: number, w: number) => void): void;
  /** The canonical output cells a spatial neighbour (±1 on any spatial axes) away, same image and channel. */
  neighboursOf(cell: number): number[];
}

/**
 * Builds the per-cell term lister of a problem; the spatial pairs are listed once and shared by
 * every image and channel.
 *
 * @example
 * const t = cellTerms(info); // info of the 2×2 ⊛ 2×2 seed problem
 * t.termsOf(4).length       // 4: the centre cell receives every input value
 */
export function cellTerms(info: ConvInfo): CellTerms {
  // The algebra layer's own term walk (its documented order); the symbolic default names are
  // never built here because x and w are passed as given.
  const zeros = (shape: readonly number[]) => ({ shape, data: new Array(shape.reduce((a, b) => a * b, 1)).fill(ZERO) });
  const cells = deriveCells(info, zeros(info.inputShape), zeros(info.weightShape));
  const { outCount } = info;
  // Memoised: the checker reads a cell's terms again for each mistake and each neighbour.
  const memo: (readonly TermRef[] | undefined)[] = new Array(cells.count);
  return {
    cellCount: cells.count,
    termsOf(cell) {
      let out = memo[cell];
      if (!out) {
        const list: TermRef[] = [];
        cells.forEachTerm(cell, (x, w) => { list.push({ x, w }); });
        memo[cell] = out = list;
      }
      return out;
    },
    forEachTerm: (cell, visit) => cells.forEachTerm(cell, visit),
    neighboursOf(cell) {
      const o = cell % outCount;
      const base = cell - o;
      const pos: number[] = [];
      let rest = o;
      for (let ax = info.rank - 1; ax >= 0; ax--) {
        const size = info.axes[ax]!.outSize;
        pos[ax] = rest % size;
        rest = Math.floor(rest / size);
      }
      const result: number[] = [];
      const walk = (ax: number, flat: number, moved: boolean) => {
        if (ax === info.rank) { if (moved) result.push(base + flat); return; }
        const size = info.axes[ax]!.outSize;
        for (const d of [-1, 0, 1]) {
          const p = pos[ax]! + d;
          if (p < 0 || p >= size) continue;
          walk(ax + 1, flat * size + p, moved || d !== 0);
        }
      };
      walk(0, 0, false);
      return result;
    },
  };
}

const ZERO: Scalar = exact(Rational.ZERO);
