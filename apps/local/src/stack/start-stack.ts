import { mkdirSync } from 'node:fs';
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import { type LocalDynamo, startLocalDynamo } from '@petstore/domain/dynamodb/local';
import type { Role } from '@petstore/domain/roles';
import { type FunctionInspector, type Gateway, startGateway } from '@petstore/gateway';
import { loadTemplate } from '@petstore/gateway/load-template';
import { createConsoleLogger, type GatewayLogger } from '@petstore/gateway/logger';
import { readTemplate } from '@petstore/gateway/template';
import { type LocalSts, startLocalSts } from '@petstore/local-sts';
import { startWebDevServer } from '@petstore/web/dev-server';
import { assertPortsFree, portIsFree } from '../config/assert-ports-free';
import { type LocalConfig, LocalConfigError } from '../config/local-config';
import { iamApiLogicalId, localIdentity, roleArnsOf } from '../iam/local-iam-settings';
import { partnerApiKeyId, partnerApiLogicalId } from '../partner/partner-api';
import { buildFunctions, watchFunctions } from './build-functions';
import { acquireDataLock, type DataLock } from './data-lock';
import { apiKeysFilePath, localApiKeys } from './local-api-keys';
import { localDynamoClient } from './local-dynamo-client';
import { prepareTable } from './prepare-table';
import { providedResources } from './provided-resources';
import { writeStackRecord } from './stack-record';
import { localEnvironment, localParameters } from './template-settings';
import { watchDataDir } from './watch-data-dir';

const host = '127.0.0.1';

export interface StackLog {
  info(line: string): void;
  warn(line: string): void;
  /**
   * The gateway's line per request and the functions' log lines; default: the console, readable
   * on a terminal and JSON when piped (`createConsoleLogger`), each line after `[api] `.
   */
  readonly requests?: Pick<GatewayLogger, 'access' | 'functionLog'>;
}

/** What the stack reports while it runs. */
export interface StackEvents {
  /**
   * The data folder was deleted while the stack ran (its data is gone); the message says so.
   * Without a handler the stack only logs a warning.
   */
  onDataDirGone?(message: string): void;
}

/** The running local stack. */
export interface Stack {
  /** The token API (`PetsApi`: bearer tokens, the Lambda authorizer). */
  readonly apiUrl: string;
  /** The IAM API (`PetsIamApi`: SigV4-signed requests with the local STS's credentials). */
  readonly iamApiUrl: string;
  /** The partner API (`PartnerApi`: machine clients, a bearer token and the `x-api-key` header). */
  readonly partnerApiUrl: string;
  /** The partner API key's local value (`pnpm api-key` prints it). */
  readonly partnerApiKey: string;
  /** Where the local key values are kept; undefined with `--memory`. */
  readonly apiKeysFile: string | undefined;
  readonly stsUrl: string;
  /** The role ARN STS gives each domain role's users. */
  readonly roleArns: Readonly<Record<Role, string>>;
  readonly region: string;
  readonly issuer: string;
  /** The SPA (Vite's dev server), at the origin the API and the dev-idp allow. */
  readonly webUrl: string;
  readonly webOrigin: string;
  /** Which API the SPA calls. */
  readonly webApiMode: 'token' | 'iam';
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  /** Whether this start created (and seeded) the table. */
  readonly seeded: boolean;
  readonly idp: DevIdp;
  /** Where each function's debugger listens (`--inspect`), else empty. */
  readonly inspectors: readonly FunctionInspector[];
  /** Stops everything it started, in reverse order. */
  close(): Promise<void>;
}

/**
 * Starts the whole local stack: builds the functions, starts dynalite, the dev-idp, the gateway
 * on `infra/template.yaml` (parameters pointed at the local IdP and table; local values for the
 * API keys AWS would generate, kept in the data folder) and the SPA's dev server, and creates and
 * seeds the table on first start. Everything started is stopped again if
 * a later step fails. With a data folder, it first takes the folder's lock (`stack.lock`, refusing
 * a folder another live stack uses) and then watches that the folder stays there.
 *
 * @example
 * const stack = await startStack(readLocalConfig(process.env, { memory: true }), console);
 * await fetch(`${stack.apiUrl}/pets`, { headers: { authorization: `Bearer ${token}` } });
 * await stack.close();
 */
