import { type ApiFailure, failureOf } from './api-failure';
import { CredentialsError } from './credentials-error';

/** What an API call came to: the response's data, or why it failed. */
export type Outcome<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly failure: ApiFailure };

/** The shape of an openapi-fetch result. */
interface ClientResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Runs one typed-client call and turns every way it can end into an {@link Outcome}: a network
 * failure (the request never got an answer, CORS included) is `network`, an aborted one `aborted`,
 * one IAM mode could not get AWS credentials for `credentials`.
 *
 * @example
 * const outcome = await callApi(() => api.GET('/me'));
 * if (outcome.ok) show(outcome.data.name);
 */
export async function callApi<T>(send: () => Promise<ClientResult<T>>): Promise<Outcome<T>> {
  let result: ClientResult<T>;
  try {
    result = await send();
  } catch (error) {
    if (error instanceof CredentialsError) {
      return { ok: false, failure: { kind: 'credentials', reason: error.reason } };
    }
    const aborted = error instanceof DOMException && error.name === 'AbortError';
    return { ok: false, failure: { kind: aborted ? 'aborted' : 'network' } };
  }
  if (!result.response.ok) {
    return { ok: false, failure: failureOf(result.response.status, result.error) };
  }
  return { ok: true, data: result.data as T };
}
