import {
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';
import { AuthorizerFaultError, TokenRejectedError } from '../errors';
import { bearerToken } from './bearer-token';
import { rejectionReason } from './rejection-reason';
import { screenedHeader } from './token-header';

export interface VerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  /** Required `typ` header, e.g. `at+jwt`; omit to accept any. */
  readonly requiredType?: string;
  readonly clockToleranceSeconds: number;
  readonly maxTokenBytes: number;
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
 * `iss` exact, `aud` containing the API identifier, `exp` required, `nbf` honoured, `typ`
 * when required, `sub` present. Unknown `crit` parameters are refused by jose.
 *
 * Throws {@link TokenRejectedError} for any token problem and lets an
 * {@link AuthorizerFaultError} from the key source through.
 *
 * @example
 * const verify = createTokenVerifier({ issuer, audience, algorithms: ['RS256'], requiredType: 'at+jwt',
 *   clockToleranceSeconds: 5, maxTokenBytes: 8192, keys });
 * const { claims } = await verify('Bearer eyJ...');
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...options.algorithms],
    clockTolerance: options.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
    ...(options.requiredType ? { typ: options.requiredType } : {}),
  };
  return async (authorization) => {
    const token = bearerToken(authorization, options.maxTokenBytes);
    screenedHeader(token);
    try {
      const { payload, protectedHeader } = await jwtVerify(token, options.keys, verifyOptions);
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new TokenRejectedError('INVALID_SUBJECT');
      }
      return { claims: { ...payload, sub: payload.sub }, header: protectedHeader };
    } catch (error) {
      if (error instanceof TokenRejectedError || error instanceof AuthorizerFaultError) throw error;
      throw new TokenRejectedError(rejectionReason(error), { cause: error });
    }
  };
}
