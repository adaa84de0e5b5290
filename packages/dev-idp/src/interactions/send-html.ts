import type { ServerResponse } from 'node:http';
import { pageContentSecurityPolicy } from '../server/frame-headers';

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
    'content-security-policy': pageContentSecurityPolicy,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
