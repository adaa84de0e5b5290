import { RequestError } from '../http/request-errors';

/** An IAM caller's purchase without the `X-Id-Token` header. */
export class IdentityTokenRequiredError extends RequestError {
  override readonly name = 'IdentityTokenRequiredError';
  readonly code = 'IDENTITY_TOKEN_REQUIRED';
  override readonly logDetail = 'no X-Id-Token header';
  constructor() {
    super("Send the signed-in user's ID token in the X-Id-Token header.");
  }
}

/**
 * An ID token that did not verify, or that is not the signed caller's. The caller is told no
 * more than that; `logDetail` says exactly why (never the token).
 */
export class IdentityTokenInvalidError extends RequestError {
  override readonly name = 'IdentityTokenInvalidError';
  readonly code = 'IDENTITY_TOKEN_INVALID';
  override readonly logDetail: string;
  constructor(reason: string, options?: ErrorOptions) {
    super('The ID token in X-Id-Token is not accepted for this caller.', options);
    this.logDetail = reason;
  }
}
