import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from '../../src/accounts/password-hash';

const cheap = { ln: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    // Prepare
    const stored = await hashPassword('correct horse battery', cheap);

    // Act
    const [right, wrong] = await Promise.all([
      verifyPassword('correct horse battery', stored),
      verifyPassword('correct horse batterY', stored),
    ]);

    // Assess
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(right).toBe(true);
    expect(wrong).toBe(false);
  });

  it('salts each hash, so equal passwords do not give equal hashes', async () => {
    // Prepare / Act
    const [one, two] = await Promise.all([
      hashPassword('same', cheap),
      hashPassword('same', cheap),
    ]);

    // Assess
    expect(one).not.toBe(two);
  });

  it('hashes with the slow default cost (N = 2^15) unless told otherwise', async () => {
    // Prepare / Act
    const stored = await hashPassword('x');

    // Assess
    expect(stored.startsWith('$scrypt$ln=15,r=8,p=1$')).toBe(true);
  });

  it('never matches a malformed or absurdly expensive hash', async () => {
    // Prepare
    const malformed = ['', 'plain', '$scrypt$ln=40,r=8,p=1$AAAA$AAAA', '$argon2id$v=19$m=1$AA$AA'];

    // Act
    const results = await Promise.all(malformed.map((stored) => verifyPassword('plain', stored)));

    // Assess
    expect(results).toEqual([false, false, false, false]);
    expect(malformed.some(isPasswordHash)).toBe(false);
  });
});
