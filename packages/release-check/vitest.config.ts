import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Packing eight packages and an npm install (from the registry on a fresh machine) come first.
    hookTimeout: 8 * 60_000,
    testTimeout: 60_000,
  },
});
