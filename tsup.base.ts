import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Options } from 'tsup';

/** What a package's manifest does not say about its build. */
export interface PackageBuild {
  /** The package's commands: output name (without `.js`, as its `publishConfig.bin` names it) -> source. */
  readonly commands?: Readonly<Record<string, string>>;
  /** Folders copied as they are into `dist/` (source -> destination, relative to the package). */
  readonly copy?: Readonly<Record<string, string>>;
  /** Modules whose declarations are inlined into ours (type-only dev dependencies: `aws-lambda`). */
  readonly inlineTypesOf?: readonly string[];
}

interface Manifest {
  readonly exports?: Readonly<Record<string, string>>;
  readonly publishConfig?: {
    readonly exports?: Readonly<Record<string, string | { readonly default?: string }>>;
  };
}

/**
 * The one build of a publishable package: ESM for Node.js 20 with its declarations, into `dist/`.
 * The manifest is the one list of entries: each subpath of `exports` that points at a TypeScript
 * source (the workspace's view) is built to the file its `publishConfig.exports` names (what the
 * packed manifest says), so the two cannot drift apart; a subpath missing from either is an error.
 * Output is flat (every entry and shared chunk in `dist/` itself), so a
 * `new URL('./x', import.meta.url)` of the sources resolves alike from every chunk. Dependencies
 * stay imports (tsup leaves `dependencies` external): the workspace's own are published beside.
 *
 * @example
 * // packages/gateway/tsup.config.ts, run by `pnpm --filter @petstore/gateway build:dist`
 * export default defineConfig(packageBuild({ commands: { cli: 'src/cli.ts' } }));
 */
export function packageBuild(build: PackageBuild = {}, packageDir = process.cwd()): Options {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  return {
    entry: { ...entriesOf(manifest), ...build.commands },
    outDir: 'dist',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: true,
    sourcemap: false,
    clean: true,
    removeNodeProtocol: false,
    // Relative imports are resolved too, so that an inlined package's own files come along.
    dts: build.inlineTypesOf ? { resolve: [...build.inlineTypesOf, /^\.\.?\//] } : true,
    ...(build.copy ? { onSuccess: () => copyFolders(build.copy ?? {}) } : {}),
  };
}

/**
 * Output name -> source for each TypeScript subpath export of a manifest.
 *
 * @example
 * entriesOf({
 *   exports: { './verify': './src/verify-request.ts' },
 *   publishConfig: { exports: { './verify': { types: './dist/verify.d.ts', default: './dist/verify.js' } } },
 * }); // { verify: './src/verify-request.ts' }
 */
export function entriesOf(manifest: Manifest): Record<string, string> {
  const published = manifest.publishConfig?.exports ?? {};
  const sources = Object.entries(manifest.exports ?? {}).filter(([, source]) =>
    source.endsWith('.ts'),
  );
  const entries: Record<string, string> = {};
  for (const [subpath, source] of sources) {
    const target = published[subpath];
    const file = typeof target === 'string' ? target : target?.default;
    if (!file?.startsWith('./dist/') || !file.endsWith('.js') || file.includes('/', 7))
      throw new Error(
        `publishConfig.exports["${subpath}"] must name a file ./dist/<name>.js, as ${source} is built to one`,
      );
    entries[basename(file, '.js')] = source;
  }
  for (const subpath of Object.keys(published))
    if (subpath !== './package.json' && !manifest.exports?.[subpath])
      throw new Error(`publishConfig.exports["${subpath}"] has no source in exports`);
  return entries;
}

async function copyFolders(folders: Readonly<Record<string, string>>): Promise<void> {
  for (const [from, to] of Object.entries(folders)) await cp(from, to, { recursive: true });
}
