/**
 * What the checker needs of a problem: the canonical parameters and tensors the spec layer
 * produces (channels-first, canonical weight), and the layout the user writes tensors in.
 */
import type { ScalarTensor } from "../algebra/scalar.ts";
import type { ConvInfo } from "../geometry/conv-info.ts";
import type { CanonicalParams } from "../spec/problem.ts";

import type { Layout } from "../spec/layout.ts";

export type { Layout };

export interface CheckProblem {
  readonly params: CanonicalParams;
  readonly info: ConvInfo;
  /** [N, C_in, *in]. */
  readonly x: ScalarTensor;
  /** The canonical weight ([C_in, C_out/g, *k] for transposed, [C_out, C_in/g, *k] for conv). */
  readonly w: ScalarTensor;
  /** [C_out], or absent. */
  readonly bias?: ScalarTensor | undefined;
  /** How the user writes the output (default plain). */
  readonly layout?: Layout | undefined;
  /** Whether the user's input has an N axis, so the output has one (default: yes, except plain). */
  readonly batched?: boolean | undefined;
}
