/**
 * The five views of one problem, each read off the geometry layer's relation in a
 * different direction, each returning the whole output [N, C_out, *out]:
 * - scatter: each input cell times the kernel, placed (the scatter tap tables);
 * - gather: per output cell, the sum of its terms (the gather tap tables, via deriveCells);
 * - matrix: vec(y) = Cᵀ vec(x) per batch item (C vec(x) for `op: "conv"`);
 * - direct convolution (transposed only): zeros inserted, padded, kernel flipped, stride 1;
 * - phases (transposed only): ∏ s sub-pixel grids, each a stride-1 convolution of the input with
 *   a sub-kernel, interleaved (the geometry layer's phase tables).
 * Numbers stay exact (integers, fractions); symbols give polynomials. Tests prove all five equal.
 */
import type { ConvInfo } from "../geometry/conv-info.ts";
import { directConvGeometry } from "../geometry/direct-conv.ts";
import { overlapCounts } from "../geometry/overlap.ts";
import { phaseOutputFlat, phaseTables } from "../geometry/phases.ts";
import { forEachProduct, rowMajorStrides, tapTables, weightOffset } from "../geometry/taps.ts";
import { deriveCells } from "./cells.ts";
import { Rational } from "./rational.ts";
import { makeTensor, ringFor, type AlgebraTensor, type AlgebraValue, type Ring } from "./ring.ts";
import { exact, type Scalar, type ScalarTensor } from "./scalar.ts";
import { convMatrix, transpose, type SparseMatrix } from "./sparse.ts";

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

function start(info: ConvInfo, ring: Ring<AlgebraValue>, bias: ScalarTensor | undefined): AlgebraValue[] {
  const out = new Array<AlgebraValue>(product(info.outputShape));
  for (let f = 0; f < out.length; f++) {
    out[f] = bias ? ring.lift(bias.data[Math.floor(f / info.outCount) % info.outChannels]!) : ring.zero();
  }
  return out;
}

/**
 * Scatter: every input value times the kernel, added into the output where the relation places
 * it (cells cropped by padding are dropped).
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * scatterView(p.info, p.x, p.w).data.map(String) // → ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]
 */
export function scatterView(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): AlgebraTensor {
  const ring = ringFor(x, w, bias);
  const out = start(info, ring, bias);
  const scatter = tapTables(info).scatter;
  const outStr = rowMajorStrides(info.outSpatial), kStr = rowMajorStrides(info.kernelSpatial);
  const { cig, cog } = { cig: info.inChannelsPerGroup, cog: info.outChannelsPerGroup };
  const wv = w.data.map((s) => ring.lift(s));
  for (let n = 0; n < info.batch; n++) {
    for (let ci = 0; ci < info.inChannels; ci++) {
      const g = Math.floor(ci / cig);
      for (let a = 0; a < info.inCount; a++) {
        const xv = ring.lift(x.data[(n * info.inChannels + ci) * info.inCount + a]!);
        for (let col = 0; col < cog; col++) {
          const co = g * cog + col;
          const oBase = (n * info.outChannels + co) * info.outCount, wBase = weightOffset(info, ci, co);
          forEachProduct(scatter, info.inSpatial, a, outStr, kStr, (o, k) => {
            out[oBase + o] = ring.add(out[oBase + o]!, ring.mul(xv, wv[wBase + k]!));
          });
        }
      }
    }
  }
  return makeTensor(ring.mode, info.outputShape, out);
}

/**
 * Gather: each output cell as the sum of its terms, in the documented term order.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * gatherView(p.info, p.x, p.w).data.map(String) // → ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]
 */
export function gatherView(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): AlgebraTensor {
  const ring = ringFor(x, w, bias);
  const out = start(info, ring, bias);
  const cells = deriveCells(info, x, w);
  const xv = x.data.map((s) => ring.lift(s)), wv = w.data.map((s) => ring.lift(s));
  for (let f = 0; f < out.length; f++) {
    let acc = out[f]!;
    cells.forEachTerm(f, (i, k) => { acc = ring.add(acc, ring.mul(xv[i]!, wv[k]!)); });
    out[f] = acc;
  }
  return makeTensor(ring.mode, info.outputShape, out);
}

/**
 * y = m · v over a ring, m's entries lifted from their scalars.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * matVec(transpose(convMatrix(p.info, p.w)), [1, 2, 3, 4].map((v) => Rational.int(v)), exactRing).map(String)
 * // → ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]
 */
