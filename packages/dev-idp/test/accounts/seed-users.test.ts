import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/accounts/password-hash';
import { loadSeedUsers } from '../../src/accounts/seed-users';
import { devIdpDefaults } from '../../src/config/defaults';
import { SeedUsersError } from '../../src/errors';
import { demoPersonas } from '../../src/flows/demo-personas';

describe('the seed users file', () => {
  it('holds database users whose demo passwords match their hashes', async () => {
    // Prepare / Act
    const users = await loadSeedUsers(devIdpDefaults.seedUsersFile);
    const checks = await Promise.all(
      users.map((user) => verifyPassword(user.demoPassword ?? '', user.passwordHash)),
    );

    // Assess
    expect(users.length).toBeGreaterThan(0);
    expect(checks.every(Boolean)).toBe(true);
  });

  it('contains the admin the token command signs in as', async () => {
    // Prepare / Act
    const users = await loadSeedUsers(devIdpDefaults.seedUsersFile);

    // Assess
    expect(users).toContainEqual(
      expect.objectContaining({
        email: demoPersonas.admin.email,
        demoPassword: demoPersonas.admin.password,
      }),
    );
  });

  it('is refused, naming the problem, when a hash is not a scrypt PHC string', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'dev-idp-seed-'));
    const file = join(dir, 'users.json');
    const user = {
      sub: 'database|x',
      email: 'x@petstore.local',
      name: 'X',
      passwordHash: 'plaintext',
    };
    await writeFile(file, JSON.stringify({ users: [user] }));

    // Act
    const loading = loadSeedUsers(file);

    // Assess
    await expect(loading).rejects.toBeInstanceOf(SeedUsersError);
    await expect(loading).rejects.toThrow(/users\.0\.passwordHash/);
    await rm(dir, { recursive: true });
  });
});
