import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devIdpDefaults } from '../../src/config/defaults';
import { defaultDataDir, packageRoot } from '../../src/config/package-root';

const packageDir = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

describe('where the dev-idp finds its own files, from the sources and installed', () => {
  it('finds the package folder from a file two levels down, as from one level down', () => {
    expect(packageRoot(join(packageDir, 'src', 'config', 'defaults.ts'))).toBe(packageDir);
    expect(packageRoot(join(packageDir, 'dist', 'chunk-ABC.js'))).toBe(packageDir);
  });

  it("takes the seed users from the package's own seed-users.json", () => {
    expect(devIdpDefaults.seedUsersFile).toBe(join(packageDir, 'seed-users.json'));
  });

  it('keeps keys at the repository root from the sources, in the working directory installed', () => {
    expect(defaultDataDir('/repo/packages/dev-idp', '/elsewhere')).toBe('/repo/.data/dev-idp');
    expect(defaultDataDir('/app/node_modules/@petstore/dev-idp', '/app/sub')).toBe(
      '/app/sub/.data/dev-idp',
    );
  });
});
