import { sessionTagsClaim } from '@petstore/domain/roles';
import Provider, { type AdapterFactory } from 'oidc-provider';
import type { AccountStore } from '../accounts/account-store';
import type { DevIdpConfig } from '../config/dev-idp-config';
import type { SigningKeySet } from '../keys/signing-key-set';
import { logLine } from '../logging/log-line';
import { loadGrantWithAutoConsent } from './auto-consent';
import { clientsFor, corsAllowed } from './clients';
import { toOidcAccount } from './oidc-account';
import { logoutSource, postLogoutSuccessSource, renderError } from './provider-pages';
import { resourceIndicatorsFor } from './resource-server';
import { accessTokenClaims } from './token-claims';
import { ttlFor } from './ttl';

export interface ProviderParts {
  /** `http://<host>:<port>`, no trailing slash. */
  readonly issuer: string;
  readonly config: DevIdpConfig;
  /** Newest key first: it signs; the others are only published. */
  readonly keys: SigningKeySet;
  readonly accounts: AccountStore;
  /** Secrets signing the provider's cookies; the same for every instance of one process. */
  readonly cookieKeys: readonly string[];
  /** Storage shared by every instance of one process (see createSharedMemoryAdapter). */
  readonly adapter: AdapterFactory;
  readonly log: (message: string) => void;
}

/** oidc-provider's `error_description` of a refusal (its message is only the error code). */
const describeError = (error: Error) =>
  'error_description' in error ? String(error.error_description) : '';

/**
 * An oidc-provider instance configured as the Pet Store's identity provider. Sessions, grants
 * and tokens live in `adapter`, which all instances of a process share, so a new instance
 * (after a key rotation) carries on where the previous one was.
 *
 * @example
 * const provider = createProvider({ issuer, config, keys, accounts, cookieKeys, adapter, log });
 */
export function createProvider(parts: ProviderParts): Provider {
  const { issuer, config, keys, accounts, cookieKeys, adapter, log } = parts;
  const provider = new Provider(issuer, {
    adapter,
    clients: clientsFor(config),
    jwks: { keys: keys.keys.map((key) => ({ ...key })) },
    cookies: { keys: [...cookieKeys] },
    findAccount: (_ctx, sub) => {
      const account = accounts.find(sub);
      return account && toOidcAccount(account);
    },
    // The role's session tag rides with `openid`, so every ID token carries it (STS reads it).
    claims: {
      openid: ['sub', sessionTagsClaim],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: resourceIndicatorsFor(config),
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    extraTokenClaims: accessTokenClaims(accounts, config),
    loadExistingGrant: loadGrantWithAutoConsent(accounts, config.autoConsentClients),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin, client) => corsAllowed(origin, client),
    // Refresh tokens for every client allowed the grant (the SPA), as Auth0 does with refresh
    // token rotation: oidc-provider would otherwise want `offline_access` with `prompt=consent`.
    // Without `offline_access` they end with the session, so signing out ends them too.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    renderError,
    ttl: ttlFor(config),
  });
  provider.on('server_error', (_ctx, error) => log(logLine`dev-idp: server error: ${error}`));
  provider.on('grant.error', (_ctx, error) =>
    log(logLine`dev-idp: token request refused: ${error.message} ${describeError(error)}`),
  );
  provider.on('authorization.error', (_ctx, error) =>
    log(logLine`dev-idp: authorization request refused: ${error.message} ${describeError(error)}`),
  );
  return provider;
}
