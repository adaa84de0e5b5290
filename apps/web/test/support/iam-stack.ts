import { fileURLToPath } from 'node:url';
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import { createDynamoClient, ensureTable } from '@petstore/domain/dynamodb';
import { startLocalDynamo } from '@petstore/domain/dynamodb/local';
import type { Role } from '@petstore/domain/roles';
import { type Gateway, startGateway } from '@petstore/gateway';
import { type LocalSts, type LocalStsOptions, startLocalSts } from '@petstore/local-sts';
import { spaClient } from './dev-idp-user';

/** The SAM template the local stack and AWS run: its OIDC provider and roles. */
export const templatePath = fileURLToPath(
  new URL('../../../../infra/template.yaml', import.meta.url),
);

/**
 * The template parameters that point its OIDC provider and trust policies at a dev-idp.
 *
 * @example
 * startLocalSts({ templatePath, parameters: templateParameters(idp) });
 */
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

/**
 * A dev-idp for tests: in memory, port 0, quiet.
 *
 * @example
 * const idp = await startTestIdp();
 */
export function startTestIdp(): Promise<DevIdp> {
  return startDevIdp({ host: '127.0.0.1', port: 0, memory: true, log: () => undefined });
}

/** The account and region the local STS and gateway of these tests pretend to be: not us-east-1, aws4fetch's fallback. */
export const testIdentity = {
  region: 'eu-west-1',
  accountId: '123456789012',
  stackName: 'petstore-web-test',
} as const;

/** A local IAM API for tests: the real template's PetsIamApi and functions, dynalite, a dev-idp and a local STS. */
export interface IamApiStack {
  readonly idp: DevIdp;
  readonly sts: LocalSts;
  /** The IAM API's base URL. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite (with the pets table), a dev-idp, a local STS and the gateway serving only the
 * template's IAM API (`PetsIamApi`), on free ports, all sharing {@link testIdentity}. The
 * functions are the built ones (`apps/api/dist`, built before the tests by Turborepo).
 *
 * @example
 * const stack = await startIamApiStack();
 * await fetch(`${stack.url}/me`); // 403 Missing Authentication Token: it wants a signature
 */
export async function startIamApiStack(): Promise<IamApiStack> {
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const dynamo = await startLocalDynamo({ host: '127.0.0.1', port: 0 });
    stops.push(() => dynamo.close());
    const idp = await startTestIdp();
    stops.push(() => idp.close());
    const parameters = {
      ...templateParameters(idp),
      RequireTokenType: 'at+jwt',
      AllowedOrigin: 'http://127.0.0.1:5173',
      EnableAccessLogs: 'false',
    };
    const sts = await startLocalSts({
      templatePath,
      parameters,
      identity: testIdentity,
      port: 0,
      log: { info: () => undefined, warn: () => undefined, call: () => undefined },
    });
    stops.push(() => sts.close());
    const gateway = await startGateway({
      templatePath,
      parameters,
      identity: testIdentity,
      api: 'PetsIamApi',
      credentials: sts.credentials,
      environment: {
        '*': {
          DYNAMODB_ENDPOINT: dynamo.endpoint,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
      logger: { access: () => undefined, info: () => undefined, warn: () => undefined },
    });
    stops.push(() => gateway.close());
    const client = createDynamoClient({
      region: testIdentity.region,
      endpoint: dynamo.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(client, tableNameOf(gateway)).finally(() => client.destroy());
    return { idp, sts, url: gateway.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function tableNameOf(gateway: Gateway): string {
  for (const fn of gateway.model.functions.values()) {
    const name = fn.environment.TABLE_NAME;
    if (name) return name;
  }
  throw new Error('No function of the template has TABLE_NAME.');
}
