import type { IncomingMessage } from 'node:http';

// What real STS sends to browsers is unconfirmed (README): these let a page of any origin call it.
const allowedMethods = 'GET, POST, OPTIONS';
const defaultAllowedHeaders =
  'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request';
const headerList = /^[\w-]+(?:\s*,\s*[\w-]+)*$/;

/**
 * CORS headers of every answer: any origin (no cookies are involved), `x-amzn-RequestId` readable.
 *
 * @example
 * corsHeaders() // { 'access-control-allow-origin': '*', ... }
 */
export function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'x-amzn-RequestId',
  };
}

/**
 * The answer to a preflight: the methods, and the headers the browser asks for (when they are a
 * plain list of header names) or a default list with the SDK's and SigV4's headers.
 *
 * @example
 * preflightHeaders(request) // { 'access-control-allow-methods': 'GET, POST, OPTIONS', ... }
 */
export function preflightHeaders(request: IncomingMessage): Record<string, string> {
  const asked = request.headers['access-control-request-headers'];
  return {
    ...corsHeaders(),
    'access-control-allow-methods': allowedMethods,
    'access-control-allow-headers':
      typeof asked === 'string' && headerList.test(asked.trim())
        ? asked.trim()
        : defaultAllowedHeaders,
    'access-control-max-age': '600',
    vary: 'Access-Control-Request-Headers',
  };
}
