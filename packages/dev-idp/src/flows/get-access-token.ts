import { type CodeFlowOptions, signInWithCodeFlow } from './authorization-code-flow';
import type { TokenSet } from './authorization-server';
import { type ClientCredentialsOptions, clientCredentialsToken } from './client-credentials-flow';
import { demoPersonas } from './demo-personas';
import type { SignIn } from './sign-in-steps';

export type { CodeFlowOptions, SignIn } from './authorization-code-flow';
export type { TokenSet } from './authorization-server';
export type { ClientCredentialsOptions } from './client-credentials-flow';
export { demoPersonas } from './demo-personas';
export { refreshTokens } from './refresh-flow';

/** Whose token: the demo admin (database), the demo buyer (social), or the machine client. */
export type Persona = 'admin' | 'buyer' | 'm2m';

export interface TokenOptions extends CodeFlowOptions {
  /** Sign in as someone else than the persona's demo user (admin/buyer only). */
  readonly signIn?: SignIn;
  /** For `m2m`: client id, secret, scope (the audience is shared with the user flows). */
  readonly m2m?: Omit<ClientCredentialsOptions, 'audience'>;
}

/**
 * Tokens from a running dev-idp through the real flows: authorization code + PKCE with the
 * database sign-in form (admin) or the social demo page (buyer), client credentials (m2m).
 *
 * @example
 * const { accessToken, refreshToken, idToken } = await getTokens('http://127.0.0.1:9000', 'buyer');
 */
export async function getTokens(
  issuer: string,
  persona: Persona,
  options: TokenOptions = {},
): Promise<TokenSet> {
  if (persona === 'm2m') {
    return clientCredentialsToken(issuer, {
      ...options.m2m,
      ...(options.audience === undefined ? {} : { audience: options.audience }),
    });
  }
  return signInWithCodeFlow(issuer, options.signIn ?? demoPersonas[persona], options);
}

/**
 * An access token (RS256 JWT, `aud` = the API identifier, `permissions` claim) for a persona.
 *
 * @example
 * const token = await getAccessToken('http://127.0.0.1:9000', 'admin');
 * await fetch(`${api}/pets`, { headers: { authorization: `Bearer ${token}` } });
 */
export async function getAccessToken(
  issuer: string,
  persona: Persona,
  options: TokenOptions = {},
): Promise<string> {
  return (await getTokens(issuer, persona, options)).accessToken;
}
