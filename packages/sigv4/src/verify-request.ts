import { createHash, timingSafeEqual } from 'node:crypto';
import { formatAmzDate, parseAmzDate } from './amz-date';
import { parseAuthorization } from './authorization-header';
import type { CredentialStore, TemporaryCredentials } from './credentials';
import { messages } from './messages';
import { recomputeSignature } from './recompute-signature';
import { signableRequest } from './signable-request';

/** A request as it arrived, before any decoding: what SigV4 signs. */
export interface SignedRequest {
  readonly method: string;
  /** The path as sent (percent-encoding untouched), e.g. `/prod/pets/a%20b`. */
  readonly rawPath: string;
  /** The query string as sent, without `?`; empty when there is none. */
  readonly rawQuery: string;
  /** Header names in lower case, each with every value it was sent with. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: Uint8Array;
}

export interface VerifyOptions {
  /** `execute-api`, `sts`, ... */
  readonly service: string;
  readonly region: string;
  readonly credentials: CredentialStore;
  /** Epoch milliseconds. */
  readonly now: number;
}

/**
 * Why a request was refused, named after the case (the consumer maps it to its service's
 * error: the gateway to `x-amzn-ErrorType` and a gateway response, STS to its XML error).
 */
export type SigV4FailureReason =
  | 'missing' // no Authorization header (nor query signature)
  | 'incomplete' // malformed Authorization, missing date or signed headers
  | 'bad-signature' // recomputed signature differs, wrong scope, body not the one signed
  | 'not-yet-current' // X-Amz-Date more than 5 minutes ahead
  | 'expired-signature' // X-Amz-Date more than 5 minutes behind
  | 'unknown-key' // access key id not found
  | 'bad-session-token' // session token missing or not the one issued with the key
  | 'expired-credentials'; // temporary credentials past their expiry

export interface SigV4Failure {
  readonly reason: SigV4FailureReason;
  /** The message AWS answers for this case (the table in this package's README). */
  readonly message: string;
  /** What exactly was wrong, for the log only (never secrets or signatures). */
  readonly detail: string;
}

export type SigV4Result =
  | { readonly ok: true; readonly credentials: TemporaryCredentials }
  | { readonly ok: false; readonly failure: SigV4Failure };

/** How far `X-Amz-Date` may be from the verifier's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const emptyBodyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Verifies a SigV4-signed request (header form) against the credentials it names, in this
 * order: `Authorization` present (`missing`) and complete, `X-Amz-Date` present and
 * well-formed (`incomplete`); scope date, region and service (`bad-signature`); `host` signed
 * (`incomplete`); `X-Amz-Date` within 5 minutes (`expired-signature`, `not-yet-current`); the
 * key known (`unknown-key`), its session token sent (`bad-session-token`), not expired
 * (`expired-credentials`); `x-amz-content-sha256`, when sent, the body's SHA-256
 * (`UNSIGNED-PAYLOAD` refused); then the signature recomputed with `@smithy/signature-v4` and
 * compared in constant time (`bad-signature`).
 *
 * @example
 * const result = await verifySigV4(request, { service: 'execute-api', region, credentials, now: Date.now() });
 * if (!result.ok) console.log(result.failure.reason);
 */
