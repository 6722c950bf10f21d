/**
 * The axis orders users write tensors in (CONTRACT.md), and the permutations to the canonical
 * channels-first order and back. Canonical: input [N, C_in, *in], output [N, C_out, *out],
 * weight [C_in, C_out/g, *k] (transposed) or [C_out, C_in/g, *k] (conv).
 *
 * | layout  | input              | transposed kernel       | conv kernel              |
 * |---------|--------------------|-------------------------|--------------------------|
 * | plain   | [*in]              | [*k]                    | [*k]                     |
 * | torch   | [N, C_in, *in]     | [C_in, C_out/g, *k]     | [C_out, C_in/g, *k]      |
 * | tf      | [N, *in, C_in]     | [*k, C_out/g, C_in]     | [*k, C_in/g, C_out]      |
 *
 * `torch` and `tf` also take an unbatched input (no N axis, as PyTorch and tfjs do); the output
 * then has no N axis either. TF's kernels are its own storage orders: `conv2d_transpose` filters
 * are [*k, out, in] and `conv2d` filters [*k, in, out], so both permute to canonical the same way.
 */
import type { ScalarTensor } from "../algebra/scalar.ts";
import { TconvError } from "./error.ts";

/** How axes are ordered: bare spatial arrays, PyTorch/ONNX channels-first, or TensorFlow channels-last. */
export type Layout = "plain" | "torch" | "tf";

/**
 * A layout name; `onnx` is an alias of `torch` (the same axis orders).
 *
 * @example
 * parseLayout("onnx") // → "torch"
 */
export function parseLayout(name: string | undefined, field = "layout"): Layout {
  const n = (name ?? "plain").trim().toLowerCase();
  if (n === "plain" || n === "torch" || n === "tf") return n;
  if (n === "onnx" || n === "pytorch") return "torch";
  if (n === "tensorflow") return "tf";
  throw new TconvError("bad-layout", field, `unknown layout "${name}"; expected plain, torch (alias onnx) or tf`,
    { expected: "plain|torch|onnx|tf", actual: String(name) });
}

/**
 * The number of spatial axes, read off the kernel's rank.
 *
 * @example
 * spatialRank("torch", [1, 2, 3, 3], "--kernel") // → 2
 */
export function spatialRank(layout: Layout, kernelShape: readonly number[], field: string): number {
  const extra = layout === "plain" ? 0 : 2;
  const r = kernelShape.length - extra;
  if (r < 1) {
    const want = layout === "plain" ? "[*kernel]" : layout === "torch" ? "[C_in, C_out/groups, *kernel]" : "[*kernel, C_out/groups, C_in]";
    throw new TconvError("rank-mismatch", field,
      `a ${layout} kernel has ${extra} channel axes plus at least one spatial axis (${want}), got rank ${kernelShape.length}`);
  }
  return r;
}

/** Where each canonical axis comes from in the user's layout. */
function inputPerm(layout: Layout, rank: number, batched: boolean): number[] {
  const spatial = Array.from({ length: rank }, (_, i) => i);
  if (layout === "torch") return batched ? [0, 1, ...spatial.map((i) => i + 2)] : [0, ...spatial.map((i) => i + 1)];
  if (layout === "tf") return batched ? [0, rank + 1, ...spatial.map((i) => i + 1)] : [rank, ...spatial];
  return spatial;
}

function kernelPerm(layout: Layout, rank: number): number[] {
  const spatial = Array.from({ length: rank }, (_, i) => i);
  if (layout === "tf") return [rank + 1, rank, ...spatial];
  if (layout === "torch") return [0, 1, ...spatial.map((i) => i + 2)];
  return spatial;
}

/** Canonical axis order of a shape: `out[i] = shape[perm[i]]`. */
const permuteShape = (shape: readonly number[], perm: readonly number[]) => perm.map((p) => shape[p]!);

/**
 * Reorders a row-major tensor so that output axis i is input axis `perm[i]`.
 *
 * @example
 * permute([1, 2, 3, 4, 5, 6], [2, 3], [1, 0]) // → { shape: [3, 2], data: [1, 4, 2, 5, 3, 6] }
 */
export function permute<T>(data: ArrayLike<T>, shape: readonly number[], perm: readonly number[]): { shape: number[]; data: T[] } {
  const outShape = permuteShape(shape, perm);
  const n = data.length;
  const out = new Array<T>(n);
  if (perm.every((p, i) => p === i)) {
    for (let i = 0; i < n; i++) out[i] = data[i]!;
    return { shape: outShape, data: out };
  }
  const inStrides = stridesOf(shape);
  const rank = shape.length;
  // Strides of the source walked in the destination's row-major order.
  const walk = perm.map((p) => inStrides[p]!);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < n; i++) {
    out[i] = data[src]!;
    for (let ax = rank - 1; ax >= 0; ax--) {
      idx[ax]!++;
      src += walk[ax]!;
      if (idx[ax]! < outShape[ax]!) break;
      src -= walk[ax]! * outShape[ax]!;
      idx[ax] = 0;
    }
  }
  return { shape: outShape, data: out };
}

function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]!; }
  return s;
}

/**
 * The input's shape in canonical order [N, C_in, *in]; `batched` says whether the user wrote
 * an N axis. A rank that fits neither form is the frameworks' rank error.
 */
