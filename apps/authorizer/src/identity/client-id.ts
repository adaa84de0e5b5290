import type { JWTPayload } from 'jose';

/**
 * The OAuth client a token was issued to: `client_id` (RFC 9068, oidc-provider), else `azp`
 * (Auth0, OpenID Connect). Non-string or empty values count as absent.
 *
 * @example
 * clientIdOf({ sub: 'u', azp: 'petstore-spa' }) // 'petstore-spa'
 * clientIdOf({ sub: 'u', client_id: 'a', azp: 'b' }) // 'a'
 */
export function clientIdOf(claims: JWTPayload): string | undefined {
  return stringClaim(claims, 'client_id') ?? stringClaim(claims, 'azp');
}

/**
 * A claim's value when it is a non-empty string.
 *
 * @example
 * stringClaim({ email: 'ada@petstore.local' }, 'email') // 'ada@petstore.local'
 * stringClaim({ email: ['x'] }, 'email') // undefined
 */
export function stringClaim(claims: JWTPayload, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
