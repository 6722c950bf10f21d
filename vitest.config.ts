import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests import core modules directly; under Node they read @file through the Node platform.
    setupFiles: ["test/setup.ts"],
  },
});
