import type { JWTHeaderParameters } from 'jose';
import { TokenRejectedError } from '../errors';

/**
 * Header parameters that point at or embed keys. Keys come only from our JWKS, never from the
 * token, so a token carrying any of them is refused outright (nothing is fetched).
 */
const keyReferences = ['jku', 'x5u', 'jwk', 'x5c'] as const;

/**
 * Refuses a protected header that references or embeds a key. Given the header jose has just
 * decoded (when it asks for the verification key), so the token is not decoded twice.
 *
 * @example
 * screenKeyReferences({ alg: 'RS256', kid: 'key-2026-11' }) // fine
 * screenKeyReferences({ alg: 'RS256', jku: 'https://evil.example/jwks' }) // throws FORBIDDEN_HEADER_PARAMETER
 */
export function screenKeyReferences(header: JWTHeaderParameters): void {
  if (keyReferences.some((name) => name in header)) {
    throw new TokenRejectedError('FORBIDDEN_HEADER_PARAMETER');
  }
}