export function canonicalInputShape(
  layout: Layout, shape: readonly number[], rank: number, field: string,
): { shape: number[]; batched: boolean } {
  if (layout === "plain") {
    if (shape.length !== rank) {
      throw new TconvError("rank-mismatch", field,
        `the kernel has ${rank} spatial axes, so a plain input must have rank ${rank}, got rank ${shape.length} (shape [${shape.join(",")}])`,
        { expected: String(rank), actual: String(shape.length) });
    }
    return { shape: [1, 1, ...shape], batched: false };
  }
  if (shape.length !== rank + 2 && shape.length !== rank + 1) {
    const form = layout === "torch" ? "[N, C_in, *spatial] or [C_in, *spatial]" : "[N, *spatial, C_in] or [*spatial, C_in]";
    throw new TconvError("rank-mismatch", field,
      `expected ${rank + 1}-D (unbatched) or ${rank + 2}-D (batched) input ${form} for a kernel with ${rank} spatial axes, but got input of size [${shape.join(",")}]`,
      { expected: `${rank + 1} or ${rank + 2}`, actual: String(shape.length) });
  }
  const batched = shape.length === rank + 2;
  const canon = permuteShape(shape, inputPerm(layout, rank, batched));
  return { shape: batched ? canon : [1, ...canon], batched };
}

/** The kernel's shape in the canonical weight order (see the table above). */
export function canonicalKernelShape(layout: Layout, shape: readonly number[], rank: number): number[] {
  return layout === "plain" ? [1, 1, ...shape] : permuteShape(shape, kernelPerm(layout, rank));
}

/** The input tensor in canonical order [N, C_in, *in]. */
export function inputToCanonical(layout: Layout, t: ScalarTensor, rank: number, field: string): { tensor: ScalarTensor; batched: boolean } {
  const { shape, batched } = canonicalInputShape(layout, t.shape, rank, field);
  if (layout === "plain") return { tensor: { shape, data: t.data }, batched };
  const { data } = permute(t.data, t.shape, inputPerm(layout, rank, batched));
  return { tensor: { shape, data }, batched };
}

/** The kernel tensor in canonical weight order. */
export function kernelToCanonical(layout: Layout, t: ScalarTensor, rank: number): ScalarTensor {
  if (layout === "plain") return { shape: [1, 1, ...t.shape], data: t.data };
  return permute(t.data, t.shape, kernelPerm(layout, rank));
}

/**
 * The output's shape in the user's layout, from canonical [N, C_out, *out]: plain keeps only
 * the spatial axes, an unbatched input gives an unbatched output.
 *
 * @example
 * layoutOutputShape("tf", false, [1, 2, 3, 3]) // → [3, 3, 2]
 */
export function layoutOutputShape(layout: Layout, batched: boolean, canonical: readonly number[]): number[] {
  return permuteShape(canonical, outputAxes(layout, canonical.length - 2, batched));
}

/**
 * The one permutation between the canonical output [N, C_out, *out] and the user's layout: the
 * canonical axes in the order the layout writes them (`k`-th written axis = canonical axis
 * `axes[k]`). Plain writes no N and no C; an unbatched input (torch or tf) gives no N. The axes
 * left out are leading canonical axes of size 1, so leaving them out never reorders the data.
 *
 * @example
 * outputAxes("torch", 2, true)  // → [0, 1, 2, 3]
 * outputAxes("tf", 2, true)     // → [0, 2, 3, 1]
 * outputAxes("tf", 2, false)    // → [2, 3, 1]
 * outputAxes("plain", 1, false) // → [2]
 */
export function outputAxes(layout: Layout, rank: number, batched: boolean): number[] {
  const spatial = Array.from({ length: rank }, (_, i) => i + 2);
  if (layout === "plain") return spatial;
  const lead = batched ? [0] : [];
  return layout === "torch" ? [...lead, 1, ...spatial] : [...lead, ...spatial, 1];
}

/**
 * The output values (canonical [N, C_out, *out], row-major) reordered into the user's layout.
 * Plain and unbatched outputs drop their size-1 axes, which never reorders the data.
 *
 * @example
 * outputToLayout("tf", true, [1, 2, 1, 2], [1, 2, 3, 4]) // → { shape: [1, 1, 2, 2], data: [1, 3, 2, 4] }
 */
export function outputToLayout<T>(layout: Layout, batched: boolean, canonical: readonly number[], data: ArrayLike<T>): { shape: number[]; data: T[] } {
  const axes = outputAxes(layout, canonical.length - 2, batched);
  return { shape: permuteShape(canonical, axes), data: permute(data, canonical, withLeftOut(axes)).data };
}

/**
 * The inverse of {@link outputToLayout}: row-major data written in the layout, with shape
 * `shape` (the layout's axes of an output of `rank` spatial axes), in canonical order.
 *
 * @example
 * outputFromLayout("tf", false, 1, [2, 3], [1, 2, 3, 4, 5, 6]) // → { shape: [1, 3, 2], data: [1, 4, 2, 5, 3, 6] }
 */
export function outputFromLayout<T>(layout: Layout, batched: boolean, rank: number, shape: readonly number[], data: ArrayLike<T>): { shape: number[]; data: T[] } {
  const full = withLeftOut(outputAxes(layout, rank, batched));
  // Layout axis k holds canonical axis full[k]; the left-out axes are the leading size-1 ones.
  const fullShape = [...Array<number>(full.length - shape.length).fill(1), ...shape];
  return permute(data, fullShape, full.map((_, a) => full.indexOf(a)));
}

/** {@link outputAxes} with the canonical axes it leaves out (size 1, leading) put first: a permutation of all of them. */
function withLeftOut(axes: readonly number[]): number[] {
  return [...[0, 1].filter((a) => !axes.includes(a)), ...axes];
}
