import type { Server } from 'node:http';
import type { CredentialStore } from '@petstore/sigv4/credentials';
import { GatewayOptionsError } from './errors';
import { apiPorts } from './http/api-ports';
import { listen, portOf } from './http/gateway-server';
import { createPipeline, type IamOptions } from './http/handle-request';
import { noTimeoutMs } from './lambda/function-host';
import type { EnvironmentOverrides } from './lambda/lambda-environment';
import { type FunctionInspector, inspectorPorts, LambdaRuntime } from './lambda/lambda-runtime';
import { type GatewayLogger, withDefaults } from './logger';
import { defaultIdentity, type LocalIdentity } from './template/local-identity';
import type { ApiModel, GatewayModel } from './template/model';
import { readTemplate } from './template/read-template';
import { apiKeyValues } from './usage-plans/local-api-keys';
import { UsageMeters } from './usage-plans/usage-plan-gate';

export { readEnvVarsFile } from './lambda/env-vars-file';
export type { FunctionInspector } from './lambda/lambda-runtime';

export interface GatewayOptions {
  /** The SAM template; paths in it are relative to its folder. */
  readonly templatePath: string;
  /** Template parameter values (CloudFormation `Parameters`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Port of the first API; default `0` (any free port). */
  readonly port?: number;
  /**
   * Ports by API logical id (each API has its own, like distinct execute-api hosts); an API
   * named neither here nor by `port` gets any free port.
   */
  readonly ports?: Readonly<Record<string, number>>;
  /** Per-function environment overrides by logical id (`'*'`: every function), like `sam local --env-vars`. */
  readonly environment?: EnvironmentOverrides;
  /** API Gateway's integration timeout (L5); default 29 000 ms. */
  readonly integrationTimeoutMs?: number;
  /** Access log and messages; default: the console. */
  readonly logger?: Partial<GatewayLogger>;
  /** Reload functions when their code changes; default false. */
  readonly watch?: boolean;
  /** Execution environments per function at most; default 4. */
  readonly maxConcurrency?: number;
  /** The gateway's clock in ms (authorizer cache TTL, throttling, request times); default `Date.now`. */
  readonly clock?: () => number;
  /** Region, account and stack name the local run pretends to be. */
  readonly identity?: Partial<LocalIdentity>;
  /** Serve only this API (logical id); default: every API of the template that has `Api` events. */
  readonly api?: string;
  /** Resources the caller provides locally (e.g. the table it runs): not warned about. */
  readonly providedResources?: readonly string[];
  /**
   * Local values of the usage plans' API keys that have no `Value` in the template (AWS
   * generates those), by logical id, e.g. `{ PartnerApiApiKey: '...' }` (at least 20
   * characters). Required for every key of a plan guarding an `ApiKeyRequired` route: without
   * it the gateway refuses to start.
   */
  readonly apiKeys?: Readonly<Record<string, string>>;
  /**
   * Where `AWS_IAM` methods look up the access key of a SigV4-signed request (the local STS's
   * store). Required when a served route is `AWS_IAM`: without it the gateway refuses to start.
   */
  readonly credentials?: CredentialStore;
  /**
   * Debug the functions: each function has one execution environment, started at once, that
   * opens its own Node.js inspector (a debugger attaches there: Chrome DevTools, `node inspect`,
   * VS Code), on `port` for the first function of the template and the next ports for the
   * others, in order (`Gateway.inspectors`); no timeout (the function's, the gateway's
   * integration timeout) ends a call paused at a breakpoint.
   */
  readonly inspect?: { readonly port: number; readonly host?: string };
}

/** One API a gateway serves, on its own port. */
export interface ServedApi {
  readonly logicalId: string;
  /** The local API id in `requestContext.apiId` and execute-api ARNs. */
  readonly apiId: string;
  readonly stage: string;
  /** `http://HOST:PORT`; routes answer at the root and under `/STAGE`. */
  readonly url: string;
  readonly port: number;
}

/** A running gateway. */
export interface Gateway {
  /** The first API's URL (`apis[0].url`). */
  readonly url: string;
  /** The first API's port. */
  readonly port: number;
  /** Every served API, in template order. */
  readonly apis: readonly ServedApi[];
  readonly model: GatewayModel;
  /** Where each function's debugger listens, with the `inspect` option (else empty). */
  readonly inspectors: readonly FunctionInspector[];
  /** Pool sizes of a function: how many environments exist now, and at most so far. */
  poolStats(
    functionId: string,
  ): { readonly size: number; readonly peakSize: number; readonly maxSize: number } | undefined;
  close(): Promise<void>;
}

