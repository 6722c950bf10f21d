/**
 * Running Python (Debian's /usr/bin/python3 with numpy and PyTorch, installed by .ci/run) from
 * tests: one process per batch, because starting Python and importing torch is slow.
 */
import { spawnSync } from "node:child_process";

export const PYTHON = "/usr/bin/python3";

/**
 * Runs each script in a fresh namespace inside ONE Python process and returns what each printed.
 * A script that raises gives `{ error }` instead of stopping the batch.
 */
export function runScripts(scripts: readonly string[]): ({ stdout: string } | { error: string })[] {
  const driver = [
    "import contextlib, io, json, sys, traceback",
    "out = []",
    "for src in json.load(sys.stdin):",
    "    buf = io.StringIO()",
    "    try:",
    "        with contextlib.redirect_stdout(buf):",
    "            exec(compile(src, '<script>', 'exec'), {'__name__': '__main__'})",
    "        out.append({'stdout': buf.getvalue()})",
    "    except Exception:",
    "        out.append({'error': traceback.format_exc()})",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync(PYTHON, ["-c", driver], { input: JSON.stringify(scripts), encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ({ stdout: string } | { error: string })[];
}

/** Nested numbers equal within a float tolerance (shapes must match exactly). */
export function closeTo(a: unknown, b: unknown, tol = 1e-9): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => closeTo(v, b[i], tol));
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
  return false;
}
