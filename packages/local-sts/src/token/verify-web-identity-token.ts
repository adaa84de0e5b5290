import { decodeJwt, errors, type JWTPayload, jwtVerify } from 'jose';
import type { OidcProviderModel } from '../iam-model';
import { stsErrors } from '../protocol/sts-errors';
import { KeyRetrievalError, type OidcKeySource } from './oidc-key-source';
import { readSessionTags, type SessionTags } from './session-tags';

/**
 * The JWS algorithms accepted for web identity tokens: RSA (PKCS#1 v1.5) and ECDSA, the families
 * IAM's OIDC federation verifies (that it takes RSA-PSS or EdDSA is unconfirmed: refused here,
 * the stricter choice). `none` and the HMAC ones (HS*) are never accepted.
 */
export const allowedAlgorithms = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;

/** Clock skew tolerated on `exp` (and `nbf`), as STS does: 5 minutes. */
export const clockSkewSeconds = 300;

/** A web identity token that passed every check. */
export interface VerifiedWebIdentity {
  readonly provider: OidcProviderModel;
  /** `iss` (what STS answers as `Provider`). */
  readonly issuer: string;
  readonly subject: string;
  /** The token's audience found in the provider's `ClientIdList`. */
  readonly audience: string;
  /** `amr`, when the token has it (a condition key). */
  readonly amr: readonly string[] | undefined;
  readonly sessionTags: SessionTags | undefined;
}

export interface VerifyWebIdentityOptions {
  readonly providers: readonly OidcProviderModel[];
  readonly keys: OidcKeySource;
  /** Epoch milliseconds. */
  readonly now: number;
}

/**
 * Verifies a web identity token as STS does, in this order: `iss` names an OIDC provider of the
 * template; the provider's keys (OIDC discovery, JWKS) verify the signature with an asymmetric
 * algorithm; `exp` (required, 5 minutes of skew); `aud` (required) in the provider's client list;
 * `sub` (required); the session tags claim. Throws an `StsError` with STS's code and message.
 *
 * @example
 * const identity = await verifyWebIdentityToken(token, { providers: iam.oidcProviders, keys, now: Date.now() });
 * identity.subject // 'database|ada'
 */
export async function verifyWebIdentityToken(
  token: string,
  options: VerifyWebIdentityOptions,
): Promise<VerifiedWebIdentity> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch (error) {
    throw stsErrors.invalidIdentityToken(`token is not a JWT: ${(error as Error).message}`);
  }
  const issuer = unverified.iss;
  if (typeof issuer !== 'string') throw stsErrors.missingClaim('iss');
  const provider = options.providers.find((candidate) => candidate.url === issuer);
  if (!provider) {
    const known = options.providers.map((candidate) => candidate.url).join(', ') || 'none';
    throw stsErrors.noOpenIdProvider(
      issuer,
      `iss ${issuer} is not the Url of an OIDC provider (${known})`,
    );
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, options.keys.forIssuer(issuer), {
      algorithms: [...allowedAlgorithms],
      currentDate: new Date(options.now),
      clockTolerance: clockSkewSeconds,
    }));
  } catch (error) {
    throw verificationError(error, unverified, options.now);
  }

  if (payload.exp === undefined) throw stsErrors.missingClaim('exp');
  const audiences = payload.aud === undefined ? [] : [payload.aud].flat();
  if (audiences.length === 0) throw stsErrors.missingClaim('aud');
  const audience = audiences.find((candidate) => provider.clientIds.includes(candidate));
  if (audience === undefined) {
    throw stsErrors.incorrectAudience(
      `aud ${JSON.stringify(payload.aud)} is not in the ClientIdList of ${provider.logicalId}`,
    );
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw stsErrors.missingClaim('sub');
  const amr = Array.isArray(payload.amr)
    ? payload.amr.filter((value) => typeof value === 'string')
    : undefined;
  return {
    provider,
    issuer,
    subject: payload.sub,
    audience,
    amr,
    sessionTags: readSessionTags(payload),
  };
}

function verificationError(error: unknown, unverified: JWTPayload, now: number) {
  if (error instanceof KeyRetrievalError) return stsErrors.keyRetrieval(error.message);
  if (error instanceof errors.JWKSNoMatchingKey)
    return stsErrors.keyRetrieval('no key of the provider JWKS matches the token kid and alg');
  if (error instanceof errors.JWTExpired) {
    const exp = typeof unverified.exp === 'number' ? unverified.exp : 0;
    return stsErrors.expiredToken(Math.floor(now / 1000), exp);
  }
  if (error instanceof errors.JOSEError)
    return stsErrors.invalidIdentityToken(`${error.code}: ${error.message}`);
  return stsErrors.internalFailure(`token verification failed: ${String(error)}`);
}
