/**
 * Why IAM mode has no AWS credentials to sign a request with:
 * - `no-role`: the ID token names no role of the store (no `PetRole` session tag), so STS was not asked;
 * - `access-denied`: STS `AccessDenied` (the role's trust policy refused this identity);
 * - `invalid-token`: STS `InvalidIdentityToken` (issuer not trusted, audience, signature);
 * - `expired-token`: STS `ExpiredTokenException` (the ID token had expired);
 * - `unreachable`: STS did not answer (network down, CORS);
 * - `unexpected`: any other answer (another error code, a 5xx, a body that is not STS's XML).
 */
export type CredentialsFailureReason =
  | 'no-role'
  | 'access-denied'
  | 'invalid-token'
  | 'expired-token'
  | 'unreachable'
  | 'unexpected';

/** IAM mode could not get credentials; the request was not sent. `reason` says why. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
  readonly code = 'CREDENTIALS_UNAVAILABLE';
  constructor(
    readonly reason: CredentialsFailureReason,
    message: string,
  ) {
    super(message);
  }
}
