import type { ErrorCode } from '@petstore/api-contract/types';

export type { ErrorCode } from '@petstore/api-contract/types';

/** Where a request was wrong: a JSON Pointer into the request (`/body/price`) and a message. */
export interface FieldIssue {
  readonly pointer: string;
  readonly message: string;
}

/** Base class of the errors the domain raises on purpose; `code` is stable, `message` is for people. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(
      `The request is not valid: ${issues.map((issue) => `${issue.pointer} ${issue.message}`).join('; ')}`,
    );
  }
}

export class InvalidCursorError extends DomainError {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super('The cursor is not one this API issued for this listing.');
  }
}

export class PetNotFoundError extends DomainError {
  override readonly name = 'PetNotFoundError';
  readonly code = 'PET_NOT_FOUND';
  constructor(readonly petId: string) {
    super(`No pet has the id ${petId}.`);
  }
}

export class PetAlreadySoldError extends DomainError {
  override readonly name = 'PetAlreadySoldError';
  readonly code = 'PET_ALREADY_SOLD';
  constructor(readonly petId: string) {
    super(`The pet ${petId} is no longer available.`);
  }
}

/**
 * The store did not answer in time, refused the connection, or said it is overloaded: a passing
 * fault of the infrastructure, answered as 503 with `Retry-After`. `cause` holds the SDK's error
 * (for the log only).
 */
export class StoreUnavailableError extends DomainError {
  override readonly name = 'StoreUnavailableError';
  readonly code = 'SERVICE_UNAVAILABLE';
  /** When to try again, in seconds. */
  readonly retryAfterSeconds = 2;
  constructor(cause: unknown) {
    super('The pet store cannot be reached right now. Try again in a moment.', { cause });
  }
}
