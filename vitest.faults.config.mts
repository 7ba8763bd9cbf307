import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: the long fault-injection runs, not part of `npm test`.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
