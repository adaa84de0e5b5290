import { permissionValues } from '@petstore/api-contract/types';
import { errors, type ResourceServer } from 'oidc-provider';
import type { DevIdpConfig } from '../config/dev-idp-config';

/**
 * The API as a resource server: JWT access tokens (RS256, `typ: at+jwt`) with `aud` = the API
 * identifier. The SPA may ask for any API permission (the role rule limits what it gets); the
 * machine client only for the permissions granted to it. Any other resource is refused.
 *
 * @example
 * resourceServerFor(config, 'petstore-m2m').scope // 'read:pets'
 */
export function resourceServerFor(config: DevIdpConfig, clientId: string): ResourceServer {
  let scope: string;
  if (clientId === config.spa.clientId) scope = permissionValues.join(' ');
  else if (clientId === config.m2m.clientId) scope = config.m2m.permissions.join(' ');
  else throw new errors.InvalidTarget();
  return {
    audience: config.audience,
    scope,
    accessTokenFormat: 'jwt',
    accessTokenTTL: config.accessTokenMinutes * 60,
    jwt: { sign: { alg: 'RS256' } },
  };
}

/**
 * The `features.resourceIndicators` settings: the API identifier is the default resource (as an
 * Auth0 default audience) and the only one accepted, compared exactly.
 *
 * @example
 * new Provider(issuer, { features: { resourceIndicators: resourceIndicatorsFor(config) } });
 */
export function resourceIndicatorsFor(config: DevIdpConfig) {
  return {
    enabled: true,
    defaultResource: (_ctx: unknown, _client: unknown, oneOf?: readonly string[]) =>
      oneOf ?? config.audience,
    useGrantedResource: () => true,
    getResourceServerInfo: (_ctx: unknown, indicator: string, client: { clientId: string }) => {
      if (indicator !== config.audience) throw new errors.InvalidTarget();
      return resourceServerFor(config, client.clientId);
    },
  };
}
