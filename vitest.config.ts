import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    // PGlite instances are heavy (about 3 s to create); files run in parallel on the 2 cores.
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    // Every file's application SQL is checked against the visibility rule (test/sql-audit).
    setupFiles: ["test/sql-audit/setup.ts"],
    // Generous: CI machines are 2 shared cores, and a slow test is better than a flaky one.
    // Speed is measured by the benchmarks, never by these limits.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
