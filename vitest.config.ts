import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Builds the server (and the client if missing): tests run what production runs.
          globalSetup: ['tests/support/buildForTests.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own servers; keep the 2-core machine from thrashing.
          fileParallelism: false,
        },
      },
    ],
  },
});
