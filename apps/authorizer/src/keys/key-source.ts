import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthorizerFaultError, TokenRejectedError } from '../errors';

export interface KeySourceOptions {
  /** The identity provider's JWKS endpoint. */
  readonly jwksUri: URL;
  /** A refetch for an unknown `kid` (or after a failed fetch) happens at most once per cooldown. */
  readonly cooldownSeconds: number;
  readonly timeoutMs: number;
  /** A public JWKS consulted first, so a cold start needs no network. */
  readonly file?: JSONWebKeySet;
}

const { JWKSMultipleMatchingKeys, JWKSNoMatchingKey } = errors;

export type KeyLookup = (
  ...args: Parameters<JWTVerifyGetKey>
) => Promise<Awaited<ReturnType<JWTVerifyGetKey>>>;

/**
 * The verification key for a token's header: from the JWKS file when it has the `kid`,
 * otherwise from the remote JWKS (jose's cache: an unknown `kid` refetches at most once per
 * cooldown, so a rotated key is found without a restart).
 *
 * Throws {@link TokenRejectedError} when no key fits the token, also while the JWKS cannot be
 * fetched (`UNKNOWN_KID_JWKS_UNAVAILABLE`: answered from the keys held, without waiting for the
 * network), and {@link AuthorizerFaultError} when the JWKS cannot be fetched and no key set was
 * ever held (no `JWKS_FILE`, no earlier fetch). After a failed fetch, the last good key set is
 * used without network calls for one cooldown, then the JWKS is tried again.
 *
 * @example
 * const keys = createKeySource({ jwksUri: new URL('https://idp.example/jwks'), cooldownSeconds: 30, timeoutMs: 3000 });
 * await jwtVerify(token, keys, { algorithms: ['RS256'] });
 */
export function createKeySource(options: KeySourceOptions): KeyLookup {
  const cooldownMs = options.cooldownSeconds * 1000;
  const fromFile = options.file ? createLocalJWKSet(options.file) : undefined;
  // Made on first use: jose's remote set builds `Headers` at once, which loads Node's fetch
  // (undici, about 10 ms of a cold start) that a token verified from JWKS_FILE never needs.
  let remoteSet: ReturnType<typeof createRemoteJWKSet> | undefined;
  const remote = () => {
    remoteSet ??= createRemoteJWKSet(options.jwksUri, {
      cooldownDuration: cooldownMs,
      timeoutDuration: options.timeoutMs,
    });
    return remoteSet;
  };
  let failedAt = Number.NEGATIVE_INFINITY;
  let failure: unknown;
  let lastKnown: KeyLookup | undefined;

  // The JWKS cannot be fetched: a key we hold still verifies; a kid none of them has is the
  // token's problem (401 at once, no network), as long as we hold some key set. With none at
  // all (a cold start without JWKS_FILE during an outage), nobody can be verified: a fault.
  const fromLastKnown: KeyLookup = async (header, token) => {
    if (!lastKnown) {
      if (fromFile)
        throw new TokenRejectedError('UNKNOWN_KID_JWKS_UNAVAILABLE', { cause: failure });
      throw new AuthorizerFaultError('JWKS_UNAVAILABLE', { cause: failure });
    }
    try {
      return await lastKnown(header, token);
    } catch (error) {
      if (error instanceof JWKSNoMatchingKey) {
        throw new TokenRejectedError('UNKNOWN_KID_JWKS_UNAVAILABLE', { cause: failure });
      }
      throw keyLookupError(error);
    }
  };

  return async (header, token) => {
    if (fromFile) {
      try {
        return await fromFile(header, token);
      } catch (error) {
        if (!(error instanceof JWKSNoMatchingKey)) throw keyLookupError(error);
      }
    }
    if (Date.now() < failedAt + cooldownMs) return fromLastKnown(header, token);
    try {
      return await remote()(header, token);
    } catch (error) {
      if (error instanceof JWKSNoMatchingKey || error instanceof JWKSMultipleMatchingKeys) {
        throw keyLookupError(error);
      }
      failedAt = Date.now();
      failure = error;
      const jwks = remote().jwks();
      lastKnown = jwks ? createLocalJWKSet(jwks) : undefined;
      return fromLastKnown(header, token);
    }
  };
}

function keyLookupError(error: unknown): Error {
  if (error instanceof JWKSNoMatchingKey)
    return new TokenRejectedError('UNKNOWN_KID', { cause: error });
  if (error instanceof JWKSMultipleMatchingKeys) {
    return new TokenRejectedError('AMBIGUOUS_KID', { cause: error });
  }
  return new AuthorizerFaultError('JWKS_UNAVAILABLE', { cause: error });
}
