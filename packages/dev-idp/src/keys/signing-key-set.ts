import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** An RSA private JWK the provider signs with; `kid` is its RFC 7638 thumbprint. */
export interface PrivateSigningJwk extends JWK {
  readonly kid: string;
  readonly kty: 'RSA';
  readonly alg: 'RS256';
  readonly use: 'sig';
}

/**
 * The provider's signing keys, newest (the one signing) first. `retiredAt` holds, per `kid`, when
 * (epoch seconds) a key stopped signing: it stays published until the tokens it signed expire.
 */
export interface SigningKeySet {
  readonly keys: readonly PrivateSigningJwk[];
  readonly retiredAt: Readonly<Record<string, number>>;
}

/**
 * A fresh 2048-bit RSA signing key.
 *
 * @example
 * const key = await generateSigningKey(); // { kty: 'RSA', alg: 'RS256', use: 'sig', kid, n, e, d, ... }
 */
export async function generateSigningKey(): Promise<PrivateSigningJwk> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n ?? '', e: jwk.e ?? '' });
  return { ...jwk, kty: 'RSA', kid, alg: 'RS256', use: 'sig' };
}

const isExpired = (set: SigningKeySet, kid: string, now: number, retentionSeconds: number) => {
  const retiredAt = set.retiredAt[kid];
  return retiredAt !== undefined && retiredAt + retentionSeconds <= now;
};

/**
 * The keys still worth publishing at `now`: the current one, and retired ones whose tokens may
 * not have expired yet (retired less than `retentionSeconds` ago).
 *
 * @example
 * withoutExpiredKeys(set, Math.floor(Date.now() / 1000), 660).keys.length
 */
export function withoutExpiredKeys(
  set: SigningKeySet,
  now: number,
  retentionSeconds: number,
): SigningKeySet {
  const keys = set.keys.filter((key) => !isExpired(set, key.kid, now, retentionSeconds));
  const retiredAt = Object.fromEntries(
    Object.entries(set.retiredAt).filter(([kid]) => keys.some((key) => key.kid === kid)),
  );
  return { keys, retiredAt };
}

/**
 * Puts `fresh` first (it signs from now on), marks the previous keys retired at `now`, and drops
 * the retired keys whose tokens have all expired.
 *
 * @example
 * const next = rotateKeySet(set, await generateSigningKey(), now, 660);
 */
export function rotateKeySet(
  set: SigningKeySet,
  fresh: PrivateSigningJwk,
  now: number,
  retentionSeconds: number,
): SigningKeySet {
  const retiredAt = { ...set.retiredAt };
  for (const key of set.keys) retiredAt[key.kid] ??= now;
  return withoutExpiredKeys({ keys: [fresh, ...set.keys], retiredAt }, now, retentionSeconds);
}

/**
 * When (epoch seconds) the next retired key of `set` expires, or `undefined` if none is retired.
 *
 * @example
 * nextKeyExpiry({ keys, retiredAt: { old: 1_000 } }, 660) // 1_660
 */
export function nextKeyExpiry(set: SigningKeySet, retentionSeconds: number): number | undefined {
  const times = Object.values(set.retiredAt).map((retiredAt) => retiredAt + retentionSeconds);
  return times.length > 0 ? Math.min(...times) : undefined;
}
