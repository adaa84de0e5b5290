import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from './run-program';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A package's manifest, as far as a release looks at it. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly engines?: Readonly<Record<string, string>>;
  readonly files?: readonly string[];
  readonly exports?: Readonly<Record<string, ExportTarget>>;
  readonly bin?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly publishConfig?: Readonly<Record<string, unknown>>;
}

/** An `exports` value: a file, or conditions (`types`, `default`) naming files. */
export type ExportTarget = string | Readonly<Record<string, string>>;

/** A package of the workspace: its folder and its manifest. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly manifest: Manifest;
}

/**
 * Every package of the pnpm workspace (`pnpm ls -r`: the workspace's own definition of its
 * packages), the root excluded, by name.
 *
 * @example
 * const packages = await workspacePackages();
 * packages.filter(({ manifest }) => !manifest.private).map(({ manifest }) => manifest.name);
 * // ['@petstore/api-contract', ...]
 */
export async function workspacePackages(): Promise<WorkspacePackage[]> {
  const { stdout } = await runProgram('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
    cwd: repoRoot,
  });
  const listed = JSON.parse(stdout) as readonly { readonly path: string }[];
  const packages = await Promise.all(
    listed
      .filter(({ path }) => join(path) !== join(repoRoot))
      .map(async ({ path }) => ({
        dir: path,
        manifest: JSON.parse(await readFile(join(path, 'package.json'), 'utf8')) as Manifest,
      })),
  );
  return packages.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * The files an `exports` map names, each once (`types` and `default` targets alike).
 *
 * @example
 * exportedFiles({ '.': { types: './dist/index.d.ts', default: './dist/index.js' } })
 * // ['dist/index.d.ts', 'dist/index.js']
 */
export function exportedFiles(exports: Readonly<Record<string, ExportTarget>>): string[] {
  const files = Object.values(exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  return [...new Set(files.map((file) => file.replace(/^\.\//, '')))];
}

/**
 * The module specifiers of a package's JavaScript subpaths (`@scope/name`, `@scope/name/sub`),
 * with the file each resolves to; `./package.json` and data files (`.yaml`, `.json`) left out.
 *
 * @example
 * moduleSubpaths({ name: '@petstore/sigv4', version: '0.1.0',
 *   exports: { './verify': { types: './dist/verify.d.ts', default: './dist/verify.js' } } })
 * // [{ specifier: '@petstore/sigv4/verify', subpath: './verify', file: './dist/verify.js' }]
 */
export function moduleSubpaths(
  manifest: Manifest,
): { readonly specifier: string; readonly subpath: string; readonly file: string }[] {
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : target.default;
    if (!file || !/\.(js|ts)$/.test(file) || file.endsWith('.d.ts')) return [];
    return [{ specifier: manifest.name + subpath.slice(1), subpath, file }];
  });
}
