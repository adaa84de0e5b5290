import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/**
 * The folder of the package that holds `file`: the nearest one above it with a `package.json`.
 * The same from the sources (`src/config/defaults.ts`, two levels down) and from the built
 * package (`dist/<chunk>.js`, one level down).
 *
 * @example
 * packageRoot('/repo/packages/dev-idp/src/config/defaults.ts') // '/repo/packages/dev-idp'
 */
export function packageRoot(file: string): string {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json above ${file}`);
  }
}

/**
 * Where the dev-idp keeps its keys by default: `.data/dev-idp` at the repository root when it runs
 * from the repository's sources, and in the working directory when it was installed (its package
 * folder is inside a `node_modules`).
 *
 * @example
 * defaultDataDir('/repo/packages/dev-idp', '/repo/packages/dev-idp') // '/repo/.data/dev-idp'
 * defaultDataDir('/app/node_modules/@petstore/dev-idp', '/app') // '/app/.data/dev-idp'
 */
export function defaultDataDir(root: string, workingDirectory: string): string {
  const installed = root.split(sep).includes('node_modules');
  return join(installed ? workingDirectory : join(root, '..', '..'), '.data', 'dev-idp');
}
