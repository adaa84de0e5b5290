import { devIdpDefaults } from '@petstore/dev-idp/config';
import type { LocalConfig } from './local-config';

const host = '127.0.0.1';

/**
 * Where a running `pnpm start` with these ports listens, for the commands that talk to it from
 * another terminal (`pnpm access-token`, `pnpm invoke`, `pnpm aws-credentials`, `pnpm api-key`).
 *
 * @example
 * configuredEndpoints(readLocalConfig(process.env).ports).issuer // 'http://127.0.0.1:9000'
 */
export function configuredEndpoints(ports: LocalConfig['ports']) {
  const url = (port: number) => `http://${host}:${port}`;
  const issuer = url(ports.idp);
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    audience: process.env.API_AUDIENCE || devIdpDefaults.audience,
    spaClientId: devIdpDefaults.spaClientId,
    m2mClientId: devIdpDefaults.m2mClientId,
    webOrigin: url(ports.web),
    redirectUri: `${url(ports.web)}/callback`,
    apiUrl: url(ports.api),
    iamApiUrl: url(ports.iamApi),
    partnerApiUrl: url(ports.partnerApi),
    stsUrl: url(ports.sts),
    dynamoEndpoint: url(ports.dynamodb),
  } as const;
}
