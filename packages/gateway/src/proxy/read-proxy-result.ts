import { type GatewayRequest, headerValue } from '../http/gateway-request';
import type { HttpResponse } from '../http/http-response';
import type { ApiModel } from '../template/model';
import { matchesBinaryMediaType } from './media-types';

export type ProxyResult =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly problem: string };

const allowedKeys = new Set([
  'statusCode',
  'headers',
  'multiValueHeaders',
  'body',
  'isBase64Encoded',
]);
/** Response headers API Gateway does not pass through but renames to `x-amzn-Remapped-*`. */
const remapped = new Set(['connection', 'content-length', 'date', 'server', 'transfer-encoding']);

/**
 * Reads a proxy integration result (L3): `{ statusCode, headers?, multiValueHeaders?, body?,
 * isBase64Encoded? }` and nothing else. `headers` and `multiValueHeaders` are merged (L4); no
 * CORS header is added (L6). Anything malformed is a `problem` (the caller answers 502).
 *
 * @example
 * readProxyResult('{"statusCode":200,"body":"[]"}', request, api) // { ok: true, response: { statusCode: 200, ... } }
 */
export function readProxyResult(
  payload: string,
  request: GatewayRequest,
  api: ApiModel,
): ProxyResult {
  const result: unknown = JSON.parse(payload);
  if (typeof result !== 'object' || result === null || Array.isArray(result))
    return fail('the result is not an object');
  const value = result as Record<string, unknown>;
  const extra = Object.keys(value).filter((key) => !allowedKeys.has(key));
  if (extra.length > 0) return fail(`unexpected field(s) ${extra.join(', ')}`);
  const { statusCode, body, isBase64Encoded } = value;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    return fail('statusCode is missing or not an HTTP status number');
  }
  if (body !== undefined && body !== null && typeof body !== 'string')
    return fail(`body is a ${typeof body}, not a string`);
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean')
    return fail('isBase64Encoded is not a boolean');
  const headers = mergeHeaders(value.headers, value.multiValueHeaders);
  if (typeof headers === 'string') return fail(headers);
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type'))
    headers.unshift(['Content-Type', 'application/json']);
  const decode =
    isBase64Encoded === true &&
    matchesBinaryMediaType(headerValue(request, 'accept'), api.binaryMediaTypes);
  const bytes = Buffer.from(body ?? '', decode ? 'base64' : 'utf8');
  return { ok: true, response: { statusCode, headers, body: bytes } };
}

function mergeHeaders(single: unknown, multi: unknown): [string, string][] | string {
  const merged: [string, string][] = [];
  const isScalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);
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
      if (!isScalar(item)) return `headers.${name} is not a string`;
      const same = merged.filter(([key]) => key.toLowerCase() === name.toLowerCase());
      if (!same.some(([, existing]) => existing === String(item)))
        merged.push([name, String(item)]);
    }
  }
  return merged.map(([name, item]) => [
    remapped.has(name.toLowerCase()) ? `x-amzn-Remapped-${name}` : name,
    item,
  ]);
}

function fail(problem: string): ProxyResult {
  return { ok: false, problem };
}
