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

/** The seed's correct answer [[1,2,0],[3,3,-2],[0,-3,-4]] as people paste it (issue 15's everyday forms). */
export const SEED_FORMS: readonly (readonly [string, string])[] = [
  ["a PyTorch print with device= and requires_grad=", "tensor([[ 1.,  2.,  0.],\n        [ 3.,  3., -2.],\n        [ 0., -3., -4.]], device='cuda:0', requires_grad=True)"],
  ["a PyTorch print with grad_fn=, four axes", "tensor([[[[ 1.,  2.,  0.],\n          [ 3.,  3., -2.],\n          [ 0., -3., -4.]]]], grad_fn=<ConvolutionBackward0>)"],
  ["TensorFlow's print, NHWC with a trailing channel", "tf.Tensor(\n[[[[ 1.]\n   [ 2.]\n   [ 0.]]\n\n  [[ 3.]\n   [ 3.]\n   [-2.]]\n\n  [[ 0.]\n   [-3.]\n   [-4.]]]], shape=(1, 3, 3, 1), dtype=float32)"],
  ["TensorFlow's eager repr", "<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\narray([[ 1.,  2.,  0.],\n       [ 3.,  3., -2.],\n       [ 0., -3., -4.]], dtype=float32)>"],
  ["a Python assignment", "Y = [[1, 2, 0], [3, 3, -2], [0, -3, -4]]"],
  ["a numpy assignment", "y = np.array([[1, 2, 0], [3, 3, -2], [0, -3, -4]])"],
  ["plain rows", "1 2 0 / 3 3 -2 / 0 -3 -4"],
  ["Jupyter's Out[7]: prefix", "Out[7]: tensor([[ 1.,  2.,  0.],\n        [ 3.,  3., -2.],\n        [ 0., -3., -4.]])"],
  ["scientific notation", "tensor([[ 1.0000e+00,  2.0000e+00,  0.0000e+00],\n        [ 3.0000e+00,  3.0000e+00, -2.0000e+00],\n        [ 0.0000e+00, -3.0000e+00, -4.0000e+00]])"],
  ["CSV", "1,2,0\n3,3,-2\n0,-3,-4"],
  ["TSV", "1\t2\t0\n3\t3\t-2\n0\t-3\t-4"],
];
