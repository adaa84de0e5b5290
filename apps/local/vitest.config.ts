import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file starts whole stacks (several processes): one file at a time on small machines.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The AWS SDK's notice that its later releases need Node.js 22 (the README's toolchain notes).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
