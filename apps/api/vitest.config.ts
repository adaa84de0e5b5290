import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/per-file-table.ts'],
    // Against dynalite on a shared 2-core machine: a busy machine must not fail the tests.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
