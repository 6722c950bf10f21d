/**
 * The package's Node entry (`import … from "tconv"` under Node): the whole library
 * (src/core.ts) with the Node platform installed, so `@file` tensors and claims are read from
 * disk and expression entries load mathjs on first use.
 *
 * @example
 * import { evaluate, nestedOutput, shape } from "tconv";
 * shape({ inputShape: "2,2", kernelShape: "2,2" }).shape; // [3, 3]
 * nestedOutput(evaluate({ input: [[1, 2], [3, 4]], kernel: [[1, 0], [0, -1]] }));
 * // [[1, 2, 0], [3, 3, -2], [0, -3, -4]]
 */
import { installNodePlatform } from "./io/node-platform.ts";

installNodePlatform();

export * from "./core.ts";
