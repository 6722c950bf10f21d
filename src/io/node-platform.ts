/**
 * The Node platform: `@file` through readUserFile (regular files, size cap, confinement), and
 * mathjs's prebuilt bundle required on first use (it loads in ~0.2 s, against 1–2 s for its
 * module tree; only entries written as expressions need it).
 */
import { createRequire } from "node:module";
import { installPlatform, type MathBundle } from "../platform.ts";
import { readUserFile } from "./read-file.ts";

let mathjs: MathBundle | undefined;

/**
 * Installs the Node platform (src/index.ts and the CLI do this).
 *
 * @example installNodePlatform()
 */
export function installNodePlatform(): void {
  installPlatform({
    readFile: (name, field, access) => readUserFile(name, field, { ...access, cwd: access.cwd ?? process.cwd() }),
    loadMathjs: () => (mathjs ??= createRequire(import.meta.url)("mathjs/lib/browser/math.js") as MathBundle),
  });
}
