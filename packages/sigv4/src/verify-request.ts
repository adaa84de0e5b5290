import type { CredentialStore, TemporaryCredentials } from './credentials';

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
  | 'bad-signature' // recomputed signature differs
  | 'not-yet-current' // X-Amz-Date more than 5 minutes ahead
  | 'expired-signature' // X-Amz-Date more than 5 minutes behind
  | 'unknown-key' // access key id not found
  | 'bad-session-token' // session token missing or not the one issued with the key
  | 'expired-credentials'; // temporary credentials past their expiry

export interface SigV4Failure {
  readonly reason: SigV4FailureReason;
  /** The message AWS answers for this case (IAM-FEDERATION table). */
  readonly message: string;
  /** What exactly was wrong, for the log only (never secrets or signatures). */
  readonly detail: string;
}

export type SigV4Result =
  | { readonly ok: true; readonly credentials: TemporaryCredentials }
  | { readonly ok: false; readonly failure: SigV4Failure };

/**
 * Verifies a SigV4-signed request (header form) against the credentials it names.
 *
 * @example
 * const result = await verifySigV4(request, { service: 'execute-api', region, credentials, now: Date.now() });
 * if (!result.ok) console.log(result.failure.reason);
 */
export async function verifySigV4(
  _request: SignedRequest,
  _options: VerifyOptions,
): Promise<SigV4Result> {
  throw new Error('verifySigV4: not implemented yet');
}
