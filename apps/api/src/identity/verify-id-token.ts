import { type Role, roleOfSessionTags } from '@petstore/domain/roles';
import { errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { IdentityTokenInvalidError, IdentityTokenRequiredError } from './id-token-errors';

/** Larger than any ID token we issue; the contract's `maxLength` of `X-Id-Token`. */
export const MAX_ID_TOKEN_LENGTH = 8192;

/** Seconds of clock difference with the identity provider tolerated on `exp`, `nbf` and `iat`. */
const clockToleranceSeconds = 5;

export interface IdTokenVerifierOptions {
  readonly issuer: string;
  /** The SPA's client id. */
  readonly audience: string;
  /** The provider's keys, e.g. jose's `createRemoteJWKSet(jwksUri)`. */
  readonly keys: JWTVerifyGetKey;
  /** Defaults to the system clock. */
  readonly now?: () => Date;
}

/** What a verified ID token says about its user. */
export interface VerifiedIdToken {
  readonly subject: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
  /** The role its `PetRole` session tag names, when it names exactly one known role. */
  readonly roleTag: Role | undefined;
}

export type IdTokenVerifier = (token: string | undefined) => Promise<VerifiedIdToken>;

/** jose's failures that mean "this token is no good", and how the log names them. */
const rejections = new Map([
  ['ERR_JWT_EXPIRED', 'expired'],
  ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'a claim check failed'],
  ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'bad signature'],
  ['ERR_JWS_INVALID', 'malformed'],
  ['ERR_JWT_INVALID', 'malformed'],
  ['ERR_JOSE_ALG_NOT_ALLOWED', 'algorithm not allowed (RS256 only)'],
  ['ERR_JOSE_NOT_SUPPORTED', 'unsupported'],
  ['ERR_JWKS_NO_MATCHING_KEY', 'no key of the JWKS matches its kid'],
  ['ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'several keys of the JWKS match its kid'],
]);

/**
 * Verifies an OpenID Connect ID token (RS256 only): signature by a key of the provider's JWKS,
 * `iss` exactly, `aud` containing the SPA's client id (and `azp`, when present, equal to it),
 * `exp` required and not passed, `sub` a non-empty string, and not an access token (`typ:
 * at+jwt`). Throws {@link IdentityTokenRequiredError} for no token,
 * {@link IdentityTokenInvalidError} (its `logDetail` says why) for a bad one, and lets any other
 * error (the JWKS unreachable) through as a fault.
 *
 * @example
 * const verify = createIdTokenVerifier({ issuer, audience: 'petstore-web', keys: createRemoteJWKSet(jwksUri) });
 * const { subject, roleTag } = await verify(header(event, 'x-id-token'));
 */
export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  const { issuer, audience, keys, now } = options;
  return async (token) => {
    if (token === undefined || token.trim() === '') throw new IdentityTokenRequiredError();
    if (token.length > MAX_ID_TOKEN_LENGTH) {
      throw new IdentityTokenInvalidError(`longer than ${MAX_ID_TOKEN_LENGTH} characters`);
    }
    let verified: Awaited<ReturnType<typeof jwtVerify>>;
    try {
      verified = await jwtVerify(token.trim(), keys, {
        issuer,
        audience,
        algorithms: ['RS256'],
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
        ...(now ? { currentDate: now() } : {}),
      });
    } catch (error) {
      // Anything else (the JWKS unreachable or broken) is a fault, not the token's: a 5xx.
      if (error instanceof errors.JOSEError && rejections.has(error.code)) {
        throw new IdentityTokenInvalidError(rejectionReason(error), { cause: error });
      }
      throw error;
    }
    const { payload, protectedHeader } = verified;
    if (/^(application\/)?at\+jwt$/i.test(protectedHeader.typ ?? '')) {
      throw new IdentityTokenInvalidError('an access token (typ at+jwt), not an ID token');
    }
    if (payload.azp !== undefined && payload.azp !== audience) {
      throw new IdentityTokenInvalidError('azp is not the SPA client id');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new IdentityTokenInvalidError('sub is not a non-empty string');
    }
    return {
      subject: payload.sub,
      name: nonEmptyText(payload.name),
      email: nonEmptyText(payload.email),
      roleTag: roleOfSessionTags(payload),
    };
  };
}

function rejectionReason(error: InstanceType<typeof errors.JOSEError>): string {
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `claim ${error.claim} ${error.reason.replaceAll('_', ' ')}`;
  }
  return rejections.get(error.code) ?? error.code;
}

function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
