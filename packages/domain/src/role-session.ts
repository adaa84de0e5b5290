/**
 * What STS accepts as `RoleSessionName` (`AssumeRoleWithWebIdentity`): 2 to 64 characters of
 * letters, digits and `_+=,.@-`.
 */
export const roleSessionNamePattern = /^[\w+=,.@-]{2,64}$/;

/** Characters kept as they are; `=` is allowed by STS but is our escape character. */
const kept = /^[A-Za-z0-9_+,.@-]$/;

/** Starts every hashed name. No escaped name contains `=s` (an escape is `=` and two hex digits). */
const hashedPrefix = '=sha256=';

const minLength = 2;
const maxLength = 64;

/**
 * The `RoleSessionName` a client gives STS for the user `subject` (the ID token's `sub`), so that
 * a function can tell whose credentials it is called with: the session name is part of the
 * assumed-role ARN.
 *
 * Deterministic and injective (different subjects never share a name):
 * - each character outside `[A-Za-z0-9_+,.@-]`, and `=` itself, becomes `=XX` for each byte of
 *   its UTF-8 encoding (upper-case hex; a lone surrogate is encoded like a code point, so every
 *   JavaScript string has one encoding), e.g. `auth0|42` -> `auth0=7C42`;
 * - when that is shorter than 2 or longer than 64 characters, the name is `=sha256=` and the
 *   base64url SHA-256 of the same bytes (51 characters), which no escaped name can equal.
 *
 * Pure; uses Web Crypto (`crypto.subtle`), so it runs in browsers and in Node.js alike.
 *
 * @example
 * await roleSessionName('auth0|64f1c0ffee') // 'auth0=7C64f1c0ffee'
 * await roleSessionName('a') // '=sha256=ypeBEsobvcr6wjGzmiPcTaeG7_gUfE5yuYB3ha_uSLs'
 */
export async function roleSessionName(subject: string): Promise<string> {
  let escaped = '';
  for (const character of subject) {
    if (kept.test(character)) {
      escaped += character;
    } else {
      for (const byte of utf8Bytes(character)) {
        escaped += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
    // Past the limit the hashed form is used anyway: stop escaping a huge input early.
    if (escaped.length > maxLength) break;
  }
  if (escaped.length >= minLength && escaped.length <= maxLength) return escaped;
  return `${hashedPrefix}${await sha256Base64Url(encode(subject))}`;
}

/** UTF-8 bytes of every code point of `text`, lone surrogates included (as WTF-8 does). */
function encode(text: string): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  for (const character of text) bytes.push(...utf8Bytes(character));
  return Uint8Array.from(bytes);
}

/** The UTF-8 bytes of one code point (one character of a `for...of` walk over a string). */
function utf8Bytes(character: string): number[] {
  const point = character.codePointAt(0) ?? 0;
  if (point < 0x80) return [point];
  if (point < 0x800) return [0xc0 | (point >> 6), 0x80 | (point & 0x3f)];
  if (point < 0x10000) {
    return [0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f)];
  }
  return [
    0xf0 | (point >> 18),
    0x80 | ((point >> 12) & 0x3f),
    0x80 | ((point >> 6) & 0x3f),
    0x80 | (point & 0x3f),
  ];
}

async function sha256Base64Url(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
