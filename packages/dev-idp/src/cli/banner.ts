import { connectionKinds, roleForConnection } from '../rules/connection-rules';
import type { DevIdp } from '../server/start-dev-idp';

/**
 * What `start` prints: where the provider is, its clients, and how to sign in as each demo user.
 *
 * @example
 * console.log(formatBanner(await startDevIdp()));
 */
export function formatBanner(idp: DevIdp): string {
  const { config } = idp;
  const [database, social] = connectionKinds;
  const users = idp.demoUsers.map(
    (user) => `    ${user.email.padEnd(24)} password ${user.password}   (${user.name})`,
  );
  return [
    'Pet Store dev-idp: local OpenID provider',
    `  issuer      ${idp.issuer}`,
    `  discovery   ${idp.issuer}/.well-known/openid-configuration`,
    `  JWKS        ${idp.jwksUri}   signing key ${idp.keys().signingKid}`,
    `  keys        ${idp.keyStorage}`,
    `  API         ${config.audience} (resource / audience); access tokens live ${config.accessTokenMinutes} min`,
    '',
    'Clients',
    `  ${config.spa.clientId.padEnd(14)} SPA, public: authorization code + PKCE (S256), refresh tokens`,
    `  ${''.padEnd(14)} redirect URIs ${config.spa.redirectUris.join(', ')}`,
    `  ${config.m2m.clientId.padEnd(14)} machine: client credentials, secret "${config.m2m.clientSecret}" (local only)`,
    `  ${''.padEnd(14)} permissions ${config.m2m.permissions.join(' ') || '(none)'}`,
    '',
    'Demo users',
    `  ${database} connection -> ${database && roleForConnection(database)}:`,
    ...users,
    `  ${social} connection -> ${social && roleForConnection(social)}: "Continue with Amazon (demo)", any display name and email`,
    '',
    'Tokens for scripts: petstore-dev-idp token admin|buyer|m2m',
    '  (in the Pet Store repository: pnpm --filter @petstore/dev-idp token admin|buyer|m2m)',
  ].join('\n');
}
