import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../src/accounts/account-store';
import { hashPassword } from '../../src/accounts/password-hash';

const cheap = { ln: 10, r: 8, p: 1 };

async function store() {
  const passwordHash = await hashPassword('s3cret-pass', cheap);
  return new AccountStore([
    { sub: 'database|ann', email: 'Ann@Petstore.local', name: 'Ann', passwordHash },
  ]);
}

describe('AccountStore', () => {
  it('signs in a database user by email (any case) and password', async () => {
    // Prepare
    const accounts = await store();

    // Act
    const account = await accounts.verifyDatabaseLogin(' ann@petstore.LOCAL ', 's3cret-pass');

    // Assess
    expect(account).toEqual({
      accountId: 'database|ann',
      connection: 'database',
      email: 'Ann@Petstore.local',
      name: 'Ann',
    });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    // Prepare
    const accounts = await store();

    // Act
    const results = await Promise.all([
      accounts.verifyDatabaseLogin('ann@petstore.local', 'wrong'),
      accounts.verifyDatabaseLogin('who@petstore.local', 's3cret-pass'),
    ]);

    // Assess
    expect(results).toEqual([undefined, undefined]);
  });

  it('gives social users a subject stable per email and remembers them', async () => {
    // Prepare
    const accounts = await store();

    // Act
    const first = accounts.signInSocial({ name: 'Bea', email: 'Bea@Example.com' });
    const again = accounts.signInSocial({ name: 'Bea', email: 'bea@example.com' });

    // Assess
    expect(first.accountId).toMatch(/^amazon-demo\|[0-9a-f]{24}$/);
    expect(again.accountId).toBe(first.accountId);
    // Keyed by the store's own secret, not a hash anyone can compute from the email: another
    // store (another key) gives the same email another subject.
    const elsewhere = (await store()).signInSocial({ name: 'Bea', email: 'bea@example.com' });
    expect(elsewhere.accountId).not.toBe(first.accountId);
    expect(accounts.find(first.accountId)).toMatchObject({ connection: 'social', name: 'Bea' });
  });

  it('does not rename a social account when a later sign-in gives its email with another name', async () => {
    // Prepare
    const accounts = await store();
    const bea = accounts.signInSocial({ name: 'Bea', email: 'bea@example.com' });

    // Act
    const later = accounts.signInSocial({ name: 'Mallory', email: 'BEA@example.com' });

    // Assess
    expect(later).toEqual(bea);
    expect(accounts.find(bea.accountId)).toEqual({
      accountId: bea.accountId,
      connection: 'social',
      email: 'bea@example.com',
      name: 'Bea',
    });
  });

  it("keeps a database account as it is when a social sign-in gives that user's email", async () => {
    // Prepare
    const accounts = await store();

    // Act
    const social = accounts.signInSocial({ name: 'Mallory', email: 'ann@petstore.local' });

    // Assess
    expect(social).toMatchObject({ connection: 'social', name: 'Mallory' });
    expect(social.accountId).not.toBe('database|ann');
    expect(accounts.find('database|ann')).toEqual({
      accountId: 'database|ann',
      connection: 'database',
      email: 'Ann@Petstore.local',
      name: 'Ann',
    });
  });
});
