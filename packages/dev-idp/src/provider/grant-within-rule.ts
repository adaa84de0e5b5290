import type { Grant } from 'oidc-provider';
import { limitToRule } from '../rules/connection-rules';

/** What a client asked for in one authorization request. */
export interface RequestedAccess {
  /** OpenID scopes (openid, profile, email, offline_access). */
  readonly identityScopes: Iterable<string>;
  /** Individual claims asked for with the `claims` parameter. */
  readonly claims: Iterable<string>;
  /** Per resource indicator, the API scopes asked for. */
  readonly resourceScopes: Readonly<Record<string, Iterable<string>>>;
}

/**
 * Records the request on the grant: identity scopes and claims are granted, API scopes only as
 * far as the role rule (`allowed`) goes; the rest is recorded as rejected, so the client gets no
 * more than the rule and the consent prompt is settled.
 *
 * @example
 * grantWithinRule(grant, { identityScopes: ['openid'], claims: [], resourceScopes: { [api]: ['create:pets'] } }, ['read:pets'])
 * // { granted: [], refused: ['create:pets'] }
 */
export function grantWithinRule(
  grant: Grant,
  request: RequestedAccess,
  allowed: readonly string[],
): { granted: string[]; refused: string[] } {
  const identityScopes = [...request.identityScopes];
  if (identityScopes.length > 0) grant.addOIDCScope(identityScopes);
  const claims = [...request.claims];
  if (claims.length > 0) grant.addOIDCClaims(claims);
  const outcome = { granted: [] as string[], refused: [] as string[] };
  for (const [indicator, scopes] of Object.entries(request.resourceScopes)) {
    const { granted, refused } = limitToRule(scopes, allowed);
    if (granted.length > 0) grant.addResourceScope(indicator, granted);
    if (refused.length > 0) grant.rejectResourceScope(indicator, refused);
    outcome.granted.push(...granted);
    outcome.refused.push(...refused);
  }
  return outcome;
}
