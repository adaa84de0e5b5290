import type { HttpResponse } from '../http/http-response';
import type { CorsModel } from '../template/model';

/**
 * The answer of the `OPTIONS` mock integration SAM generates for `Cors` (C1): 200 with
 * `Access-Control-Allow-Origin`, `-Allow-Methods` (the path's methods and OPTIONS, unless
 * given), and `-Allow-Headers`, `-Max-Age`, `-Allow-Credentials` when set.
 *
 * @example
 * preflightResponse({ allowOrigin: '*', ... }, 'GET,OPTIONS', requestId).headers
 * // [['Content-Type', 'application/json'], ['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'GET,OPTIONS'], ...]
 */
export function preflightResponse(
  cors: CorsModel,
  allowMethods: string,
  requestId: string,
): HttpResponse {
  const headers: [string, string][] = [
    ['Content-Type', 'application/json'],
    ['Access-Control-Allow-Origin', cors.allowOrigin],
  ];
  if (cors.allowHeaders) headers.push(['Access-Control-Allow-Headers', cors.allowHeaders]);
  if (allowMethods) headers.push(['Access-Control-Allow-Methods', allowMethods]);
  if (cors.maxAge !== undefined) headers.push(['Access-Control-Max-Age', cors.maxAge]);
  if (cors.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  headers.push(['x-amzn-RequestId', requestId]);
  return { statusCode: 200, headers, body: Buffer.from('{}') };
}
