import type { ServerResponse } from 'node:http';

/**
 * The policy of the pages the dev-idp renders itself: no scripts, inline styles only, never
 * framed.
 */
export const pageContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

/** The policy on every other response: only that no site may frame it. */
const frameOnlyPolicy = "frame-ancestors 'none'";

/**
 * Forbids framing whatever the response turns out to be (`X-Frame-Options: DENY` for older
 * browsers, CSP `frame-ancestors 'none'`): set on every request before any handler runs, so
 * oidc-provider's own pages (its self-submitting forms, errors, end-session) carry them too.
 * A handler that sets its own, stricter policy keeps `frame-ancestors 'none'` in it.
 *
 * @example
 * server.on('request', (req, res) => { denyFraming(res); handle(req, res); });
 */
export function denyFraming(res: ServerResponse): void {
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', frameOnlyPolicy);
}
