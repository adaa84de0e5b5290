import { InMemoryWebStorage, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';
import type { WebConfig } from '../config/web-config';

/** Where the identity provider sends the browser back after sign-in. */
export const callbackPath = '/callback';

/**
 * The OpenID Connect client settings: authorization code with PKCE (S256), tokens kept in memory
 * only (never `localStorage`), renewal with the refresh token before the access token expires, and
 * sign-out through the provider's `end_session_endpoint`.
 * The API audience goes out as `resource` (RFC 8707) or as Auth0's `audience`, as configured (in
 * IAM mode only when one is configured).
 *
 * @example
 * new UserManager(userManagerSettings(config, window.location.origin));
 */
export function userManagerSettings(config: WebConfig, origin: string): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${callbackPath}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: config.scope,
    ...audienceSettings(config),
    // The access and refresh tokens live in this page's memory; only the short-lived PKCE
    // verifier, state and nonce of a sign-in in progress go to sessionStorage (the default).
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    // Sign-out revokes the refresh token itself, best effort (see useSignOut); oidc-provider
    // answers a revocation with an empty text/plain body.
    revokeTokenTypes: ['refresh_token'],
    revokeTokenAdditionalContentTypes: ['text/plain'],
    loadUserInfo: false,
    monitorSession: false,
  };
}

function audienceSettings(config: WebConfig): Partial<UserManagerSettings> {
  if (config.audience === undefined) return {};
  return config.audienceParameter === 'resource'
    ? { resource: config.audience }
    : { extraQueryParams: { audience: config.audience } };
}
