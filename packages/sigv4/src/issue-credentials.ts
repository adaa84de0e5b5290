import { randomBytes } from 'node:crypto';
import type { AssumedRoleSession, TemporaryCredentials } from './credentials';

// Access key ids use upper-case letters and the digits 2-7 (32 symbols: no modulo bias).
const keyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * New temporary credentials for a session: `ASIA` and 16 characters, a 40-character secret, an
 * opaque session token, valid `durationSeconds` from `now`.
 *
 * @example
 * const credentials = issueCredentials(session, 3600, Date.now());
 * credentials.accessKeyId // 'ASIA' + 16 characters
 */
export function issueCredentials(
  session: AssumedRoleSession,
  durationSeconds: number,
  now: number,
): TemporaryCredentials {
  const id = Array.from(randomBytes(16), (byte) => keyAlphabet[byte % 32]).join('');
  return {
    accessKeyId: `ASIA${id}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(96).toString('base64'),
    expiresAt: now + durationSeconds * 1000,
    session,
  };
}
