import { TokenRejectedError } from '../errors';

const scheme = 'Bearer ';
/** Three base64url segments: the compact JWS serialization, nothing before or after. */
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The JWT of an `Authorization: Bearer <jwt>` header value: `Bearer` exactly (case-sensitive),
 * one space, a compact JWS whose segments are canonical base64url. The size bound is checked
 * before anything is decoded.
 *
 * @example
 * bearerToken('Bearer eyJhbGciOi...', 8192) // 'eyJhbGciOi...'
 * bearerToken('bearer eyJhbGciOi...', 8192) // throws TokenRejectedError (NOT_BEARER)
 */
export function bearerToken(header: string | undefined, maxTokenBytes: number): string {
  if (typeof header !== 'string' || header === '') throw new TokenRejectedError('MISSING_TOKEN');
  if (!header.startsWith(scheme)) throw new TokenRejectedError('NOT_BEARER');
  // Tokens are ASCII, so a length over the bound is a size over the bound.
  if (header.length - scheme.length > maxTokenBytes) {
    throw new TokenRejectedError('TOKEN_TOO_LARGE');
  }
  const token = header.slice(scheme.length);
  if (!compactJws.test(token)) throw new TokenRejectedError('MALFORMED_TOKEN');
  // The alphabet is checked above, for the whole token: each segment's last character is left.
  if (!token.split('.').every(endsCanonically)) {
    throw new TokenRejectedError('NON_CANONICAL_ENCODING');
  }
  return token;
}

/**
 * Whether a base64url segment is the one spelling of its bytes (RFC 4648 section 3.5): no
 * padding (the pattern above already refuses `=`), no length of 1 modulo 4, and zero spare bits
 * in the last character. Decoders ignore those bits, so without this check one token has up
 * to 16 spellings per segment, each a different header value (and API Gateway cache key).
 *
 * @example
 * isCanonicalBase64url('QQ') // true ('A')
 * isCanonicalBase64url('QR') // false (also 'A')
 */
export function isCanonicalBase64url(segment: string): boolean {
  return base64urlText.test(segment) && endsCanonically(segment);
}

/** Whether a segment of base64url characters has a length and a last character canonical base64url can have. */
function endsCanonically(segment: string): boolean {
  // Bits of the last character no byte uses: 4 for a length of 2 modulo 4, 2 for 3, none for 0;
  // a length of 1 modulo 4 holds no whole byte at all.
  const spareBits = spareBitsByLength[segment.length % 4] ?? -1;
  if (spareBits <= 0) return spareBits === 0;
  const last = base64urlAlphabet.indexOf(segment.at(-1) ?? '');
  return (last & ((1 << spareBits) - 1)) === 0;
}

const spareBitsByLength = [0, -1, 4, 2] as const;
const base64urlText = /^[A-Za-z0-9_-]*$/;
const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
