/**
 * PyTorch prints and constructors: `tensor([[1., 2.], [3., 4.]])`, with what PyTorch appends —
 * `device='cuda:0'`, `requires_grad=True`, `grad_fn=<ConvolutionBackward0>` (accepted and
 * ignored), `dtype=torch.float64` (sets the precision the print is trusted to) — scientific
 * notation (`1.0000e+00`) and summarised prints (`...`).
 */
import { TconvError } from "../../spec/error.ts";
import { dtypeName, parseCall, printedData, statedShape, withStated } from "./call.ts";
import type { ClaimGrid } from "./grid.ts";

const NAME = /^(?:torch\.)?(?:tensor|Tensor|as_tensor)$/;
const IGNORED = new Set(["device", "requires_grad", "grad_fn", "layout", "names", "pin_memory"]);

/** Whether the text is one PyTorch tensor call. @example looksLikeTorch("tensor([[1., 2.]], grad_fn=<AddBackward0>)") // true */
export function looksLikeTorch(text: string): boolean {
  return /^(?:torch\.)?(?:tensor|Tensor|as_tensor)\s*\(/.test(text) && /\)$/.test(text);
}

/**
 * @example
 * parseTorchClaim("tensor([[1.0000e+00, 2.0000e+00]], device='cuda:0', requires_grad=True)", "--claim").shape // → [1, 2]
 */
export function parseTorchClaim(text: string, field: string, shape?: readonly number[]): ClaimGrid {
  const call = parseCall(text, field);
  if (!call || !NAME.test(call.name) || call.data === undefined) {
    throw new TconvError("bad-claim", field, "expected a PyTorch print such as tensor([[1., 2.], [3., 4.]])");
  }
  let dtype: string | undefined, size: number[] | undefined;
  for (const [key, value] of call.kwargs) {
    if (key === "dtype") dtype = dtypeName(value);
    else if (key === "size") size = statedShape(value, key, field);
    else if (!IGNORED.has(key)) throw new TconvError("bad-claim", field, `unexpected ${key}= in a PyTorch print (device, requires_grad, grad_fn and dtype are understood)`);
  }
  return withStated(printedData(call.data, field, size ?? shape), { ...(size ? { shape: size } : {}), ...(dtype ? { dtype } : {}) }, field);
}
