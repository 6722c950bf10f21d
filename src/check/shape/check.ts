/**
 * Shape first: compares the claimed shape with the true one and, for each spatial axis that
 * differs, names the misuses (./misuses.ts) that give exactly the claimed size.
 */
import type { ConvInfo } from "../../geometry/conv-info.ts";
import { shapeMisuses, type ShapeMisuseId } from "./misuses.ts";

export interface AxisShapeFinding {
  /** Spatial axis, 0-based. */
  readonly axis: number;
  readonly expected: number;
  readonly claimed: number;
  /** Misuses giving the claimed size on this axis, most likely first. */
  readonly misuses: readonly ShapeMisuseId[];
}

export interface ShapeFinding {
  readonly ok: boolean;
  /** Canonical [N, C_out, *out] shapes. */
  readonly expected: readonly number[];
  readonly claimed: readonly number[];
  /** Spatial axes whose size differs. */
  readonly axes: readonly AxisShapeFinding[];
  /** Batch or channel counts that differ (no size formula explains those). */
  readonly batchOrChannels: boolean;
  /** Misuses explaining the most differing axes (ties: table order). */
  readonly likely: readonly ShapeMisuseId[];
}

/**
 * @example
 * checkShape(info, [1, 1, 4, 3]).axes[0]?.misuses // includes "copies-not-overlapped" for the seed problem
 */
export function checkShape(info: ConvInfo, claimedCanonical: readonly number[]): ShapeFinding {
  const expected = info.outputShape;
  const axes: AxisShapeFinding[] = [];
  info.axes.forEach((a, i) => {
    const claimed = claimedCanonical[i + 2]!;
    if (claimed === a.outSize) return;
    const misuses: ShapeMisuseId[] = [];
    for (const m of shapeMisuses) {
      if (m.op === info.op && m.size(a) === claimed && !misuses.includes(m.id)) misuses.push(m.id);
    }
    axes.push({ axis: i, expected: a.outSize, claimed, misuses });
  });
  const batchOrChannels = claimedCanonical[0] !== expected[0] || claimedCanonical[1] !== expected[1];
  const counts = new Map<ShapeMisuseId, number>();
  for (const ax of axes) for (const m of ax.misuses) counts.set(m, (counts.get(m) ?? 0) + 1);
  const best = Math.max(0, ...counts.values());
  const likely = best === 0 ? [] : shapeMisuses.map((m) => m.id).filter((id, i, all) => all.indexOf(id) === i && counts.get(id) === best);
  return { ok: axes.length === 0 && !batchOrChannels, expected, claimed: claimedCanonical, axes, batchOrChannels, likely };
}
