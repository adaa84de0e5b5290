import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { plainEnvironment } from './plain-environment';
import { runProgram } from './run-program';
import type { Manifest, WorkspacePackage } from './workspace-packages';

/** A package as `pnpm pack` packed it. */
export interface PackedPackage {
  readonly name: string;
  /** The workspace folder it was packed from. */
  readonly dir: string;
  readonly tarball: string;
  /** The paths inside the tarball, without the leading `package/`. */
  readonly files: readonly string[];
  /** The manifest inside the tarball (pnpm's `publishConfig` applied, `workspace:` resolved). */
  readonly manifest: Manifest;
}

/**
 * Packs each package with `pnpm pack`, as `pnpm publish` (and so `changeset publish`) would, into
 * `destination`; reads back each tarball's file list and manifest.
 *
 * @example
 * const [gateway] = await packPackages([gatewayPackage], '/tmp/x/tarballs');
 * gateway.manifest.bin; // { 'petstore-gateway': './dist/cli.js' }
 */
export async function packPackages(
  packages: readonly WorkspacePackage[],
  destination: string,
): Promise<PackedPackage[]> {
  await mkdir(destination, { recursive: true });
  return Promise.all(
    packages.map(async ({ dir }) => {
      const { stdout } = await runProgram(
        'pnpm',
        ['pack', '--json', '--pack-destination', destination],
        { cwd: dir },
      );
      const packed = JSON.parse(stdout) as {
        readonly name: string;
        readonly filename: string;
        readonly files: readonly { readonly path: string }[];
      };
      const manifest = await runProgram(
        'tar',
        ['--extract', '--gzip', '--to-stdout', '--file', packed.filename, 'package/package.json'],
        { cwd: destination },
      );
      return {
        name: packed.name,
        dir,
        tarball: packed.filename,
        files: packed.files.map(({ path }) => path),
        manifest: JSON.parse(manifest.stdout) as Manifest,
      };
    }),
  );
}

/**
 * A project outside the workspace, as a user of the packages would have it: `fixture` copied in
 * (a SAM application), then `npm install` of the tarballs with plain npm (third-party
 * dependencies from the registry, or npm's cache).
 *
 * @example
 * await createScratchProject('/tmp/x/project', packed, fixtureDir);
 * // /tmp/x/project/node_modules/.bin/petstore-gateway
 */
export async function createScratchProject(
  projectDir: string,
  packed: readonly PackedPackage[],
  fixture: string,
): Promise<void> {
  await cp(fixture, projectDir, { recursive: true });
  await writeFile(
    join(projectDir, 'package.json'),
    `${JSON.stringify({ name: 'bookshelf', private: true, type: 'module' }, null, 2)}\n`,
  );
  await runProgram(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...packed.map(({ tarball }) => tarball),
    ],
    { cwd: projectDir, env: plainEnvironment(), timeoutMs: 6 * 60_000 },
  );
}