/**
 * Serves a SAM template's REST APIs locally, as API Gateway would (AWS-BEHAVIOR.md): each API on
 * its own port, all of them calling the same functions (one Lambda runtime).
 *
 * @example
 * const gateway = await startGateway({ templatePath: 'infra/template.yaml', port: 3000, ports: { PetsIamApi: 3001 } });
 * gateway.apis.map((api) => api.url) // ['http://127.0.0.1:3000', 'http://127.0.0.1:3001']
 * await fetch(`${gateway.url}/pets`, { headers: { Authorization: `Bearer ${token}` } });
 * await gateway.close();
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  if (options.inspect && !(Number.isInteger(options.inspect.port) && options.inspect.port > 0)) {
    throw new GatewayOptionsError(
      `inspect.port must be a port number above 0 (each function takes the next one), not ${options.inspect.port}`,
    );
  }
  const logger = withDefaults(options.logger);
  const identity: LocalIdentity = { ...defaultIdentity, ...options.identity };
  const clock = options.clock ?? Date.now;
  const model = await readTemplate(options.templatePath, {
    identity,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.api ? { api: options.api } : {}),
    ...(options.providedResources ? { providedResources: options.providedResources } : {}),
  });
  for (const warning of model.warnings) logger.warn(warning);
  for (const note of model.notes ?? []) logger.info(note);
  const iam = iamOptions(model, options.credentials);
  const apiKeys = apiKeyValues(model, options.apiKeys);
  const usageMeters = new UsageMeters(clock);
  const ports = apiPorts(model.apis, options.port, options.ports);
  const host = options.host ?? '127.0.0.1';
  const inspect = options.inspect && {
    host: options.inspect.host ?? host,
    port: options.inspect.port,
  };
  const runtime = await LambdaRuntime.start(model.functions, {
    identity,
    overrides: options.environment ?? {},
    maxConcurrency: options.maxConcurrency ?? 4,
    watch: options.watch ?? false,
    logger,
    inspect,
  });
  const servers: Server[] = [];
  const apis: ServedApi[] = [];
  const closeServers = () =>
    Promise.all(
      servers.map((server) => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      }),
    );
  try {
    for (const api of model.apis) {
      const handle = createPipeline({
        api,
        iam,
        functions: model.functions,
        runtime,
        identity,
        logger,
        integrationTimeoutMs: inspect ? noTimeoutMs : (options.integrationTimeoutMs ?? 29_000),
        clock,
        apiKeys,
        usageMeters,
      });
      const server = await listen({
        host,
        port: ports.get(api.logicalId) ?? 0,
        clock,
        logger,
        handle,
      });
      servers.push(server);
      const port = portOf(server);
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      apis.push({ logicalId: api.logicalId, apiId: api.apiId, stage: api.stageName, url, port });
      logger.info(
        `${api.logicalId} (stage ${api.stageName}) on ${url}\n${routeLines(api).join('\n')}`,
      );
    }
  } catch (error) {
    await closeServers();
    await runtime.close();
    throw error;
  }
  const [first] = apis;
  // readTemplate refuses a template with nothing to serve, so there is always a first API.
  if (!first) throw new Error('the template has no API to serve');
  return {
    url: first.url,
    port: first.port,
    apis,
    model,
    inspectors: inspectorPorts([...model.functions.keys()], inspect),
    poolStats: (functionId) => runtime.stats(functionId),
    close: async () => {
      await closeServers();
      await runtime.close();
    },
  };
}

function routeLines(api: ApiModel): string[] {
  return api.routes.map((route) => {
    const target =
      route.integration.kind === 'lambda' ? route.integration.functionId : 'CORS preflight';
    const { authorization } = route;
    const auth =
      authorization.type === 'NONE'
        ? ''
        : ` (${authorization.type === 'AWS_IAM' ? 'AWS_IAM' : authorization.authorizer})`;
    const key = route.apiKeyRequired ? ' (API key)' : '';
    return `  ${route.method.padEnd(7)} ${route.path} -> ${target}${auth}${key}`;
  });
}

/**
 * The credential store and roles for `AWS_IAM` methods; a served `AWS_IAM` route without a
 * store is refused here, before anything starts, so that no such route is ever served open.
 */
function iamOptions(
  model: GatewayModel,
  credentials: CredentialStore | undefined,
): IamOptions | undefined {
  const iamRoutes = model.apis.flatMap((api) =>
    api.routes
      .filter((route) => route.authorization.type === 'AWS_IAM')
      .map((route) => `${api.logicalId} ${route.method} ${route.path}`),
  );
  if (!credentials) {
    if (iamRoutes.length === 0) return undefined;
    const shown = iamRoutes.slice(0, 3).join(', ');
    const more = iamRoutes.length > 3 ? ` and ${iamRoutes.length - 3} more` : '';
    throw new GatewayOptionsError(
      `AWS_IAM methods (${shown}${more}) need the credentials option: a CredentialStore (e.g. the local STS's) to verify SigV4 signatures with. Without it they would be served open; or serve only another API with the api option.`,
    );
  }
  const roles = new Map([...model.iam.roles.values()].map((role) => [role.arn, role]));
  return { credentials, roles };
}
