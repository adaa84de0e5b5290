import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests start real gateways with worker threads on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
