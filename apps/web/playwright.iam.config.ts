import { defineConfig } from '@playwright/test';
import { iamStackEnvironment } from './e2e/support/stack';
import tokenMode from './playwright.config';

/**
 * The IAM-mode stories (`e2e/iam/`): the same stack on the same ports, its SPA started in IAM mode
 * (`WEB_API_MODE=iam`), so every call is SigV4-signed for the IAM API with credentials from the
 * local STS. Run after the token-mode suite (`pnpm --filter @petstore/web test:e2e`), never beside
 * it: both use the suite's ports. A stack already running there is never reused, since it may be
 * in token mode.
 */
export default defineConfig({
  ...tokenMode,
  testDir: 'e2e/iam',
  testIgnore: [],
  webServer: {
    ...(Array.isArray(tokenMode.webServer) ? tokenMode.webServer[0] : tokenMode.webServer),
    command: 'pnpm start --memory --no-watch',
    env: { ...iamStackEnvironment, CI: process.env.CI ?? '' },
    reuseExistingServer: false,
  },
});
