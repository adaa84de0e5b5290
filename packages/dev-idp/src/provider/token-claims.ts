import type { AccessToken, ClientCredentials, UnknownObject } from 'oidc-provider';
import type { AccountStore } from '../accounts/account-store';
import type { DevIdpConfig } from '../config/dev-idp-config';
import { permissionsForConnection } from '../rules/connection-rules';

/**
 * The `extraTokenClaims` helper: user access tokens get `permissions` from the connection's
 * role rule (as Auth0 RBAC's "Add Permissions in the Access Token": all the role's permissions,
 * whatever scope was asked), plus `name`, `email` and `connection`; the machine client's tokens
 * get its granted permissions.
 *
 * @example
 * new Provider(issuer, { extraTokenClaims: accessTokenClaims(accounts, config) });
 */
export function accessTokenClaims(accounts: AccountStore, config: DevIdpConfig) {
  return (_ctx: unknown, token: AccessToken | ClientCredentials): UnknownObject | undefined => {
    if (token.kind === 'ClientCredentials') {
      return token.clientId === config.m2m.clientId
        ? { permissions: [...config.m2m.permissions] }
        : undefined;
    }
    const account = token.accountId === undefined ? undefined : accounts.find(token.accountId);
    if (!account) return undefined;
    return {
      permissions: [...permissionsForConnection(account.connection)],
      name: account.name,
      email: account.email,
      connection: account.connection,
    };
  };
}
