/**
 * CORS headers for a response to `origin` (packages/gateway/AWS-BEHAVIOR.md L6: with a proxy integration the
 * function adds them, not the gateway). Only allowed origins are echoed back; `Vary: Origin`
 * keeps caches from serving one origin's answer to another.
 *
 * @example
 * corsHeaders('http://127.0.0.1:5173', ['http://127.0.0.1:5173'])
 * // { 'Access-Control-Allow-Origin': 'http://127.0.0.1:5173', 'Access-Control-Expose-Headers': 'Location, Retry-After', Vary: 'Origin' }
 */
export function corsHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  const allowed = allowedOrigins.includes('*') ? '*' : allowedOrigins.find((o) => o === origin);
  if (allowed) {
    headers['Access-Control-Allow-Origin'] = allowed;
    headers['Access-Control-Expose-Headers'] = 'Location, Retry-After';
  }
  return headers;
}
