import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';

/** What may be logged about a token: never the token itself. */
export interface TokenTraits {
  /** First 8 hex characters of the SHA-256 of the header value: correlates, reveals nothing. */
  readonly fingerprint: string;
  /** Header and claims as the token states them, unverified, when decodable. */
  readonly kid?: string;
  readonly alg?: string;
  readonly iss?: string;
  readonly sub?: string;
}

const longest = 200;

/**
 * Loggable traits of an `Authorization` header value.
 *
 * @example
 * tokenTraits('Bearer eyJ...') // { fingerprint: '3f9a0c1d', kid: 'k1', alg: 'RS256', iss: '...', sub: '...' }
 */
export function tokenTraits(authorization: unknown, maxTokenBytes: number): TokenTraits {
  const value = typeof authorization === 'string' ? authorization : '';
  const fingerprint = createHash('sha256').update(value).digest('hex').slice(0, 8);
  if (!value.startsWith('Bearer ') || value.length > maxTokenBytes + 7) return { fingerprint };
  const token = value.slice(7);
  const header = attempt(() => decodeProtectedHeader(token));
  const claims = attempt(() => decodeJwt(token));
  return {
    fingerprint,
    ...text('kid', header?.kid),
    ...text('alg', header?.alg),
    ...text('iss', claims?.iss),
    ...text('sub', claims?.sub),
  };
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function text<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  if (typeof value !== 'string') return {};
  return { [key]: value.slice(0, longest) } as Partial<Record<K, string>>;
}
