/**
 * `tconv/remark`: the unified/remark plugin on its own entry point, so that the main export's
 * types never reach for `mdast` or `unified` (their type packages are optional peer dependencies:
 * a consumer who imports this entry has them already).
 *
 * @example
 * import { remarkTconv } from "tconv/remark";
 */
export { remarkTconv, type TconvPluginOptions } from "./notes/remark.ts";
