import { decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import { TokenRejectedError } from '../errors';

/**
 * Header parameters that point at or embed keys. Keys come only from our JWKS, never from the
 * token, so a token carrying any of them is refused outright (nothing is fetched).
 */
const keyReferences = ['jku', 'x5u', 'jwk', 'x5c'] as const;

/**
 * The token's protected header, decoded (not yet trusted) and screened for key references.
 *
 * @example
 * screenedHeader(token).kid // 'key-2026-11'
 */
export function screenedHeader(token: string): ProtectedHeaderParameters {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw new TokenRejectedError('MALFORMED_TOKEN', { cause });
  }
  if (keyReferences.some((name) => name in header)) {
    throw new TokenRejectedError('FORBIDDEN_HEADER_PARAMETER');
  }
  return header;
}
