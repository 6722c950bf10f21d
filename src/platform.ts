/**
 * What the core needs from the place it runs in: reading a user's `@file`, and loading mathjs
 * for entries written as expressions (`1/3+1`). The core imports no `node:*` module, so it
 * bundles for a browser as it is; the entry point installs what its environment has —
 * src/index.ts the Node platform (src/io/node-platform.ts), src/browser.ts nothing: there
 * `@file` is refused, and expressions work once the page calls `installPlatform({ loadMathjs })`.
 */
import { TconvError } from "./spec/error.ts";

/** Where `@file` paths resolve and what they may reach. */
export interface FileAccess {
  /** Directory a relative path resolves against (default: the process's working directory). */
  readonly cwd?: string;
  /**
   * When set, the file must lie inside this directory after every symlink is resolved, and
   * absolute paths are refused: notes and site builds set it to the note's folder.
   */
  readonly root?: string;
  /** The size cap in bytes. */
  readonly maxBytes?: number;
}

/** The part of mathjs's prebuilt bundle the core uses; its `create` holds every factory. */
export interface MathBundle {
  create(config?: object): MathInstance;
}

/** A node of mathjs's expression tree, as far as the core reads it. */
export interface MathNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: string | MathNode;
  readonly args?: readonly MathNode[];
  readonly content?: MathNode;
}

/** A mathjs instance, as far as the core uses it. */
export interface MathInstance {
  evaluate(expr: string): unknown;
  /** The expression tree, unevaluated (entries such as `2a + b/3` are walked into a polynomial). */
  parse(expr: string): MathNode;
  typeOf(x: unknown): string;
}

/**
 * The environment's services.
 *
 * @example
 * const bundled: Partial<Platform> = { loadMathjs: () => ({ create: () => { throw new Error("no mathjs here"); } }) };
 */
export interface Platform {
  /** Reads `@name` as UTF-8 text for the option `field`; errors are TconvErrors naming it. */
  readonly readFile: (name: string, field: string, access: FileAccess) => string;
  /** mathjs, loaded on first use; `field` names the option whose entry needs it. */
  readonly loadMathjs: (field: string) => MathBundle;
}

const withoutHost: Platform = {
  readFile: (name, field) => {
    throw new TconvError("no-files", field, `cannot read ${JSON.stringify(name.slice(0, 80))}: files cannot be read here; give the tensor itself`);
  },
  loadMathjs: (field) => {
    throw new TconvError("no-expressions", field, "entries written as expressions need mathjs, which this build has not loaded (installPlatform({ loadMathjs }))");
  },
};

let current: Platform = withoutHost;

/**
 * The installed platform.
 *
 * @example
 * const math = platform().loadMathjs("--input").create({ number: "Fraction" }); // under Node
 * math.typeOf(math.evaluate("1/3 + 1/6")) // → "Fraction"
 */
export function platform(): Platform {
  return current;
}

/**
 * Installs services of the environment; what is not given stays as it was.
 *
 * @example
 * installPlatform({}) // keeps every service as it was
 */
export function installPlatform(services: Partial<Platform>): void {
  current = { ...current, ...services };
}
