import { getTokens, type Persona } from '@petstore/dev-idp/tokens';
import { type IdTokenClaims, User } from 'oidc-client-ts';
import { SingleFlightUserManager } from '../../src/auth/single-flight-user-manager';
import { memoryStore } from './memory-store';

/** The SPA client as the dev-idp registers it by default. */
export const spaClient = {
  client_id: 'petstore-web',
  redirect_uri: 'http://127.0.0.1:5173/callback',
} as const;

/** The claims of an ID token (not verified: the tokens here come straight from the dev-idp). */
export function claimsOf(idToken: string): IdTokenClaims {
  const payload = idToken.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IdTokenClaims;
}

/**
 * A signed-in oidc-client-ts `User` with real tokens from a running dev-idp (the demo buyer, or
 * the demo admin, by the real code + PKCE flow), expiring in `expiresIn` seconds as far as the
 * client knows.
 *
 * @example
 * await userManager.storeUser(await signedInUser(idp.issuer, 600));
 */
export async function signedInUser(
  issuer: string,
  expiresIn: number,
  persona: Exclude<Persona, 'm2m'> = 'buyer',
): Promise<User> {
  const tokens = await getTokens(issuer, persona, { redirectUri: spaClient.redirect_uri });
  if (!tokens.idToken || !tokens.refreshToken)
    throw new Error('The dev-idp gave no ID or refresh token.');
  return new User({
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    id_token: tokens.idToken,
    token_type: 'Bearer',
    scope: tokens.scope ?? 'openid',
    profile: claimsOf(tokens.idToken),
    expires_at: Math.floor(Date.now() / 1000) + expiresIn,
  });
}

/**
 * The SPA's user manager for a dev-idp, its stores in memory and no silent renewal (tests renew
 * by hand).
 *
 * @example
 * const manager = userManagerFor(idp.issuer);
 */
export function userManagerFor(issuer: string): SingleFlightUserManager {
  return new SingleFlightUserManager({
    authority: issuer,
    ...spaClient,
    userStore: memoryStore(),
    stateStore: memoryStore(),
    automaticSilentRenew: false,
  });
}
