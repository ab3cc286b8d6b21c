import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Each database test file opens its own engine (PGlite: ~0.5 GB); two at a time fit two cores.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
