/**
 * TensorFlow prints: `print(t)` gives `tf.Tensor(<numpy rows>, shape=(1, 3, 3, 1), dtype=float32)`,
 * the notebook/REPL repr gives `<tf.Tensor: shape=(3, 3), dtype=float32, numpy=array([...],
 * dtype=float32)>`; `tf.constant([...])` is the constructor. The stated shape must be the data's
 * (and places the cells of a summarised print's `...`); a float dtype sets the precision.
 */
import { TconvError } from "../../spec/error.ts";
import { dtypeName, parseCall, printedData, splitArgs, statedShape, withStated } from "./call.ts";
import type { ClaimGrid } from "./grid.ts";

const REPR = /^<tf\.Tensor:([\s\S]*)>$/;

/** Whether the text is one TensorFlow tensor print or constructor. @example looksLikeTf("<tf.Tensor: shape=(1,), dtype=int32, numpy=array([1])>") // true */
export function looksLikeTf(text: string): boolean {
  return REPR.test(text) || (/^(?:tf\.)(?:Tensor|constant|Variable|convert_to_tensor)\s*\(/.test(text) && /\)$/.test(text));
}

/**
 * @example
 * parseTfClaim("tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)", "--claim").statedShape // → [2, 2]
 * parseTfClaim("<tf.Tensor: shape=(1, 2), dtype=int32, numpy=array([[1, 2]], dtype=int32)>", "--claim").shape // → [1, 2]
 */
export function parseTfClaim(text: string, field: string, shape?: readonly number[]): ClaimGrid {
  const repr = REPR.exec(text.trim());
  let data: string | undefined;
  const kwargs: [string, string][] = [];
  if (repr) {
    for (const arg of splitArgs(repr[1]!)) {
      const kw = /^([A-Za-z_]\w*)\s*=\s*([\s\S]*)$/.exec(arg);
      if (!kw) throw new TconvError("bad-claim", field, `unexpected "${arg.slice(0, 30)}" in <tf.Tensor: ...>`);
      if (kw[1] === "numpy") {
        // numpy=array([...], dtype=float32), or bare rows.
        const inner = parseCall(kw[2]!, field);
        data = inner?.data ?? kw[2]!;
      } else {
        kwargs.push([kw[1]!, kw[2]!.trim()]);
      }
    }
  } else {
    const call = parseCall(text, field);
    if (!call || call.data === undefined) throw new TconvError("bad-claim", field, "expected a TensorFlow print such as tf.Tensor([[1. 2.]], shape=(1, 2), dtype=float32)");
    data = call.data;
    kwargs.push(...call.kwargs.map(([k, v]) => [k, v] as [string, string]));
  }
  if (data === undefined) throw new TconvError("bad-claim", field, "the TensorFlow print holds no numpy= data");
  let dtype: string | undefined, stated: number[] | undefined;
  for (const [key, value] of kwargs) {
    if (key === "dtype") dtype = dtypeName(value);
    else if (key === "shape") stated = statedShape(value, key, field);
    else if (key !== "id" && key !== "name" && key !== "trainable") {
      throw new TconvError("bad-claim", field, `unexpected ${key}= in a TensorFlow print (shape and dtype are understood)`);
    }
  }
  return withStated(printedData(data, field, stated ?? shape), { ...(stated ? { shape: stated } : {}), ...(dtype ? { dtype } : {}) }, field);
}
