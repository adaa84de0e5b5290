import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests (real servers, keys, dynalite) share two cores with other suites: a busy
    // machine must not fail them. Speed is what the benchmarks measure, not these timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
