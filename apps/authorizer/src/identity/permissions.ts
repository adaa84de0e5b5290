import type { JWTPayload } from 'jose';
import { TokenRejectedError } from '../errors';

/**
 * The permissions a token grants: its `claim` (an array of strings, Auth0 RBAC style, or a
 * space-separated string) or, when that claim is absent, its space-separated `scope`.
 * Only names in `known` (the API's permissions) are kept, so `openid profile` never reaches
 * the API; a claim of any other shape rejects the token.
 *
 * @example
 * permissionsOf({ scope: 'openid read:pets' }, 'permissions', ['read:pets']) // ['read:pets']
 */
export function permissionsOf(
  claims: JWTPayload,
  claim: string,
  known: readonly string[],
): readonly string[] {
  const granted = claims[claim] !== undefined ? claims[claim] : claims.scope;
  const names = namesIn(granted);
  return known.filter((permission) => names.has(permission));
}

function namesIn(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (typeof value === 'string') return new Set(value.split(' '));
  if (Array.isArray(value) && value.every((name) => typeof name === 'string')) {
    return new Set(value);
  }
  throw new TokenRejectedError('INVALID_PERMISSIONS_CLAIM');
}
