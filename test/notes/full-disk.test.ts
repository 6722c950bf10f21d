/**
 * `tconv notes` on a full disk: the write fails with ENOSPC (simulated here: the real thing needs
 * a full file system), and the user gets one `error:` line, exit 2 and the note unchanged, not an
 * internal error with a stack trace (rc 70).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("../../src/io/write-atomic.ts", async (original) => ({
  ...(await original<typeof import("../../src/io/write-atomic.ts")>()),
  writeFileAtomic: async () => {
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  },
}));

const { main } = await import("../../src/cli.ts");
const { bufferIo } = await import("../../src/io/cli-io.ts");

const dir = mkdtempSync(join(tmpdir(), "tconv-full-disk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tconv notes on a full disk", () => {
  it("gives error: and exit 2, and the note is unchanged", async () => {
    const note = "```tconv\ninput: [1]\nkernel: [1]\nsections: [size]\n```\n";
    writeFileSync(join(dir, "n.md"), note);
    const io = bufferIo(dir);
    expect(await main(["notes", "n.md"], io)).toBe(2);
    expect(io.stderr).toBe("error: n.md: cannot write the note: no space left on the device (ENOSPC); the note is unchanged\n");
    expect(readFileSync(join(dir, "n.md"), "utf8")).toBe(note);
  });
});
