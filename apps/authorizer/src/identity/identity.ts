import type { TokenIdentity, TokenType } from '@petstore/api-contract/authorizer-context';
import type { JWTPayload } from 'jose';
import { clientIdOf, stringClaim } from './client-id';
import { permissionsOf } from './permissions';

export const tokenTypes = { user: 'user', machine: 'machine' } as const satisfies Record<
  TokenType,
  TokenType
>;

/**
 * Who is calling, as the API needs it: the contract's `TokenIdentity` (the name is the
 * configured claim, else `email`, else `sub`).
 */
export type Identity = TokenIdentity;

export interface IdentityOptions {
  readonly nameClaim: string;
  readonly permissionsClaim: string;
  /** The API's permission names; others in the token are ignored. */
  readonly knownPermissions: readonly string[];
}

/**
 * Reads the caller's identity from verified claims. A token is a machine token when it came
 * from the client-credentials grant: `gty: client-credentials` (Auth0), or a `sub` that is the
 * client itself (`client_id`/`azp`, or Auth0's `<client>@clients`).
 *
 * @example
 * identityOf({ sub: 'm2m', client_id: 'm2m', scope: 'read:pets' }, options)
 * // { sub: 'm2m', name: 'm2m', permissions: ['read:pets'], tokenType: 'machine', clientId: 'm2m' }
 */
export function identityOf(
  claims: JWTPayload & { readonly sub: string },
  options: IdentityOptions,
): Identity {
  const { sub } = claims;
  const clientId = clientIdOf(claims);
  const machine =
    claims.gty === 'client-credentials' ||
    (clientId !== undefined && (sub === clientId || sub === `${clientId}@clients`));
  const name = stringClaim(claims, options.nameClaim) ?? stringClaim(claims, 'email') ?? sub;
  const permissions = permissionsOf(claims, options.permissionsClaim, options.knownPermissions);
  if (!machine) return { sub, name, permissions, tokenType: tokenTypes.user };
  return {
    sub,
    name,
    permissions,
    tokenType: tokenTypes.machine,
    ...(clientId ? { clientId } : {}),
  };
}
