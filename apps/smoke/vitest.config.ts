import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The stack tests start a whole local stack (several processes): one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
