import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@petstore/domain/configuration-error';
import type { JSONWebKeySet } from 'jose';

/** JWK members that only private or symmetric keys have. */
const secretMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth', 'priv'] as const;

/**
 * Reads a public JSON Web Key Set from a file at cold start. A file that is missing, is not a
 * JWKS, or holds private or symmetric key material is a {@link ConfigurationError} naming
 * `JWKS_FILE`.
 *
 * @example
 * const jwks = readJwksFile('keys/jwks.json'); // { keys: [{ kty: 'RSA', kid: '...', n, e }] }
 */
export function readJwksFile(path: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw jwksFileError(`cannot read a JSON file at ${path}`, { cause });
  }
  if (!isKeySet(parsed)) {
    throw jwksFileError('not a JSON Web Key Set ({ "keys": [...] })');
  }
  for (const key of parsed.keys) {
    if (secretMembers.some((member) => member in key)) {
      throw jwksFileError(`key ${String(key.kid)} is not a public key`);
    }
  }
  return parsed;
}

function jwksFileError(message: string, options?: ErrorOptions): ConfigurationError {
  return new ConfigurationError('authorizer', [{ variable: 'JWKS_FILE', message }], options);
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  if (typeof value !== 'object' || value === null || !('keys' in value)) return false;
  const { keys } = value;
  return (
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((key: unknown) => typeof key === 'object' && key !== null && 'kty' in key)
  );
}
