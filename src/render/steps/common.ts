/** Pieces several step views share: the output maps, tensors of the user's numbers, labels. */
import type { ScalarTensor } from "../../algebra/scalar.ts";
import { elide, omitted } from "../../explain/elision.ts";
import { indexText, scalarCell, type MathKit } from "../math.ts";

/** One 2-D (or N-D) map of a tensor: which batch item and channel, and its TeX. */
export interface MapView {
  /** `y_{n,c}` style label when the tensor has more than one map, else "". */
  readonly label: string;
  readonly tex: string;
  /** The batch item and channel of this map. */
  readonly batch?: number;
  readonly channel?: number;
}

/** Maps listed at most: the first three and the last. */
const MAPS = 4;

/** The output maps of the derivation, `Y` itself when there is only one. */
export function outputMaps(kit: MathKit, letter = "Y", cell?: (n: number, c: number) => (flat: number) => string): { maps: MapView[]; omitted: number } {
  const { batch, outChannels } = kit.d.info;
  return maps(batch, outChannels, letter, kit.d.indexBase, (n, c) => kit.outputGrid(n, c, cell?.(n, c)));
}

/** Maps of a canonical tensor [N, C, *spatial] with a TeX cell function. */
export function tensorMaps(
  kit: MathKit, t: ScalarTensor, letter: string, colour: boolean,
): { maps: MapView[]; omitted: number } {
  const [n0, c0, ...spatial] = t.shape;
  const count = spatial.reduce((a, b) => a * b, 1);
  return maps(n0!, c0!, letter, kit.d.indexBase, (n, c) => kit.grid(spatial, (f) => {
    const flat = (n * c0! + c) * count + f;
    const tex = scalarCell(t.data[flat]!);
    return colour ? kit.colour(f, tex) : tex;
  }));
}

function maps(n: number, c: number, letter: string, base: number, grid: (n: number, c: number) => string): { maps: MapView[]; omitted: number } {
  const all = n * c;
  const shown = elide(all, MAPS, 3, 1);
  const out: MapView[] = [];
  for (const f of shown) {
    if (f === null) continue;
    const bn = Math.floor(f / c), cc = f % c;
    const label = all === 1 ? letter : `${letter}_{${indexText(n > 1 ? [bn, cc] : [cc], base)}}`;
    out.push({ label, tex: grid(bn, cc), batch: bn, channel: cc });
  }
  return { maps: out, omitted: omitted(shown, all) };
}
