import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devIdpDefaults } from '../../src/config/defaults';
import { findForm } from '../../src/flows/html-form';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { asPage, openLoginPage } from '../support/sign-in-page';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp | undefined;
let folder: string | undefined;
afterEach(async () => {
  await idp?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
  idp = undefined;
  folder = undefined;
});

/** The package's seed users, as the file holds them. */
async function packageSeedUsers(): Promise<{ users: Record<string, unknown>[] }> {
  return JSON.parse(await readFile(devIdpDefaults.seedUsersFile, 'utf8'));
}

describe('the sign-in page of the local provider', () => {
  it("lists the seed file's demo accounts with their passwords, and how shoppers sign in", async () => {
    // Prepare
    ({ idp } = await startTestIdp());

    // Act
    const { page } = await openLoginPage(idp);

    // Assess: every demo user of the package's seed file, with its password
    expect(page.body).toContain('Demo accounts on this local provider');
    expect(idp.demoUsers.length).toBeGreaterThan(0);
    for (const user of idp.demoUsers) {
      expect(page.body).toContain(
        `${user.name} (admin): <code>${user.email}</code> / <code>${user.password}</code>`,
      );
    }
    expect(page.body).toContain(
      'A shopper (buyer): Continue with Amazon (demo), any name and email',
    );
  });

  it('still lists them after a refused password', async () => {
    // Prepare
    ({ idp } = await startTestIdp());
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'database-login')?.action ?? '';

    // Act
    const refused = asPage(
      await browser.navigate(new URL(action, page.url), {
        method: 'POST',
        form: new URLSearchParams({ email: 'admin@petstore.local', password: 'wrong' }),
      }),
    );

    // Assess
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('Demo accounts on this local provider');
  });

  it('lists no accounts when the seed file gives no demo passwords', async () => {
    // Prepare: the package's users without their demo passwords
    folder = await mkdtemp(join(tmpdir(), 'dev-idp-seed-'));
    const seedUsersFile = join(folder, 'seed-users.json');
    const { users } = await packageSeedUsers();
    const withoutDemo = users.map(({ demoPassword: _, ...user }) => user);
    await writeFile(seedUsersFile, JSON.stringify({ users: withoutDemo }));
    ({ idp } = await startTestIdp({ seedUsersFile }));

    // Act
    const { page } = await openLoginPage(idp);

    // Assess
    expect(idp.demoUsers).toEqual([]);
    expect(page.body).not.toContain('Demo accounts');
    for (const user of users) expect(page.body).not.toContain(String(user.demoPassword));
    expect(findForm(page.body, 'database-login')).toBeDefined();
  });
});
