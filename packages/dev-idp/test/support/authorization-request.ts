import * as oauth from 'oauth4webapi';
import type { DevIdp } from '../../src/server/start-dev-idp';

export const callbackUri = 'http://127.0.0.1:5173/callback';

/** Stops a navigation at the SPA's callback, as the SPA would receive it. */
export const stopAtCallback = (url: URL) => url.href.startsWith(callbackUri);

/**
 * An authorization request of the SPA client; `codeChallenge: false` leaves PKCE out.
 */
export async function authorizationRequest(
  idp: DevIdp,
  options: { readonly scope?: string; readonly codeChallenge?: false } = {},
) {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(`${idp.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: 'petstore-web',
    redirect_uri: callbackUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile email',
    resource: idp.config.audience,
    state: oauth.generateRandomState(),
  }).toString();
  if (options.codeChallenge !== false) {
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return { url, codeVerifier };
}