export function matVec<T>(m: SparseMatrix, v: readonly T[], ring: Ring<T>): T[] {
  const lifted = m.values.map((s) => ring.lift(s));
  const out = new Array<T>(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let acc = ring.zero();
    for (let j = m.rowStart[r]!; j < m.rowStart[r + 1]!; j++) acc = ring.add(acc, ring.mul(lifted[m.source[j]!]!, v[m.col[j]!]!));
    out[r] = acc;
  }
  return out;
}

/**
 * Matrix view: for each batch item, vec(y) = Cᵀ vec(x) (transposed) or C vec(x) (conv), then
 * reshaped; bias added per output channel.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * matrixView(p.info, p.x, p.w).data.map(String) // → ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]
 */
export function matrixView(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): AlgebraTensor {
  const ring = ringFor(x, w, bias);
  const c = convMatrix(info, w);
  const m = info.op === "transposed" ? transpose(c) : c;
  const out = start(info, ring, bias);
  const inPer = info.inChannels * info.inCount, outPer = info.outChannels * info.outCount;
  for (let n = 0; n < info.batch; n++) {
    const vec = x.data.slice(n * inPer, (n + 1) * inPer).map((s) => ring.lift(s));
    const y = matVec(m, vec, ring);
    for (let i = 0; i < outPer; i++) out[n * outPer + i] = ring.add(out[n * outPer + i]!, y[i]!);
  }
  return makeTensor(ring.mode, info.outputShape, out);
}

const ZERO: Scalar = exact(Rational.ZERO);

/**
 * The direct convolution's input: s − 1 zeros between neighbours, then d(k − 1) − p_begin
 * cells before and d(k − 1) − p_end + output padding after (a negative amount crops).
 * Shape [N, C_in, *padded].
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * const padded = directConvInput(p.info, p.x);
 * padded.shape // → [1, 1, 4, 4]
 * padded.data.slice(4, 8).map((s) => s.value.toString()) // → ["0", "1", "2", "0"]
 */
export function directConvInput(info: ConvInfo, x: ScalarTensor): ScalarTensor {
  const geo = directConvGeometry(info);
  const padded = geo.map((g) => g.paddedSize);
  const count = product(padded);
  const inStr = rowMajorStrides(info.inSpatial);
  // For each padded position: the input spatial flat index it holds, or -1 for an inserted zero.
  const source = new Int32Array(count);
  const idx = new Array<number>(info.rank).fill(0);
  for (let q = 0; q < count; q++) {
    let flat = 0;
    for (let ax = 0; ax < info.rank && flat >= 0; ax++) {
      const g = geo[ax]!, u = idx[ax]! - g.padBegin, s = g.zerosBetween + 1;
      if (u < 0 || u >= g.dilatedSize || u % s !== 0) flat = -1;
      else flat += (u / s) * inStr[ax]!;
    }
    source[q] = flat;
    for (let ax = info.rank - 1; ax >= 0; ax--) {
      if (++idx[ax]! < padded[ax]!) break;
      idx[ax] = 0;
    }
  }
  const data: Scalar[] = new Array(info.batch * info.inChannels * count);
  for (let nc = 0; nc < info.batch * info.inChannels; nc++) {
    for (let q = 0; q < count; q++) {
      const s = source[q]!;
      data[nc * count + q] = s < 0 ? ZERO : x.data[nc * info.inCount + s]!;
    }
  }
  return { shape: [info.batch, info.inChannels, ...padded], data };
}

/**
 * The kernel flipped along every spatial axis (t → k − 1 − t), same canonical layout.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * flippedKernel(p.info, p.w).data.map((s) => s.value.toString()) // → ["-1", "0", "0", "1"]
 */
export function flippedKernel(info: ConvInfo, w: ScalarTensor): ScalarTensor {
  const kc = info.kernelCount;
  const data = new Array<Scalar>(w.data.length);
  for (let f = 0; f < w.data.length; f++) {
    const base = f - (f % kc);
    data[base + (kc - 1 - (f % kc))] = w.data[f]!;
  }
  return { shape: w.shape, data };
}

/**
 * Direct convolution (transposed problems only): the zero-inserted, padded input convolved with
 * the flipped kernel at stride 1 and the problem's dilation.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });
 * directConvView(p.info, p.x, p.w).data.map(String) // → ["1", "2", "0", "3", "3", "-2", "0", "-3", "-4"]
 */
