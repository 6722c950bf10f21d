/**
 * The package's browser entry (bundlers pick it through the `browser` export condition): the
 * whole library (src/core.ts) without file access. `@file` is refused with a TconvError; entries
 * written as expressions need mathjs, which a page installs when it wants them:
 *
 * @example
 * import { create, all } from "mathjs";
 * import { installPlatform, parseProblem } from "tconv";
 * installPlatform({ loadMathjs: () => ({ create: (config) => create(all, config) }) });
 */
export * from "./core.ts";
