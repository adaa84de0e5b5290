import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file starts whole stacks (several processes): one file at a time on small machines.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
