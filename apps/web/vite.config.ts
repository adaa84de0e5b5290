/// <reference types="vitest/config" />

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { servedFiles } from './src/dev-server/served-files.ts';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The SPA's build. Configuration comes from build-time `VITE_*` variables (src/config); the local
 * stack's dev server (`@petstore/web/dev-server`) injects them instead.
 */
export default defineConfig({
  plugins: [react()],
  // Only what the app needs is served; the repository's secrets never are (src/dev-server).
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    fs: { strict: true, ...servedFiles(appRoot, repoRoot) },
  },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  // Pre-bundled at start, so a first page load never finds a new dependency and reloads.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'react-oidc-context',
      'oidc-client-ts',
      '@petstore/api-contract > openapi-fetch',
      // IAM mode's signer, loaded lazily: pre-bundled too, so its first use does not reload the page.
      'aws4fetch',
    ],
  },
  // Unit and component tests (Vitest); the end-to-end suite is Playwright's (e2e/).
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/support/setup.ts'],
    // The API contract, parsed once, for the check of the canned API replies.
    globalSetup: ['test/support/contract-setup.ts'],
  },
});
