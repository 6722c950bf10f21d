/**
 * Documentation that runs (DESIGN.md convention 6): the ```ts blocks marked `<!-- example -->` in
 * README.md and docs/*.md, and the `@example` blocks of the public API's TSDoc are extracted and
 * executed. In a TSDoc example, `expr // → JSON` (or `// → JSON` on the next line) is an assertion
 * when the right side is JSON; other `// →` comments are read as prose.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const indexUrl = pathToFileURL(join(repoRoot, "src/index.ts")).href;
const workDir = join(repoRoot, "test-results", "doc-examples");

export interface DocExample {
  /** Where it came from, e.g. `README.md:212` or `src/index.ts: shape`. */
  readonly name: string;
  /** A complete TypeScript module. */
  readonly code: string;
}

/**
 * The ```ts blocks that directly follow a `<!-- example -->` line in a Markdown text; `file` (relative
 * to the repository) names them, e.g. `docs/api.md:12`.
 */
export function readmeExamples(readme = readFileSync(join(repoRoot, "README.md"), "utf8"), file = "README.md"): DocExample[] {
  const lines = readme.split(/\r?\n/);
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "<!-- example -->") continue;
    let open = i + 1;
    while (open < lines.length && lines[open]!.trim() === "") open++;
    if (!/^```(ts|typescript)\s*$/.test(lines[open] ?? "")) throw new Error(`${file}:${i + 1}: <!-- example --> is not followed by a \`\`\`ts block`);
    const close = lines.findIndex((l, j) => j > open && /^```\s*$/.test(l));
    if (close < 0) throw new Error(`${file}:${open + 1}: unclosed example`);
    examples.push({ name: `${file}:${open + 1}`, code: lines.slice(open + 1, close).join("\n") });
  }
  return examples;
}

/** The documentation's Markdown files, relative to the repository: README.md, then docs/*.md by name. */
export function documentationFiles(): string[] {
  const docs = readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`);
  return ["README.md", ...docs];
}

/** Every `<!-- example -->` block of README.md and docs/*.md. */
export function documentationExamples(): DocExample[] {
  return documentationFiles().flatMap((file) => readmeExamples(readFileSync(join(repoRoot, file), "utf8"), file));
}

export interface ExportDoc {
  readonly name: string;
  /** Whether the export is a value (function, const, class) rather than a type. */
  readonly isValue: boolean;
  /** The doc comment's main text (empty when there is none). */
  readonly summary: string;
  /** The bodies of its `@example` tags. */
  readonly examples: readonly string[];
}

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true, noEmit: true, skipLibCheck: true, strict: true,
};
let program: ts.Program | undefined;

/**
 * One TypeScript program for every file asked about in this process: creating one costs seconds,
 * and the public API and a layer's index share nearly all their sources.
 */
function programWith(file: string): ts.Program {
  if (!program || !program.getRootFileNames().includes(file)) {
    program = ts.createProgram({ rootNames: [...(program?.getRootFileNames() ?? []), file], options: compilerOptions, oldProgram: program });
  }
  return program;
}

/**
 * The public API's exports with their TSDoc, read through the TypeScript compiler so that
 * re-exports lead to the declaration that carries the comment.
 */
export function publicExports(file = join(repoRoot, "src/core.ts")): ExportDoc[] {
  const program = programWith(file);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${file}`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const isValue = (symbol.flags & ts.SymbolFlags.Value) !== 0;
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const examples = symbol.getJsDocTags(checker).filter((t) => t.name === "example").map((t) => ts.displayPartsToString(t.text));
    return { name: exported.getName(), isValue, summary, examples };
  });
}

/** Turns `expr // → JSON` lines into assertions; everything else is kept as it is. */
export function withAssertions(body: string): string {
  const lines = body.replace(/^```\w*\s*$/gm, "").split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const inline = /^(.*?\S)\s*\/\/\s*→\s*(.+)$/.exec(line);
    const next = /^\s*\/\/\s*→\s*(.+)$/.exec(lines[i + 1] ?? "");
    const expr = inline ? inline[1]! : next && !/^\s*\/\//.test(line) && line.trim() !== "" ? line.trim() : undefined;
    const expected = inline ? inline[2]! : next?.[1];
    if (expr !== undefined && expected !== undefined && isJson(expected) && !/^(const|let|var|await\s+\w+\s*=)\b/.test(expr) && !expr.endsWith(";")) {
      out.push(`assertExample(${expr}, ${expected}, ${JSON.stringify(expr)});`);
      if (!inline) i++;
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A module that runs one TSDoc example with every public export in scope; `prelude` lines (more
 * imports, definitions the example names) come after the exports are unpacked.
 */
export function tsdocModule(exportNames: readonly string[], body: string, prelude: readonly string[] = []): string {
  return [
    `import * as api from ${JSON.stringify(indexUrl)};`,
    `import { deepStrictEqual } from "node:assert";`,
    `const { ${exportNames.join(", ")} } = api as any;`,
    ...prelude,
    `function assertExample(actual: unknown, expected: unknown, what: string) {`,
    `  deepStrictEqual(JSON.parse(JSON.stringify(actual)), expected, what);`,
    `}`,
    `export default async function run() {`,
    withAssertions(body),
    `}`,
  ].join("\n");
}

/** Writes an example as a module under test-results/ (imports of ./src/*.ts rewritten) and runs it. */
export async function runExample(name: string, code: string): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.ts`);
  // `./src/index.ts`, `./src/remark.ts`, ...: the package's entry points as the README names them.
  writeFileSync(file, code.replace(/(["'])\.\/(src\/[\w./-]+\.ts)\1/g, (_m, _q, path: string) => JSON.stringify(pathToFileURL(join(repoRoot, path)).href)));
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href + `?t=${Date.now()}`)) as { default?: unknown };
  if (typeof mod.default === "function") await (mod.default as () => Promise<void>)();
}
