import type { ServerResponse } from 'node:http';

/**
 * Sends an interaction page: never cached, no scripts, styles inline only, not framable.
 *
 * @example
 * sendHtml(res, 401, loginPage({ uid, clientName, email, error }));
 */
export function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
