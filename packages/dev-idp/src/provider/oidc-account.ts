import { roleSessionTags, sessionTagsClaim } from '@petstore/domain/roles';
import type { Account as OidcAccount } from 'oidc-provider';
import type { Account } from '../accounts/account';
import { roleForConnection } from '../rules/connection-rules';

/**
 * An account as oidc-provider's `findAccount` returns it; its claims feed ID tokens and userinfo.
 * Seeded database emails count as verified, emails typed on the social demo page do not. The
 * role's session tag (`https://aws.amazon.com/tags`, for STS) follows from the connection by the
 * same rule as the permissions, whatever the client asked for.
 *
 * @example
 * await toOidcAccount(account).claims('id_token', 'openid email', {}, [])
 * // { sub, name, email, email_verified, 'https://aws.amazon.com/tags': { principal_tags: { PetRole: ['buyer'] } } }
 */
export function toOidcAccount(account: Account): OidcAccount {
  return {
    accountId: account.accountId,
    claims: () => ({
      sub: account.accountId,
      name: account.name,
      email: account.email,
      email_verified: account.connection === 'database',
      [sessionTagsClaim]: roleSessionTags(roleForConnection(account.connection)),
    }),
  };
}
