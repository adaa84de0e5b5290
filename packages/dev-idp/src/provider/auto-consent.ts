import type { Grant, KoaContextWithOIDC } from 'oidc-provider';
import type { AccountStore } from '../accounts/account-store';
import { permissionsForConnection } from '../rules/connection-rules';
import { grantWithinRule, type RequestedAccess } from './grant-within-rule';

function requestedAccess(ctx: KoaContextWithOIDC): RequestedAccess {
  const { requestParamOIDCScopes, requestParamClaims, requestParamScopes } = ctx.oidc;
  const resourceScopes = Object.fromEntries(
    Object.entries(ctx.oidc.resourceServers ?? {}).map(([indicator, server]) => [
      indicator,
      [...requestParamScopes].filter((scope) => server.scopes.has(scope)),
    ]),
  );
  return { identityScopes: requestParamOIDCScopes, claims: requestParamClaims, resourceScopes };
}

/**
 * The `loadExistingGrant` helper. For first-party clients (`autoConsentClients`, by default the
 * SPA) consent is implied: the grant is created or extended right after sign-in, API scopes
 * limited by the role rule, so no consent page shows. Other clients get the consent page.
 *
 * @example
 * new Provider(issuer, { loadExistingGrant: loadGrantWithAutoConsent(accounts, ['petstore-web']) });
 */
export function loadGrantWithAutoConsent(
  accounts: AccountStore,
  autoConsentClients: readonly string[],
) {
  return async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
    const { client, session, provider } = ctx.oidc;
    if (!client || !session) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    const existing = grantId ? await provider.Grant.find(grantId) : undefined;
    const account = ctx.oidc.account && accounts.find(ctx.oidc.account.accountId);
    if (!account || !autoConsentClients.includes(client.clientId)) return existing;

    const grant =
      existing ?? new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
    grantWithinRule(grant, requestedAccess(ctx), permissionsForConnection(account.connection));
    await grant.save();
    return grant;
  };
}
