import { defineConfig } from 'vitest/config';

// Two projects: `unit` (domain, server over real HTTP, fakes, summary) runs in Node with real SQLite;
// `e2e` drives real Chromium through playwright-core against a server started by the test itself.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/bench/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: CI has two cores and each context is a renderer process.
          fileParallelism: false,
        },
      },
    ],
  },
});