export function directConvView(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): AlgebraTensor {
  if (info.op !== "transposed") throw new Error("directConvView: only transposed problems have a direct-convolution view");
  const ring = ringFor(x, w, bias);
  const geo = directConvGeometry(info);
  const p = directConvInput(info, x), f = flippedKernel(info, w);
  const padded = p.shape.slice(2), pCount = product(padded);
  const pv = p.data.map((s) => ring.lift(s)), fv = f.data.map((s) => ring.lift(s));
  const pStr = rowMajorStrides(padded), kStr = rowMajorStrides(info.kernelSpatial);
  const out = start(info, ring, bias);
  const kIdx = new Array<number>(info.rank), oIdx = new Array<number>(info.rank);
  for (let n = 0; n < info.batch; n++) {
    for (let co = 0; co < info.outChannels; co++) {
      const g = Math.floor(co / info.outChannelsPerGroup);
      for (let o = 0; o < info.outCount; o++) {
        let rest = o;
        for (let ax = info.rank - 1; ax >= 0; ax--) { const s = info.outSpatial[ax]!; oIdx[ax] = rest % s; rest = Math.floor(rest / s); }
        const of = (n * info.outChannels + co) * info.outCount + o;
        let acc = out[of]!;
        for (let cil = 0; cil < info.inChannelsPerGroup; cil++) {
          const ci = g * info.inChannelsPerGroup + cil;
          const pBase = (n * info.inChannels + ci) * pCount, wBase = weightOffset(info, ci, co);
          for (let k = 0; k < info.kernelCount; k++) {
            let r = k;
            for (let ax = info.rank - 1; ax >= 0; ax--) { const s = info.kernelSpatial[ax]!; kIdx[ax] = r % s; r = Math.floor(r / s); }
            let q = 0;
            for (let ax = 0; ax < info.rank; ax++) q += (oIdx[ax]! + kIdx[ax]! * geo[ax]!.dilation) * pStr[ax]!;
            let kf = 0;
            for (let ax = 0; ax < info.rank; ax++) kf += kIdx[ax]! * kStr[ax]!;
            acc = ring.add(acc, ring.mul(pv[pBase + q]!, fv[wBase + kf]!));
          }
        }
        out[of] = acc;
      }
    }
  }
  return makeTensor(ring.mode, info.outputShape, out);
}

/**
 * The phase grids (sub-pixel view, transposed problems only): for each phase of
 * {@link phaseTables}, in its order, the grid [N, C_out, *gridShape] with
 * Y⁽φ⁾[m] = Σ_j K⁽φ⁾[j]·x[m − j] summed over the input channels of the group (a stride-1
 * convolution of the input with the sub-kernel K⁽φ⁾, the kernel flipped as it slides), plus the
 * bias. Flat, row-major over [N, C_out, *gridShape].
 *
 * @example
 * const p = parseProblem({ input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" });
 * phaseGrids(p.info, p.x, p.w).map((g) => g.map(String)) // → [["1", "3", "5", "7", "4"], ["2", "4", "6", "8"]]
 */
export function phaseGrids(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): AlgebraValue[][] {
  if (info.op !== "transposed") throw new Error("phaseGrids: only a transposed convolution has phases");
  const ring = ringFor(x, w, bias);
  const xv = x.data.map((s) => ring.lift(s)), wv = w.data.map((s) => ring.lift(s));
  const inStr = rowMajorStrides(info.inSpatial), kStr = rowMajorStrides(info.kernelSpatial);
  return phaseTables(info).map((phase) => {
    const tables = phase.axes.map((a) => a.table);
    const grid = new Array<AlgebraValue>(info.batch * info.outChannels * phase.gridCount);
    for (let n = 0; n < info.batch; n++) {
      for (let co = 0; co < info.outChannels; co++) {
        const g = Math.floor(co / info.outChannelsPerGroup);
        for (let j = 0; j < phase.gridCount; j++) {
          let acc = bias ? ring.lift(bias.data[co]!) : ring.zero();
          for (let cil = 0; cil < info.inChannelsPerGroup; cil++) {
            const ci = g * info.inChannelsPerGroup + cil;
            const xBase = (n * info.inChannels + ci) * info.inCount, wBase = weightOffset(info, ci, co);
            forEachProduct(tables, phase.gridShape, j, inStr, kStr, (a, k) => {
              acc = ring.add(acc, ring.mul(xv[xBase + a]!, wv[wBase + k]!));
            });
          }
          grid[(n * info.outChannels + co) * phase.gridCount + j] = acc;
        }
      }
    }
    return grid;
  });
}

