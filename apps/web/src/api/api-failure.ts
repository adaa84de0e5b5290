import type { Problem } from '@petstore/api-contract/types';
import type { CredentialsFailureReason } from './credentials-error';

/** A field the API refused, from a `VALIDATION_FAILED` problem (`pointer` such as `/body/price`). */
export interface FieldProblem {
  readonly pointer: string;
  readonly message: string;
}

/** Why an API call failed, in the terms the screens act on. */
export type ApiFailure =
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'already-sold' }
  | { readonly kind: 'validation'; readonly fields: readonly FieldProblem[] }
  | { readonly kind: 'rejected'; readonly detail: string | undefined }
  | { readonly kind: 'throttled' }
  | { readonly kind: 'server' }
  | { readonly kind: 'network' }
  /** IAM mode: no AWS credentials, so the request was not sent. */
  | { readonly kind: 'credentials'; readonly reason: CredentialsFailureReason }
  | { readonly kind: 'aborted' };

/**
 * Classifies a failed response from its status and body: RFC 9457 problems from the API (with a
 * stable `code`), or API Gateway's own `{ message }` bodies (401, 403, 429, 5xx).
 *
 * @example
 * failureOf(409, { code: 'PET_ALREADY_SOLD', status: 409, title: 'Pet already sold', type: 'about:blank' })
 * // { kind: 'already-sold' }
 */
export function failureOf(status: number, body: unknown): ApiFailure {
  const problem = asProblem(body);
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) return { kind: 'not-found' };
  if (status === 409 || problem?.code === 'PET_ALREADY_SOLD') return { kind: 'already-sold' };
  if (status === 429) return { kind: 'throttled' };
  if (status >= 500) return { kind: 'server' };
  if (problem?.code === 'VALIDATION_FAILED') {
    return { kind: 'validation', fields: problem.errors ?? [] };
  }
  return { kind: 'rejected', detail: problem?.detail ?? problem?.title };
}

function asProblem(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  return body as Problem;
}
