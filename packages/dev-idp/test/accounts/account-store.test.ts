import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../src/accounts/account-store';
import { hashPassword } from '../../src/accounts/password-hash';
import { socialSubject } from '../../src/accounts/social-subject';

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
    const again = accounts.signInSocial({ name: 'Bea B.', email: 'bea@example.com' });

    // Assess
    expect(first.accountId).toBe(socialSubject('bea@example.com'));
    expect(again.accountId).toBe(first.accountId);
    expect(first.accountId).not.toContain('bea');
    expect(accounts.find(first.accountId)).toMatchObject({ connection: 'social', name: 'Bea B.' });
  });
});
