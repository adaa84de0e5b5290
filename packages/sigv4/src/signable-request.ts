import type { SignedRequest } from './verify-request';

/** The request as the signer needs it: only the headers the client signed. */
export interface SignableRequest {
  readonly method: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly path: string;
  readonly query: Record<string, string | string[]>;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/**
 * Rebuilds what the client signed, for `@smithy/signature-v4` to sign again: the method, the
 * path exactly as sent (the signer escapes it once more, as SigV4 wants for every service but
 * S3), the query decoded into name -> value(s) (the signer re-encodes and sorts it), and only
 * the signed headers, a repeated header's values trimmed and joined with `,` (SigV4's rule).
 * `x-amz-date` is left out: the signer writes it from the signing date.
 *
 * @example
 * signableRequest(request, ['host', 'x-amz-date']).headers // { host: '127.0.0.1:3000' }
 */
export function signableRequest(
  request: SignedRequest,
  signedHeaders: readonly string[],
): SignableRequest {
  const headers = Object.fromEntries(
    signedHeaders
      .filter((name) => name !== 'x-amz-date')
      .map((name) => [
        name,
        (request.headers.get(name) ?? []).map((value) => value.trim()).join(','),
      ]),
  );
  return {
    method: request.method,
    protocol: 'https:',
    hostname: 'localhost',
    path: request.rawPath,
    query: parseQuery(request.rawQuery),
    headers,
    body: request.body,
  };
}

/**
 * A raw query string as name -> value (or values, when repeated). `+` is a space, as form
 * encoding and `URLSearchParams` (so aws4fetch) read it; invalid percent-encoding is kept as
 * sent; a name without `=` has the empty value; an empty name is dropped (aws4fetch drops it).
 * Built with `Object.fromEntries`, so a name like `__proto__` is an ordinary own property.
 *
 * @example
 * parseQuery('b=2&a=1&a=&c') // { b: '2', a: ['1', ''], c: '' }
 */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const values = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    if (name === '') continue;
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return Object.fromEntries(
    [...values].map(([name, list]) => [name, list.length === 1 ? (list[0] ?? '') : list]),
  );
}

function decode(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
