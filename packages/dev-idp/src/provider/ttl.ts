import type { KoaContextWithOIDC } from 'oidc-provider';
import type { DevIdpConfig } from '../config/dev-idp-config';

const hour = 60 * 60;
const day = 24 * hour;

/**
 * Token and session lifetimes in seconds. Access and ID tokens share the configured lifetime
 * (which also decides how long a retired signing key stays published). Refresh tokens rotate on
 * every use and keep the absolute lifetime of the first one.
 *
 * @example
 * ttlFor(config).AccessToken // 600 for 10 minutes
 */
export function ttlFor(config: DevIdpConfig) {
  const tokenSeconds = config.accessTokenMinutes * 60;
  return {
    AccessToken: tokenSeconds,
    ClientCredentials: tokenSeconds,
    IdToken: tokenSeconds,
    AuthorizationCode: 60,
    Interaction: hour,
    Session: day,
    Grant: day,
    RefreshToken: (ctx: KoaContextWithOIDC) =>
      ctx.oidc.entities.RotatedRefreshToken?.remainingTTL ?? day,
  };
}