export async function verifySigV4(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<SigV4Result> {
  const authorizations = request.headers.get('authorization') ?? [];
  const [authorization] = authorizations;
  if (authorization === undefined) {
    return fail('missing', messages.missing, 'no Authorization header');
  }
  const parts = parseAuthorization(authorization);
  const amzDates = request.headers.get('x-amz-date') ?? [];
  const missing = [
    parts.credential === undefined ? messages.requiresParameter('Credential') : '',
    parts.signature === undefined ? messages.requiresParameter('Signature') : '',
    parts.signedHeaders === undefined ? messages.requiresParameter('SignedHeaders') : '',
    amzDates.length === 0 ? messages.requiresDate : '',
  ].filter((sentence) => sentence !== '');
  if (authorizations.length > 1) {
    return fail(
      'incomplete',
      messages.requiresParameter('Credential'),
      'several Authorization headers',
    );
  }
  if (
    missing.length > 0 ||
    parts.credential === undefined ||
    parts.signature === undefined ||
    parts.signedHeaders === undefined
  ) {
    const algorithm =
      parts.algorithm === 'AWS4-HMAC-SHA256' ? 'AWS4-HMAC-SHA256' : 'another scheme';
    return fail('incomplete', missing.join(' '), `incomplete Authorization header (${algorithm})`);
  }

  const [amzDate = ''] = amzDates;
  const signingDate = amzDates.length === 1 ? parseAmzDate(amzDate) : undefined;
  if (signingDate === undefined) {
    return fail(
      'incomplete',
      messages.dateFormat,
      `X-Amz-Date ${JSON.stringify(amzDates)} is not one ISO 8601 basic date`,
    );
  }

  const scope = parts.credential.split('/');
  if (scope.length !== 5) {
    return fail(
      'incomplete',
      messages.credentialElements,
      `Credential has ${scope.length} elements`,
    );
  }
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = scope;
  if (terminator !== 'aws4_request') {
    return fail('incomplete', messages.terminator(terminator), 'bad Credential terminator');
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    return fail(
      'bad-signature',
      messages.scopeDate(scopeDate, amzDate),
      `scope date ${JSON.stringify(scopeDate)} is not the X-Amz-Date's`,
    );
  }
  const wrongScope = [
    region !== options.region ? messages.region(region) : '',
    service !== options.service ? messages.service(options.service) : '',
  ].join('');
  if (wrongScope !== '') {
    return fail(
      'bad-signature',
      wrongScope,
      `scope ${JSON.stringify(`${region}/${service}`)} is not ${options.region}/${options.service}`,
    );
  }

  const signedHeaders = parts.signedHeaders.split(';');
  if (!signedHeaders.includes('host')) {
    return fail('incomplete', messages.hostNotSigned, 'host is not a signed header');
  }

  if (signingDate < options.now - MAX_CLOCK_SKEW_MS) {
    const limit = formatAmzDate(options.now - MAX_CLOCK_SKEW_MS);
    return fail(
      'expired-signature',
      messages.expired(amzDate, limit, formatAmzDate(options.now)),
      'X-Amz-Date more than 5 minutes ago',
    );
  }
  if (signingDate > options.now + MAX_CLOCK_SKEW_MS) {
    const limit = formatAmzDate(options.now + MAX_CLOCK_SKEW_MS);
    return fail(
      'not-yet-current',
      messages.notYetCurrent(amzDate, limit, formatAmzDate(options.now)),
      'X-Amz-Date more than 5 minutes ahead',
    );
  }

  const credentials = options.credentials.find(accessKeyId);
  if (!credentials) {
    return fail(
      'unknown-key',
      messages.invalidToken,
      `unknown access key id ${JSON.stringify(accessKeyId)}`,
    );
  }
  const tokens = request.headers.get('x-amz-security-token') ?? [];
  if (tokens.length !== 1 || !sameSecret(tokens[0] ?? '', credentials.sessionToken)) {
    const problem =
      tokens.length === 0
        ? 'no session token'
        : tokens.length > 1
          ? 'several session tokens'
          : 'not the session token issued with the key';
    return fail('bad-session-token', messages.invalidToken, `${problem} for ${accessKeyId}`);
  }
  if (options.now >= credentials.expiresAt) {
    return fail(
      'expired-credentials',
      messages.expiredToken,
      `credentials ${accessKeyId} expired at ${new Date(credentials.expiresAt).toISOString()}`,
    );
  }

  const payloadProblem = checkPayload(request);
  if (payloadProblem) return fail('bad-signature', messages.badSignature, payloadProblem);
  const unverifiable = signedHeaders.find(
    (name) => name === 'authorization' || name === 'date' || !request.headers.has(name),
  );
  if (unverifiable !== undefined || !signedHeaders.includes('x-amz-date')) {
    return fail(
      'bad-signature',
      messages.badSignature,
      unverifiable === undefined
        ? 'x-amz-date is not signed'
        : `signed header ${JSON.stringify(unverifiable)} cannot be verified`,
    );
  }

  const expected = await recomputeSignature(signableRequest(request, signedHeaders), {
    accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    region,
    service,
    signingDate,
    signedHeaders,
  });
  if (!/^[0-9a-f]{64}$/.test(parts.signature) || !sameSecret(parts.signature, expected)) {
    return fail('bad-signature', messages.badSignature, `signature mismatch for ${accessKeyId}`);
  }
  return { ok: true, credentials };
}

/** A sent `x-amz-content-sha256` must be the body's SHA-256; `UNSIGNED-PAYLOAD` is refused. */
function checkPayload(request: SignedRequest): string | undefined {
  const declared = request.headers.get('x-amz-content-sha256');
  if (declared === undefined) return undefined;
  if (declared.length !== 1) return 'several x-amz-content-sha256 headers';
  const [value = ''] = declared;
  if (value === 'UNSIGNED-PAYLOAD') return 'UNSIGNED-PAYLOAD is refused';
  const actual =
    request.body.length === 0
      ? emptyBodyHash
      : createHash('sha256').update(request.body).digest('hex');
  return value === actual ? undefined : 'x-amz-content-sha256 is not the SHA-256 of the body';
}

/** Constant-time equality, whatever the lengths (both sides are hashed first). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function fail(reason: SigV4FailureReason, message: string, detail: string): SigV4Result {
  return { ok: false, failure: { reason, message, detail } };
}
