import { type GatewayRequest, headerValue } from '../http/gateway-request';
import type { HttpResponse } from '../http/http-response';
import type { ApiModel } from '../template/model';
import { decodeBase64, returnsBinary } from './binary-response';
import { responseHeaderName } from './remapped-headers';

/**
 * A proxy result read: the response, or why not. `malformed` is AWS's "Malformed Lambda proxy
 * response" (502); `bad-base64` a body to be turned into bytes that is not base64 (500).
 */
export type ProxyResult =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly kind: 'malformed' | 'bad-base64'; readonly problem: string };

const allowedKeys = new Set([
  'statusCode',
  'headers',
  'multiValueHeaders',
  'body',
  'isBase64Encoded',
]);

/**
 * Reads a proxy integration result as recorded against AWS (AWS-BEHAVIOR.md L3, L4, P1-P12): an
 * object with only `statusCode`, `headers`, `multiValueHeaders`, `body`, `isBase64Encoded`
 * (another key, `cookies` included, is malformed); `statusCode` a number or a numeric string,
 * 200 when absent; `body` a string or null; header values strings, numbers or booleans;
 * `multiValueHeaders` first, then the `headers` pairs it does not already hold; the headers API
 * Gateway keeps for itself renamed `x-amzn-Remapped-*`; `Content-Type: application/json` when
 * the function sets none. A base64 body is turned into bytes only when the request's `Accept`
 * asks for a binary media type of the API.
 *
 * @example
 * readProxyResult('{"statusCode":"201"}', request, api) // { ok: true, response: { statusCode: 201, ... } }
 */
export function readProxyResult(
  payload: string,
  request: GatewayRequest,
  api: ApiModel,
): ProxyResult {
  const result: unknown = JSON.parse(payload);
  if (typeof result !== 'object' || result === null || Array.isArray(result))
    return malformed(`the result is ${typeOf(result)}, not an object`);
  const value = result as Record<string, unknown>;
  const extra = Object.keys(value).filter((key) => !allowedKeys.has(key));
  if (extra.length > 0) return malformed(`unexpected field(s) ${extra.join(', ')}`);
  const statusCode = readStatus(value.statusCode);
  if (statusCode === undefined) return malformed('statusCode is not an HTTP status');
  const { body, isBase64Encoded } = value;
  if (body !== undefined && body !== null && typeof body !== 'string')
    return malformed(`body is ${typeOf(body)}, not a string`);
  if (
    isBase64Encoded !== undefined &&
    isBase64Encoded !== null &&
    typeof isBase64Encoded !== 'boolean'
  )
    return malformed('isBase64Encoded is not a boolean');
  const headers = mergeHeaders(value.headers, value.multiValueHeaders);
  if (typeof headers === 'string') return malformed(headers);
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type'))
    headers.unshift(['Content-Type', 'application/json']);
  const text = body ?? '';
  if (
    isBase64Encoded === true &&
    returnsBinary(headerValue(request, 'accept'), api.binaryMediaTypes)
  ) {
    const bytes = decodeBase64(text);
    if (!bytes) return { ok: false, kind: 'bad-base64', problem: 'body is not base64' };
    return { ok: true, response: { statusCode, headers, body: bytes } };
  }
  return { ok: true, response: { statusCode, headers, body: Buffer.from(text, 'utf8') } };
}

/** A number or a string of digits (`"201"`), 100-599; absent or null is 200. */
function readStatus(status: unknown): number | undefined {
  if (status === undefined || status === null) return 200;
  const number = typeof status === 'string' && /^\d{3}$/.test(status) ? Number(status) : status;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 100 || number > 599)
    return undefined;
  return number;
}

const isScalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);

function mergeHeaders(single: unknown, multi: unknown): [string, string][] | string {
  const merged: [string, string][] = [];
  if (multi !== undefined && multi !== null) {
    if (typeof multi !== 'object' || Array.isArray(multi))
      return 'multiValueHeaders is not an object';
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values) || !values.every(isScalar))
        return `multiValueHeaders.${name} is not a list of strings`;
      for (const item of values) merged.push([name, String(item)]);
    }
  }
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object' || Array.isArray(single)) return 'headers is not an object';
    for (const [name, item] of Object.entries(single)) {
      if (!isScalar(item)) return `headers.${name} is ${typeOf(item)}, not a string`;
      const same = (key: string, existing: string) =>
        key.toLowerCase() === name.toLowerCase() && existing === String(item);
      if (!merged.some(([key, existing]) => same(key, existing))) merged.push([name, String(item)]);
    }
  }
  const sent: [string, string][] = [];
  for (const [name, item] of merged) {
    const as = responseHeaderName(name);
    if (as !== undefined) sent.push([as, item]);
  }
  return sent;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function malformed(problem: string): ProxyResult {
  return { ok: false, kind: 'malformed', problem };
}
