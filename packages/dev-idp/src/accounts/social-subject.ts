import { createHmac } from 'node:crypto';

/** Prefix of the subjects of the simulated "Amazon (demo)" social connection. */
export const socialSubjectPrefix = 'amazon-demo|';

/**
 * The subject of a social user: stable per email (case-insensitive) for one subject key, and
 * revealing nothing of it. Keyed (HMAC-SHA-256), so that nobody without the dev-idp's key can
 * tell from a subject (recorded as a pet's buyer, say) whose email it is by hashing guesses.
 *
 * @example
 * socialSubject('Bea@Example.com', key) === socialSubject('bea@example.com', key) // true
 */
export function socialSubject(email: string, key: Uint8Array): string {
  const digest = createHmac('sha256', key).update(email.trim().toLowerCase()).digest('hex');
  return `${socialSubjectPrefix}${digest.slice(0, 24)}`;
}
