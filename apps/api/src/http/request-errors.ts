import type { ErrorCode } from '@petstore/domain/errors';

/** A request refused by the API layer before the domain is called. */
export abstract class RequestError extends Error {
  abstract readonly code: ErrorCode;
  /** What exactly was wrong, for the log only (the caller sees `message`); never a secret. */
  readonly logDetail: string | undefined = undefined;
}

export class PayloadTooLargeError extends RequestError {
  override readonly name = 'PayloadTooLargeError';
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(limitBytes: number) {
    super(`The body is larger than ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaTypeError extends RequestError {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  constructor() {
    super('The body must be JSON, sent as Content-Type: application/json.');
  }
}

export class ForbiddenError extends RequestError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
  override readonly logDetail: string;
  constructor(
    readonly missing: readonly string[],
    reason?: string,
  ) {
    super('Your role does not allow this operation.');
    this.logDetail = reason ?? `missing ${missing.join(' ') || 'an identity'}`;
  }
}
