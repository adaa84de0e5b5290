import {
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';
import { AuthorizerFaultError, TokenRejectedError } from '../errors';
import { clientIdOf } from '../identity/client-id';
import { bearerToken } from './bearer-token';
import { rejectionReason } from './rejection-reason';
import { screenKeyReferences } from './token-header';

export interface VerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  /** Required `typ` header, e.g. `at+jwt`; omit to accept any. */
  readonly requiredType?: string;
  readonly clockToleranceSeconds: number;
  readonly maxTokenBytes: number;
  /** Longest accepted `exp - iat`, in seconds. */
  readonly maxTokenLifetimeSeconds: number;
  /** OAuth clients whose tokens are accepted ({@link clientIdOf}); omit to accept any. */
  readonly allowedClientIds?: readonly string[];
  readonly keys: JWTVerifyGetKey;
}

/** A token whose signature, issuer, audience, type and lifetime all checked out. */
export interface VerifiedToken {
  readonly claims: JWTPayload & { readonly sub: string };
  readonly header: ProtectedHeaderParameters;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<VerifiedToken>;

/**
 * Verifies the access token of an `Authorization` header value: `Bearer` scheme, size bound,
 * no key references in the header, algorithm in the allowed list, signature by a JWKS key,
 * `iss` exact, `aud` containing the API identifier, `exp` and `iat` required, `nbf` honoured,
 * `iat` not in the future and `exp - iat` at most the maximum lifetime, `typ` when required,
 * `sub` present, the client in the allowlist when there is one. Unknown `crit` parameters are
 * refused by jose.
 *
 * Throws {@link TokenRejectedError} for any token problem and lets an
 * {@link AuthorizerFaultError} from the key source through.
 *
 * @example
 * const verify = createTokenVerifier({ issuer, audience, algorithms: ['RS256'], requiredType: 'at+jwt',
 *   clockToleranceSeconds: 5, maxTokenBytes: 8192, maxTokenLifetimeSeconds: 86400, keys });
 * const { claims } = await verify('Bearer eyJ...');
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...options.algorithms],
    clockTolerance: options.clockToleranceSeconds,
    requiredClaims: ['exp', 'iat', 'sub'],
    ...(options.requiredType ? { typ: options.requiredType } : {}),
  };
  const allowedClients = options.allowedClientIds ? new Set(options.allowedClientIds) : undefined;
  // The header is screened when jose asks for the key: before any key is looked up.
  const keys: JWTVerifyGetKey = (header, token) => {
    screenKeyReferences(header);
    return options.keys(header, token);
  };
  return async (authorization) => {
    const token = bearerToken(authorization, options.maxTokenBytes);
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys, verifyOptions);
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new TokenRejectedError('INVALID_SUBJECT');
      }
      checkLifetime(payload as JWTPayload & { exp: number; iat: number }, options);
      if (allowedClients) {
        const client = clientIdOf(payload);
        if (client === undefined || !allowedClients.has(client)) {
          throw new TokenRejectedError('CLIENT_NOT_ALLOWED');
        }
      }
      return { claims: { ...payload, sub: payload.sub }, header: protectedHeader };
    } catch (error) {
      if (error instanceof TokenRejectedError || error instanceof AuthorizerFaultError) throw error;
      throw new TokenRejectedError(rejectionReason(error), { cause: error });
    }
  };
}

/**
 * jose has checked that `exp` and `iat` are numbers and `exp` is not past; this refuses an
 * `iat` later than now plus the tolerance (a token from the future), and a token issued for
 * longer than the maximum lifetime (a stolen long-lived token stays usable for that long).
 */
function checkLifetime(
  claims: { readonly exp: number; readonly iat: number },
  options: Pick<VerifierOptions, 'clockToleranceSeconds' | 'maxTokenLifetimeSeconds'>,
): void {
  const now = Math.floor(Date.now() / 1000);
  if (claims.iat > now + options.clockToleranceSeconds) {
    throw new TokenRejectedError('IAT_IN_THE_FUTURE');
  }
  if (claims.exp - claims.iat > options.maxTokenLifetimeSeconds) {
    throw new TokenRejectedError('LIFETIME_TOO_LONG');
  }
}
