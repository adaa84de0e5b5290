import type { Server } from 'node:http';
import { listen, portOf } from './http/gateway-server';
import { createPipeline } from './http/handle-request';
import type { EnvironmentOverrides } from './lambda/lambda-environment';
import { LambdaRuntime } from './lambda/lambda-runtime';
import { type GatewayLogger, withDefaults } from './logger';
import { defaultIdentity, type LocalIdentity } from './template/local-identity';
import type { GatewayModel } from './template/model';
import { readTemplate } from './template/read-template';

export interface GatewayOptions {
  /** The SAM template; paths in it are relative to its folder. */
  readonly templatePath: string;
  /** Template parameter values (CloudFormation `Parameters`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `0` (any free port). */
  readonly port?: number;
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
  /** Logical id of the API to serve when the template has several. */
  readonly api?: string;
}

/** A running gateway. */
export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly model: GatewayModel;
  /** Pool sizes of a function: how many environments exist now, and at most so far. */
  poolStats(
    functionId: string,
  ): { readonly size: number; readonly peakSize: number; readonly maxSize: number } | undefined;
  close(): Promise<void>;
}

/**
 * Serves a SAM template's REST API locally, as API Gateway would (AWS-BEHAVIOR.md).
 *
 * @example
 * const gateway = await startGateway({ templatePath: 'infra/template.yaml', port: 3000 });
 * await fetch(`${gateway.url}/pets`, { headers: { Authorization: `Bearer ${token}` } });
 * await gateway.close();
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = withDefaults(options.logger);
  const identity: LocalIdentity = { ...defaultIdentity, ...options.identity };
  const clock = options.clock ?? Date.now;
  const model = await readTemplate(options.templatePath, {
    identity,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.api ? { api: options.api } : {}),
  });
  for (const warning of model.warnings) logger.warn(warning);
  const runtime = await LambdaRuntime.start(model.functions, {
    identity,
    overrides: options.environment ?? {},
    maxConcurrency: options.maxConcurrency ?? 4,
    watch: options.watch ?? false,
    logger,
  });
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  try {
    const handle = createPipeline({
      api: model.api,
      runtime,
      identity,
      logger,
      integrationTimeoutMs: options.integrationTimeoutMs ?? 29_000,
      clock,
    });
    server = await listen({ host, port: options.port ?? 0, clock, logger, handle });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const port = portOf(server);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const routes = model.api.routes.map((route) => {
    const target =
      route.integration.kind === 'lambda' ? route.integration.functionId : 'CORS preflight';
    return `  ${route.method.padEnd(7)} ${route.path} -> ${target}${route.authorizer ? ` (${route.authorizer})` : ''}`;
  });
  logger.info(
    `${model.api.logicalId} (stage ${model.api.stageName}) on ${url}\n${routes.join('\n')}`,
  );
  return {
    url,
    port,
    model,
    poolStats: (functionId) => runtime.stats(functionId),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}
