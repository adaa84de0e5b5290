import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/support/chromium';
import { stack, stackEnvironment } from './e2e/support/stack';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ci = Boolean(process.env.CI);

/**
 * The end-to-end suite: the whole local stack (`pnpm start --memory --no-watch` on its own ports)
 * driven in Debian's Chromium, the SPA in token mode. Screenshots and traces are kept for failed
 * tests. The IAM-mode stories have a config of their own (playwright.iam.config.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The IAM-mode stories need the SPA started in IAM mode: playwright.iam.config.ts.
  testIgnore: 'iam/**',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // No retries anywhere: a story that passes only on a second try is a failing story.
  retries: 0,
  // Generous for a 2-core machine that runs other packages' tests at the same time.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: stack.webUrl,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
  },
  webServer: {
    command: 'pnpm start --memory --no-watch',
    cwd: repoRoot,
    url: stack.webUrl,
    env: { ...stackEnvironment, CI: process.env.CI ?? '' },
    reuseExistingServer: !ci,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
