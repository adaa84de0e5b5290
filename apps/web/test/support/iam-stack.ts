import { fileURLToPath } from 'node:url';
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import type { Role } from '@petstore/domain/roles';
import { type LocalSts, type LocalStsOptions, startLocalSts } from '@petstore/local-sts';
import { spaClient } from './dev-idp-user';

/** The SAM template the local stack and AWS run: its OIDC provider and roles. */
export const templatePath = fileURLToPath(
  new URL('../../../../infra/template.yaml', import.meta.url),
);

/** The template parameters that point its OIDC provider and trust policies at a dev-idp. */
export function templateParameters(idp: DevIdp): Record<string, string> {
  return {
    TokenIssuer: idp.issuer,
    JwksUri: idp.jwksUri,
    Audience: idp.config.audience,
    SpaClientId: spaClient.client_id,
  };
}

/**
 * A local STS (port 0) serving the real template's OIDC provider and roles, trusting `idp`.
 *
 * @example
 * const sts = await startTemplateSts(idp);
 */
export function startTemplateSts(
  idp: DevIdp,
  options: Pick<LocalStsOptions, 'clock'> = {},
): Promise<LocalSts> {
  return startLocalSts({
    templatePath,
    parameters: templateParameters(idp),
    port: 0,
    log: { info: () => undefined, warn: () => undefined, call: () => undefined },
    ...options,
  });
}

/**
 * The template's role ARNs as the local STS knows them, by the store role each is for.
 *
 * @example
 * roleArnsOf(sts).get('buyer') // 'arn:aws:iam::123456789012:role/BuyerRole'
 */
export function roleArnsOf(sts: LocalSts): ReadonlyMap<Role, string> {
  const arn = (logicalId: string) => {
    const role = sts.iam.roles.get(logicalId);
    if (!role) throw new Error(`The template has no ${logicalId}.`);
    return role.arn;
  };
  return new Map<Role, string>([
    ['admin', arn('AdminRole')],
    ['buyer', arn('BuyerRole')],
  ]);
}

/** A dev-idp for tests: in memory, port 0. */
export function startTestIdp(): Promise<DevIdp> {
  return startDevIdp({ host: '127.0.0.1', port: 0, memory: true, log: () => undefined });
}
