import { createHash } from 'node:crypto';

/** Prefix of the subjects of the simulated "Amazon (demo)" social connection. */
export const socialSubjectPrefix = 'amazon-demo|';

/**
 * The subject of a social user: stable per email (case-insensitive), revealing nothing of it.
 *
 * @example
 * socialSubject('Bea@Example.com') === socialSubject('bea@example.com') // true
 */
export function socialSubject(email: string): string {
  const digest = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return `${socialSubjectPrefix}${digest.slice(0, 24)}`;
}
