import type { ClientMetadata } from 'oidc-provider';
import type { DevIdpConfig } from '../config/dev-idp-config';

/**
 * The registered clients: the SPA (public: authorization code + PKCE, refresh tokens, no secret)
 * and the machine client (client credentials with a local secret).
 *
 * @example
 * clientsFor(resolveDevIdpConfig()).map((client) => client.client_id) // ['petstore-web', 'petstore-m2m']
 */
export function clientsFor(config: DevIdpConfig): ClientMetadata[] {
  return [
    {
      client_id: config.spa.clientId,
      client_name: 'Pet Store',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...config.spa.redirectUris],
      post_logout_redirect_uris: [...config.spa.postLogoutRedirectUris],
    },
    {
      client_id: config.m2m.clientId,
      client_name: 'Pet Store service (machine)',
      client_secret: config.m2m.clientSecret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

/**
 * Browsers may call the token, revocation and userinfo endpoints from the origins of a public
 * client's redirect URIs, and from nowhere else.
 *
 * @example
 * corsAllowed('http://127.0.0.1:5173', { clientAuthMethod: 'none', redirectUris: ['http://127.0.0.1:5173/'] }) // true
 */
export function corsAllowed(
  origin: string,
  client: {
    readonly clientAuthMethod?: string | undefined;
    readonly redirectUris?: readonly string[] | undefined;
  },
): boolean {
  if (client.clientAuthMethod !== 'none') return false;
  return (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin);
}