export async function startStack(
  config: LocalConfig,
  log: StackLog,
  events: StackEvents = {},
): Promise<Stack> {
  const lock: DataLock | undefined = config.dataDir ? acquireDataLock(config.dataDir) : undefined;
  const stops: (() => Promise<void>)[] = [];
  if (lock) stops.push(async () => lock.release());
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log.warn(String(error)));
  };
  try {
    await assertPortsFree(host, config.ports);
    log.info('Building the functions (Turborepo: what is fresh comes from its cache)...');
    await buildFunctions();

    const dynamo: LocalDynamo = await startLocalDynamo({
      host,
      port: config.ports.dynamodb,
      ...(config.dataDir ? { path: dataFolder(config.dataDir, 'dynamodb') } : {}),
    });
    stops.push(() => dynamo.close());

    const webOrigin = `http://${host}:${config.ports.web}`;
    const idp = await startDevIdp({
      host,
      port: config.ports.idp,
      ...(config.dataDir ? { dataDir: dataFolder(config.dataDir, 'dev-idp') } : { memory: true }),
      spaRedirectUris: [`${webOrigin}/`, `${webOrigin}/callback`],
      spaPostLogoutRedirectUris: [`${webOrigin}/`],
      log: (line) => log.info(`[idp] ${line}`),
    });
    stops.push(() => idp.close());

    const endpoints = {
      issuer: idp.issuer,
      jwksUri: idp.jwksUri,
      audience: idp.config.audience,
      spaClientId: idp.config.spa.clientId,
      m2mClientId: idp.config.m2m.clientId,
      webOrigin,
      dynamoEndpoint: dynamo.endpoint,
    };
    const { templatePath } = config;
    const parameters = {
      ...localParameters(endpoints, { partnerQuotaLimit: config.partnerQuotaLimit }),
      ...config.parameterOverrides,
    };
    const sts: LocalSts = await startLocalSts({
      templatePath,
      parameters,
      identity: localIdentity,
      host,
      port: config.ports.sts,
      log: {
        info: (line) => log.info(`[sts] ${line}`),
        warn: (line) => log.warn(`[sts] ${line}`),
      },
    });
    stops.push(() => sts.close());

    const model = await readTemplate(templatePath, { parameters, identity: localIdentity });
    const apiKeys = await localApiKeys(keysAwsGenerates(model), config.dataDir);
    if (config.inspectPort !== undefined) await assertInspectorPortsFree(model, config.inspectPort);
    const local = localEnvironment(endpoints);
    const requests = log.requests ?? createConsoleLogger({ prefix: '[api] ' });
    const gateway: Gateway = await startGateway({
      templatePath,
      providedResources: providedResources(await loadTemplate(templatePath)),
      host,
      port: config.ports.api,
      ports: {
        [iamApiLogicalId]: config.ports.iamApi,
        [partnerApiLogicalId]: config.ports.partnerApi,
      },
      apiKeys,
      credentials: sts.credentials,
      identity: localIdentity,
      parameters,
      environment: {
        ...config.environment,
        '*': { ...local['*'], ...config.environment['*'] },
      },
      watch: config.watch,
      ...(config.inspectPort === undefined ? {} : { inspect: { port: config.inspectPort } }),
      logger: {
        access: (entry) => requests.access(entry),
        functionLog: (line) => requests.functionLog(line),
        info: (line) => log.info(`[api] ${line}`),
        warn: (line) => log.warn(`[api] ${line}`),
        error: (line) => log.warn(`[api] error: ${line}`),
      },
    });
    stops.push(() => gateway.close());

    const tableName = tableNameOf(gateway);
    const client = localDynamoClient(dynamo.endpoint);
    const seeded = await prepareTable(client, tableName).finally(() => client.destroy());

    const iamApiUrl = urlOf(gateway, iamApiLogicalId);
    const partnerApiKey = apiKeys[partnerApiKeyId];
    if (partnerApiKey === undefined)
      throw new Error(`infra/template.yaml has no ${partnerApiKeyId} for AWS to generate`);
    const roleArns = roleArnsOf(gateway.model.iam);
    const web = await startWebDevServer({
      host,
      port: config.ports.web,
      apiUrl: gateway.url,
      issuer: idp.issuer,
      clientId: idp.config.spa.clientId,
      audience: idp.config.audience,
      apiMode: config.webApiMode,
      iam: {
        apiUrl: iamApiUrl,
        region: localIdentity.region,
        stsUrl: sts.url,
        adminRoleArn: roleArns.admin,
        buyerRoleArn: roleArns.buyer,
      },
      watch: config.watch,
    });
    stops.push(() => web.close());

    if (config.watch) {
      const watcher = watchFunctions((line) => log.info(line));
      stops.push(() => watcher.stop());
    }

    if (lock && config.dataDir) {
      const dataDir = config.dataDir;
      const dataWatch = watchDataDir(lock, () => {
        const message = `The data folder ${dataDir} (DATA_DIR) was deleted while the stack was running: its pets, users and keys are gone.`;
        if (events.onDataDirGone) events.onDataDirGone(message);
        else log.warn(message);
      });
      stops.push(async () => dataWatch.stop());
    }

    const partnerApiUrl = urlOf(gateway, partnerApiLogicalId);
    // Last: the commands of other terminals find the stack once everything answers.
    const record = writeStackRecord(config.recordsDir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      memory: config.dataDir === undefined,
      ports: config.ports,
      urls: {
        api: gateway.url,
        iamApi: iamApiUrl,
        partnerApi: partnerApiUrl,
        issuer: idp.issuer,
        sts: sts.url,
        web: web.url,
        dynamodb: dynamo.endpoint,
      },
      template: templatePath,
      parameterOverrides: config.parameterOverrides,
      envVarsFile: config.envVarsFile ?? null,
      inspectors: gateway.inspectors.map(({ functionId, port }) => ({ functionId, port })),
    });
    stops.push(async () => record.remove());

    return {
      apiUrl: gateway.url,
      iamApiUrl,
      partnerApiUrl,
      partnerApiKey,
      apiKeysFile: config.dataDir ? apiKeysFilePath(config.dataDir) : undefined,
      stsUrl: sts.url,
      roleArns,
      region: localIdentity.region,
      issuer: idp.issuer,
      webUrl: web.url,
      webOrigin,
      webApiMode: config.webApiMode,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      seeded,
      idp,
      inspectors: gateway.inspectors,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function urlOf(gateway: Gateway, logicalId: string): string {
  const api = gateway.apis.find((served) => served.logicalId === logicalId);
  if (!api) throw new Error(`The gateway does not serve ${logicalId} of infra/template.yaml`);
  return api.url;
}

/**
 * The API keys of the template's usage plans that have no `Value` (AWS generates theirs): the
 * ones the gateway needs a local value for.
 */
function keysAwsGenerates(model: Awaited<ReturnType<typeof readTemplate>>): string[] {
  const keys = model.apis.flatMap((api) => api.usagePlans.flatMap((plan) => plan.keys));
  return [...new Set(keys.filter((key) => key.value === undefined).map((key) => key.logicalId))];
}

/**
 * Fails before the gateway starts if a debugger port is taken (`--inspect`: the first function's
 * port, the next ones the others'), naming the port and its function.
 */
async function assertInspectorPortsFree(
  model: Awaited<ReturnType<typeof readTemplate>>,
  first: number,
): Promise<void> {
  const ids = [...model.functions.keys()];
  for (const [index, functionId] of ids.entries()) {
    const port = first + index;
    if (port > 65_535 || !(await portIsFree(host, port))) {
      throw new LocalConfigError(
        `Port ${port} (--inspect: the debugger of ${functionId}, function ${index + 1} of ${ids.length}) is ${port > 65_535 ? 'not a port' : 'in use'}. Give --inspect another port: --inspect=<port> takes it and the next ${ids.length - 1}.`,
      );
    }
  }
}

function dataFolder(dataDir: string, name: string): string {
  const folder = `${dataDir}/${name}`;
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The table name the template gives the functions (`!Ref PetsTable`, resolved locally). */
function tableNameOf(gateway: Gateway): string {
  for (const fn of gateway.model.functions.values()) {
    const name = fn.environment.TABLE_NAME;
    if (name) return name;
  }
  throw new Error(
    'No function in the template has TABLE_NAME: which table should the stack create?',
  );
}
