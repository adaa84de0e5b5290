import { createPetStoreClient, type PetStoreClient } from '@petstore/api-contract/client';
import type { Reply } from './check';

/** How long one request may take: a cold Lambda on AWS answers within a few seconds. */
export const requestTimeoutMs = 15_000;

/** The media type of a `Content-Type` header, without its parameters. */
function mediaTypeOf(headers: Headers): string | undefined {
  return headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * A typed client of the contract for one caller: its access token (or none), and the headers
 * every request of that caller carries (the SPA's `Origin`, a partner's `x-api-key`). Each
 * request gives up after {@link requestTimeoutMs}.
 *
 * @example
 * const buyer = callerClient('https://abc.execute-api.eu-west-1.amazonaws.com/prod', token, { origin });
 * const reply = replyOf(await buyer.GET('/me'));
 */
export function callerClient(
  baseUrl: string,
  token: string | undefined,
  headers: Readonly<Record<string, string>> = {},
): PetStoreClient {
  return createPetStoreClient({
    baseUrl,
    getAccessToken: () => token,
    fetch: (input, init) => {
      const request = new Request(input, init);
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return fetch(request, { signal: AbortSignal.timeout(requestTimeoutMs) });
    },
  });
}

/**
 * What the typed client got back, as a check reads it (openapi-fetch has parsed the body into
 * `data` or `error`).
 *
 * @example
 * const reply = replyOf(await client.GET('/pets', { params: { query: { limit: 5 } } }));
 */
export function replyOf(result: {
  readonly response: Response;
  readonly data?: unknown;
  readonly error?: unknown;
}): Reply {
  const { response } = result;
  return {
    status: response.status,
    headers: response.headers,
    mediaType: mediaTypeOf(response.headers),
    body: result.data ?? result.error,
  };
}

/**
 * One request outside the contract's operations (a preflight, a route the contract does not
 * have): its status, headers and JSON body (or text).
 *
 * @example
 * const reply = await send(`${api}/no-such-route`, { headers: { origin } });
 */
export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: the text is the body
  }
  return {
    status: response.status,
    headers: response.headers,
    mediaType: mediaTypeOf(response.headers),
    body,
  };
}
