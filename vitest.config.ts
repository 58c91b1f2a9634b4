import { defineConfig } from 'vitest/config';

/** The test files that mock modules; see the `shell` project. */
const MOCKING = ['test/shell/**/*.test.ts', 'test/integration/cli-internal.test.ts'];

// One runner, five projects: `npm test` prints a single summary for all of them.
export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: MOCKING,
          environment: 'node',
          globalSetup: ['test/helpers/test-run-setup.ts'],
          // Real files and real cores, nothing replaced: the files of a worker share one module
          // graph, so the core's modules load once per worker, not once per file.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // Files that replace modules (vi.mock: electron, a service) each get a module graph
          // of their own.
          name: 'shell',
          include: MOCKING,
          environment: 'node',
          globalSetup: ['test/helpers/test-run-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // A real core behind every screen, on a copy of the run's template database.
          globalSetup: ['test/helpers/test-run-setup.ts'],
          setupFiles: ['test/renderer/setup.ts'],
          // Each test resets the whole app in one call (stores, timers, its own core), so the
          // files of a worker can share one module graph: the core's modules load once per
          // worker instead of once per file (27 s instead of 120 s for the project here).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
