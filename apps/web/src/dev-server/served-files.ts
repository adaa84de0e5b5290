import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** What a Vite dev server of the app may read and serve (`server.fs.allow` and `server.fs.deny`). */
export interface ServedFiles {
  /** Absolute folders (and files) the server may serve, nothing else. */
  readonly allow: string[];
  /** Globs refused even inside `allow` (Vite matches a glob without `/` at any depth). */
  readonly deny: string[];
}

/**
 * Never served, wherever they are: the local stack's data (the identity provider's private signing
 * keys, password hashes, the table's files), environment files, keys and certificates, git
 * metadata, package manifests and the lockfile, and workspace packages reached through the
 * symlinks pnpm puts in `node_modules` (which would lead past `allow` to their whole folder).
 */
export const deniedFiles: readonly string[] = [
  '.data',
  '**/.data/**',
  '.env',
  '.env.*',
  '*.{crt,pem,key,p12,pfx,jks}',
  '.git',
  '**/.git/**',
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  '**/node_modules/@petstore/**',
  '**/node_modules/.pnpm/node_modules/**',
];

interface Manifest {
  readonly dependencies?: Readonly<Record<string, string>>;
}

/**
 * The files the SPA's dev server needs and nothing more: the app's `index.html` and `src/`, the
 * `src/` of each workspace package the app depends on at run time (its `workspace:` dependencies,
 * found through their `node_modules` links), and the third-party packages in pnpm's store
 * (`<repo>/node_modules/.pnpm`, where every import resolves to). Vite adds its own client and the
 * dependency cache it writes.
 *
 * @example
 * const { allow, deny } = servedFiles('/repo/apps/web/', '/repo/');
 * // allow: ['/repo/apps/web/index.html', '/repo/apps/web/src', '/repo/packages/api-contract/src', ...]
 */
export function servedFiles(appRoot: string, repoRoot: string): ServedFiles {
  const manifest = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as Manifest;
  const workspacePackages = Object.entries(manifest.dependencies ?? {})
    .filter(([, version]) => version.startsWith('workspace:'))
    .map(([name]) => join(realpathSync(join(appRoot, 'node_modules', name)), 'src'));
  return {
    allow: [
      join(appRoot, 'index.html'),
      join(appRoot, 'src'),
      ...workspacePackages,
      join(repoRoot, 'node_modules', '.pnpm'),
    ],
    deny: [...deniedFiles],
  };
}
