import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    setupFiles: ['tests/support/node-api-check.ts'],
    // Builds the database worker thread's entry, which the code under test starts.
    globalSetup: ['tests/support/build-db-worker.ts'],
    // A guard against a hang, not a speed target (speed lives in the benches): the tests that run git and two
    // databases took 21 s with both cores busy, past the 20 s this was, so a fresh clone beside other work failed.
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
