/** Why a token was refused; goes to the logs only, the caller always sees `Unauthorized`. */
export type RejectReason =
  | 'MISSING_TOKEN'
  | 'NOT_BEARER'
  | 'TOKEN_TOO_LARGE'
  | 'MALFORMED_TOKEN'
  | 'NON_CANONICAL_ENCODING'
  | 'FORBIDDEN_HEADER_PARAMETER'
  | 'UNKNOWN_KID'
  | 'UNKNOWN_KID_JWKS_UNAVAILABLE'
  | 'ALGORITHM_NOT_ALLOWED'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'IAT_IN_THE_FUTURE'
  | 'LIFETIME_TOO_LONG'
  | 'CLIENT_NOT_ALLOWED'
  | 'AMBIGUOUS_KID'
  | 'INVALID_SUBJECT'
  | 'INVALID_PERMISSIONS_CLAIM'
  | (string & {});

/**
 * The token is at fault: missing, malformed, badly signed, expired, for someone else...
 * The authorizer answers these with exactly `Unauthorized` (AWS-BEHAVIOR A4 -> 401).
 */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
  readonly code = 'TOKEN_REJECTED';
  constructor(
    readonly reason: RejectReason,
    options?: ErrorOptions,
  ) {
    super(`token rejected: ${reason}`, options);
  }
}

/** What went wrong on our side, not the token's. */
export type FaultReason = 'JWKS_UNAVAILABLE' | 'INVALID_EVENT' | 'INVALID_METHOD_ARN' | 'INTERNAL';

/**
 * A fault the token cannot be blamed for (e.g. the JWKS is unreachable and no cached key fits).
 * It is thrown to the Lambda runtime, so API Gateway answers 500 and monitoring sees it (A4).
 */
export class AuthorizerFaultError extends Error {
  override readonly name = 'AuthorizerFaultError';
  readonly code = 'AUTHORIZER_FAULT';
  constructor(
    readonly reason: FaultReason,
    options?: ErrorOptions,
  ) {
    super(`authorizer fault: ${reason}`, options);
  }
}
