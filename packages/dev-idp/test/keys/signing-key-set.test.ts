import { beforeAll, describe, expect, it } from 'vitest';
import { keyRetentionSeconds } from '../../src/keys/key-retention';
import {
  generateSigningKey,
  nextKeyExpiry,
  type PrivateSigningJwk,
  rotateKeySet,
  withoutExpiredKeys,
} from '../../src/keys/signing-key-set';

let a: PrivateSigningJwk;
let b: PrivateSigningJwk;
let c: PrivateSigningJwk;

beforeAll(async () => {
  [a, b, c] = await Promise.all([generateSigningKey(), generateSigningKey(), generateSigningKey()]);
});

describe('signing key sets', () => {
  it('generates private RS256 keys named by their thumbprint', () => {
    // Prepare / Act (keys generated above)
    // Assess
    expect(a).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(a.kid).toMatch(/^[\w-]{43}$/);
    expect(a.d).toBeTruthy();
    expect(a.kid).not.toBe(b.kid);
  });

  it('puts the new key first and marks the previous one retired now', () => {
    // Prepare
    const set = { keys: [a], retiredAt: {} };

    // Act
    const rotated = rotateKeySet(set, b, 1_000, 660);

    // Assess
    expect(rotated.keys.map((key) => key.kid)).toEqual([b.kid, a.kid]);
    expect(rotated.retiredAt).toEqual({ [a.kid]: 1_000 });
  });

  it('drops retired keys whose tokens have all expired, keeping the others', () => {
    // Prepare: a retired at 1000, then b retired at 1500, retention 660
    const twice = rotateKeySet(
      rotateKeySet({ keys: [a], retiredAt: {} }, b, 1_000, 660),
      c,
      1_500,
      660,
    );

    // Act
    const at1659 = withoutExpiredKeys(twice, 1_659, 660);
    const at1660 = withoutExpiredKeys(twice, 1_660, 660);

    // Assess
    expect(at1659.keys.map((key) => key.kid)).toEqual([c.kid, b.kid, a.kid]);
    expect(at1660.keys.map((key) => key.kid)).toEqual([c.kid, b.kid]);
    expect(at1660.retiredAt).toEqual({ [b.kid]: 1_500 });
    expect(nextKeyExpiry(twice, 660)).toBe(1_660);
    expect(nextKeyExpiry({ keys: [a], retiredAt: {} }, 660)).toBeUndefined();
  });

  it('keeps a retired key for the token lifetime plus a minute of clock tolerance', () => {
    // Prepare / Act / Assess
    expect(keyRetentionSeconds(10)).toBe(660);
  });
});
