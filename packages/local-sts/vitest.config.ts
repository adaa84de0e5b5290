import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests start real HTTP servers and an OpenID provider on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
