import { describe, expect, it } from "vitest";
import { compileKernel, kernelModuleText } from "../../src/build/wasm.ts";
import { kernelBase64 } from "../../src/tensor/wasm/kernel-bytes.ts";
import { readFileSync } from "node:fs";

describe("the committed WebAssembly kernel", () => {
  it("is exactly what asc builds from src/tensor/wasm/assembly/gemm.ts (run `npm run build:wasm` after editing it)", async () => {
    const built = await compileKernel();
    expect(Buffer.from(kernelBase64, "base64").equals(Buffer.from(built))).toBe(true);
    expect(readFileSync("src/tensor/wasm/kernel-bytes.ts", "utf8")).toBe(kernelModuleText(built));
  }, 120_000);
});
