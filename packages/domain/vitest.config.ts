import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests (real servers, keys, dynalite) share two cores with other suites: a busy
    // machine must not fail them. Speed is what the benchmarks measure, not these timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The AWS SDK's notice that its later releases need Node.js 22 (the README's toolchain notes).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
