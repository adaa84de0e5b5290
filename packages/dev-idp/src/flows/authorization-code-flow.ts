import * as oauth from 'oauth4webapi';
import { devIdpDefaults } from '../config/defaults';
import { TokenFlowError } from '../errors';
import { discover, insecureHttp, type TokenSet, toTokenSet } from './authorization-server';
import { FormBrowser } from './form-browser';
import { nextSignInStep, type SignIn } from './sign-in-steps';

export type { SignIn } from './sign-in-steps';

/** How the SPA-like client asks (all optional: the dev-idp's defaults). */
export interface CodeFlowOptions {
  /** Default `petstore-web`. */
  readonly clientId?: string;
  /** Default `http://127.0.0.1:5173/callback` (nothing needs to listen there). */
  readonly redirectUri?: string;
  /** The `resource` parameter (API identifier), default `https://api.petstore.local`. */
  readonly audience?: string;
  /** Default `openid profile email offline_access`; add API scopes to ask for them. */
  readonly scope?: string;
  /** More authorization request parameters, e.g. `{ role: 'admin' }` (ignored by the rule). */
  readonly extraParameters?: Readonly<Record<string, string>>;
  /** The browser to use (its cookies hold the dev-idp session); default a new one. */
  readonly browser?: FormBrowser;
}

const maxSteps = 6;

/**
 * Signs in through the authorization code flow with PKCE (S256), as the SPA would, driving the
 * dev-idp's pages over HTTP like a browser: follows redirects, keeps cookies, posts the forms.
 *
 * @throws {TokenFlowError} when the sign-in is refused or the provider answers unexpectedly.
 * @example
 * const tokens = await signInWithCodeFlow('http://127.0.0.1:9000', { connection: 'database', email: 'admin@petstore.local', password: 'petstore-admin-demo' });
 */
export async function signInWithCodeFlow(
  issuer: string,
  signIn: SignIn,
  options: CodeFlowOptions = {},
): Promise<TokenSet> {
  const as = await discover(issuer);
  const client: oauth.Client = { client_id: options.clientId ?? devIdpDefaults.spaClientId };
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:5173/callback';
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();

  const authorizationUrl = new URL(as.authorization_endpoint ?? `${issuer}/auth`);
  const parameters = {
    ...options.extraParameters,
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile email offline_access',
    resource: options.audience ?? devIdpDefaults.audience,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  for (const [name, value] of Object.entries(parameters))
    authorizationUrl.searchParams.set(name, value);

  const target = new URL(redirectUri);
  const stopAt = (url: URL) => url.origin === target.origin && url.pathname === target.pathname;
  const browser = options.browser ?? new FormBrowser();
  let landing = await browser.navigate(authorizationUrl, { stopAt });
  for (let step = 0; landing.kind === 'page' && step < maxSteps; step += 1) {
    landing = await nextSignInStep(browser, landing, signIn, stopAt);
  }
  if (landing.kind !== 'stopped') {
    throw new TokenFlowError(`The sign-in did not come back to ${redirectUri}`);
  }

  let callback: URLSearchParams;
  try {
    callback = oauth.validateAuthResponse(as, client, new URL(landing.url), state);
  } catch (error) {
    throw new TokenFlowError(
      `The authorization response was an error: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    callback,
    redirectUri,
    codeVerifier,
    insecureHttp,
  );
  return toTokenSet(
    await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: nonce,
      requireIdToken: true,
    }),
  );
}