/**
 * Pixel shuffle (depth-to-space): puts cell m of each phase grid at output o = m·s + φ − p_begin
 * per axis, rebuilding the whole output [N, C_out, *out] (flat, row-major).
 *
 * @example
 * const p = parseProblem({ input: "[1,2,3,4]", kernel: "[1,2,1]", stride: "2" });
 * pixelShuffle(p.info, phaseGrids(p.info, p.x, p.w)).map(String) // → ["1", "2", "3", "4", "5", "6", "7", "8", "4"]
 */
export function pixelShuffle(info: ConvInfo, grids: readonly (readonly AlgebraValue[])[]): AlgebraValue[] {
  const phases = phaseTables(info);
  if (grids.length !== phases.length) throw new Error(`pixelShuffle: ${phases.length} phase grids expected, got ${grids.length}`);
  const out = new Array<AlgebraValue>(product(info.outputShape));
  phases.forEach((phase, p) => {
    const grid = grids[p]!;
    for (let j = 0; j < phase.gridCount; j++) {
      const o = phaseOutputFlat(info, phase, j);
      for (let nc = 0; nc < info.batch * info.outChannels; nc++) out[nc * info.outCount + o] = grid[nc * phase.gridCount + j]!;
    }
  });
  for (let f = 0; f < out.length; f++) if (out[f] === undefined) throw new Error("pixelShuffle: the phase grids do not cover the output");
  return out;
}

/**
 * The phases view (transposed problems only): the phase grids of {@link phaseGrids}, interleaved
 * by {@link pixelShuffle}.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: "2" });
 * phasesView(p.info, p.x, p.w).data.map(String) // → ["1", "0", "2", "0", "0", "-1", "0", "-2", "3", "0", "4", "0", "0", "-3", "0", "-4"]
 */
export function phasesView(info: ConvInfo, x: ScalarTensor, w: ScalarTensor, bias?: ScalarTensor): AlgebraTensor {
  return makeTensor(ringFor(x, w, bias).mode, info.outputShape, pixelShuffle(info, phaseGrids(info, x, w, bias)));
}

/**
 * The adjoint identity ⟨C u, v⟩ = ⟨u, Cᵀ v⟩ for one batch item: `u` has C's column count of
 * entries, `v` its row count. Both sides are returned (exact, float or polynomial) with whether
 * they are equal.
 *
 * @example
 * const p = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[a,b],[c,d]]", allowSymbols: true });
 * const u = parseTensorLiteral("[1,0,2,0,-1,3,1,1,0]", { field: "u", allowSymbols: false });
 * const v = parseTensorLiteral("[2,-1,0,5]", { field: "v", allowSymbols: false });
 * adjointCheck(p.info, p.w, u, v).equal // → true
 */
export function adjointCheck(
  info: ConvInfo, w: ScalarTensor, u: ScalarTensor, v: ScalarTensor,
): { lhs: AlgebraValue; rhs: AlgebraValue; equal: boolean } {
  const c = convMatrix(info, w);
  if (u.data.length !== c.cols || v.data.length !== c.rows) {
    throw new Error(`adjointCheck: u needs ${c.cols} entries and v ${c.rows}`);
  }
  const ring = ringFor(w, u, v);
  const uv = u.data.map((s) => ring.lift(s)), vv = v.data.map((s) => ring.lift(s));
  const dot = (a: AlgebraValue[], b: AlgebraValue[]) => a.reduce((acc, ai, i) => ring.add(acc, ring.mul(ai, b[i]!)), ring.zero());
  const lhs = dot(matVec(c, uv, ring), vv);
  const rhs = dot(uv, matVec(transpose(c), vv, ring));
  return { lhs, rhs, equal: ring.equals(lhs, rhs) };
}

/**
 * Terms per spatial output cell for one input channel (multiply by C_in/g for all channels):
 * uneven counts are the checkerboard pattern.
 *
 * @example
 * const { info } = parseShapeProblem({ inputShape: "2,2", kernelShape: "2,2" });
 * Array.from(overlap(info).counts) // → [1, 2, 1, 2, 4, 2, 1, 2, 1]
 */
export function overlap(info: ConvInfo): { shape: readonly number[]; counts: Int32Array } {
  return { shape: info.outSpatial, counts: overlapCounts(info) };
}
