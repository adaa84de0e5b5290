import type { Buyer } from '@petstore/domain/pets';
import { roleSessionName } from '@petstore/domain/role-session';
import type { AssumedRoleCaller } from '../http/caller';
import { IdentityTokenInvalidError } from './id-token-errors';
import type { VerifiedIdToken } from './verify-id-token';

/** Longest display name recorded for a buyer; longer names are cut. */
const maxNameLength = 200;

/**
 * The buyer an IAM caller buys for: the user of their verified ID token, provided the token is
 * the caller's own. Its `PetRole` session tag must be the caller's role (an admin's ID token
 * with a buyer's credentials is refused), and the caller's session name must be
 * `roleSessionName(sub)` (one buyer's ID token with another buyer's credentials is refused).
 * Throws {@link IdentityTokenInvalidError} otherwise.
 *
 * @example
 * await idTokenBuyer(caller, await verifyIdToken(header(event, 'x-id-token')))
 * // { subject: 'amazon-demo|bea', name: 'Bea Buyer' }
 */
export async function idTokenBuyer(
  caller: AssumedRoleCaller,
  token: VerifiedIdToken,
): Promise<Buyer> {
  if (token.roleTag === undefined || token.roleTag !== caller.role) {
    throw new IdentityTokenInvalidError(
      `the token's PetRole tag (${token.roleTag ?? 'none'}) is not the caller's role (${caller.role ?? 'none'}); token sub ${token.subject}`,
    );
  }
  const expected = await roleSessionName(token.subject);
  if (caller.sessionName !== expected) {
    throw new IdentityTokenInvalidError(
      `the caller's session name is not roleSessionName(sub) of the token (${expected}); token sub ${token.subject}`,
    );
  }
  const name = token.name ?? token.email ?? token.subject;
  return { subject: token.subject, name: name.slice(0, maxNameLength) };
}
