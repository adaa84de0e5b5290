import type { Problem } from '@petstore/api-contract/types';
import {
  DomainError,
  type ErrorCode,
  StoreUnavailableError,
  ValidationError,
} from '@petstore/domain/errors';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { RequestError } from './request-errors';

const statusOf = {
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  FORBIDDEN: 403,
  IDENTITY_TOKEN_REQUIRED: 403,
  IDENTITY_TOKEN_INVALID: 403,
  PET_NOT_FOUND: 404,
  PET_ALREADY_SOLD: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

const titleOf = {
  VALIDATION_FAILED: 'Invalid request',
  INVALID_CURSOR: 'Invalid cursor',
  FORBIDDEN: 'Not allowed for your role',
  IDENTITY_TOKEN_REQUIRED: 'ID token required',
  IDENTITY_TOKEN_INVALID: 'ID token not accepted',
  PET_NOT_FOUND: 'Pet not found',
  PET_ALREADY_SOLD: 'Pet no longer available',
  PAYLOAD_TOO_LARGE: 'Body too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  INTERNAL: 'Internal error',
  SERVICE_UNAVAILABLE: 'Service unavailable',
} as const satisfies Record<ErrorCode, string>;

/** Whether `error` is one the API raises on purpose (and may describe to the caller). */
export function isExpectedError(error: unknown): error is DomainError | RequestError {
  return error instanceof DomainError || error instanceof RequestError;
}

/**
 * The RFC 9457 problem for an error. Expected errors say what was wrong; anything else is an
 * `INTERNAL` problem that reveals nothing (the details go to the log, under the request id).
 *
 * @example
 * toProblem(new PetNotFoundError(id), '/pets/' + id) // { status: 404, code: 'PET_NOT_FOUND', ... }
 */
export function toProblem(error: unknown, instance: string, requestId: string): Problem {
  const code: ErrorCode = isExpectedError(error) ? error.code : 'INTERNAL';
  const detail = isExpectedError(error)
    ? error.message
    : `Something went wrong on our side. Quote request id ${requestId} when reporting it.`;
  return {
    type: `urn:petstore:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf[code],
    status: statusOf[code],
    detail,
    instance,
    code,
    ...(error instanceof ValidationError ? { errors: [...error.issues] } : {}),
  };
}

/**
 * The proxy response carrying the problem of `error`; a 503 says in `Retry-After` when to try
 * again.
 *
 * @example
 * problemResponse(toProblem(error, event.path, requestId), error)
 * // { statusCode: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' }, body: '{...}' }
 */
export function problemResponse(problem: Problem, error?: unknown): APIGatewayProxyResult {
  return {
    statusCode: problem.status,
    headers: {
      'Content-Type': 'application/problem+json',
      ...(error instanceof StoreUnavailableError
        ? { 'Retry-After': String(error.retryAfterSeconds) }
        : {}),
    },
    body: JSON.stringify(problem),
  };
}
