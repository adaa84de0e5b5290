import type { Account as OidcAccount } from 'oidc-provider';
import type { Account } from '../accounts/account';

/**
 * An account as oidc-provider's `findAccount` returns it; its claims feed ID tokens and userinfo.
 * Seeded database emails count as verified, emails typed on the social demo page do not.
 *
 * @example
 * await toOidcAccount(account).claims('id_token', 'openid email', {}, []) // { sub, name, email, email_verified }
 */
export function toOidcAccount(account: Account): OidcAccount {
  return {
    accountId: account.accountId,
    claims: () => ({
      sub: account.accountId,
      name: account.name,
      email: account.email,
      email_verified: account.connection === 'database',
    }),
  };
}
