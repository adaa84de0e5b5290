import { CookieJar } from 'tough-cookie';
import { TokenFlowError } from '../errors';

/** Where a navigation ended: an HTML page, or a redirect to a URL the caller asked to stop at. */
export type Landing =
  | {
      readonly kind: 'page';
      readonly url: string;
      readonly status: number;
      /** The response headers of the page (security headers, content type). */
      readonly headers: Headers;
      readonly body: string;
    }
  | { readonly kind: 'stopped'; readonly url: string };

export interface NavigateOptions {
  readonly method?: 'GET' | 'POST';
  /** Sent as `application/x-www-form-urlencoded` with a POST. */
  readonly form?: URLSearchParams;
  /** Stop before requesting a URL this matches (e.g. the client's redirect URI) and return it. */
  readonly stopAt?: (url: URL) => boolean;
}

const maxRedirects = 20;

/**
 * A minimal browser for scripts and tests: keeps cookies (path and expiry rules included),
 * follows redirects as browsers do (303 and 302 turn a POST into a GET), posts forms. No
 * JavaScript, which the dev-idp's pages do not need.
 *
 * @example
 * const browser = new FormBrowser();
 * const landing = await browser.navigate(authorizationUrl, { stopAt: (url) => url.origin === spaOrigin });
 */
export class FormBrowser {
  readonly #jar = new CookieJar();

  async navigate(url: string | URL, options: NavigateOptions = {}): Promise<Landing> {
    let current = new URL(url);
    let method = options.method ?? 'GET';
    let form = options.form;
    for (let hop = 0; hop <= maxRedirects; hop += 1) {
      if (options.stopAt?.(current)) return { kind: 'stopped', url: current.href };
      const response = await this.#request(current, method, form);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        current = new URL(location, current);
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          form = undefined;
        }
        continue;
      }
      return {
        kind: 'page',
        url: current.href,
        status: response.status,
        headers: response.headers,
        body: await response.text(),
      };
    }
    throw new TokenFlowError(`More than ${maxRedirects} redirects from ${url}`);
  }

  async #request(url: URL, method: string, form: URLSearchParams | undefined): Promise<Response> {
    const headers = new Headers({ accept: 'text/html' });
    const cookie = await this.#jar.getCookieString(url);
    if (cookie) headers.set('cookie', cookie);
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const init: RequestInit = { method, headers, redirect: 'manual' };
    if (form) init.body = form.toString();
    const response = await fetch(url, init);
    for (const setCookie of response.headers.getSetCookie()) {
      await this.#jar.setCookie(setCookie, url, { ignoreError: true });
    }
    return response;
  }
}
