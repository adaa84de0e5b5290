import * as oauth from 'oauth4webapi';
import { devIdpDefaults } from '../config/defaults';
import { discover, insecureHttp, type TokenSet, toTokenSet } from './authorization-server';

/**
 * Exchanges a refresh token of the SPA client (public, no secret) for new tokens; the dev-idp
 * rotates refresh tokens, so the answer carries a new one and the old one stops working.
 *
 * @example
 * const next = await refreshTokens(issuer, tokens.refreshToken);
 */
export async function refreshTokens(
  issuer: string,
  refreshToken: string,
  options: { readonly clientId?: string } = {},
): Promise<TokenSet> {
  const as = await discover(issuer);
  const client: oauth.Client = { client_id: options.clientId ?? devIdpDefaults.spaClientId };
  const response = await oauth.refreshTokenGrantRequest(
    as,
    client,
    oauth.None(),
    refreshToken,
    insecureHttp,
  );
  return toTokenSet(await oauth.processRefreshTokenResponse(as, client, response));
}
