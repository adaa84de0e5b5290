import { AuthorizerCache } from '../authorizer/authorizer-cache';
import type { AuthorizerOutput } from '../authorizer/authorizer-output';
import { methodArn } from '../authorizer/method-arn';
import { authorize } from '../authorizer/token-authorizer';
import { preflightResponse } from '../cors/preflight-response';
import type { LambdaRuntime } from '../lambda/lambda-runtime';
import type { AccessLogEntry, GatewayLogger } from '../logger';
import { callLambda } from '../proxy/lambda-integration';
import { buildGatewayResponse } from '../responses/build-gateway-response';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { MatchedRoute } from '../routing/matched-route';
import { routeRequest } from '../routing/route-request';
import { RouteTable } from '../routing/route-table';
import type { LocalIdentity } from '../template/local-identity';
import type { ApiModel } from '../template/model';
import { Throttler } from '../throttle/throttler';
import { BodyValidator } from '../validation/body-validator';
import { validateRequest } from '../validation/validate-request';
import type { GatewayRequest } from './gateway-request';
import type { HttpResponse } from './http-response';

export interface PipelineOptions {
  readonly api: ApiModel;
  readonly runtime: LambdaRuntime;
  readonly identity: LocalIdentity;
  readonly logger: GatewayLogger;
  readonly integrationTimeoutMs: number;
  readonly clock: () => number;
}

export type Handled = {
  readonly response: HttpResponse;
  readonly log: Pick<AccessLogEntry, 'authorizer' | 'error'>;
};

/**
 * The request path of API Gateway, in its order: route (G1), throttle (T1), TOKEN authorizer
 * (A1-A10), request validator (G7), then the integration: CORS mock (C1) or Lambda proxy
 * (L1-L5), each failure answered with its gateway response (G8).
 *
 * @example
 * const handle = createPipeline(options);
 * const { response } = await handle(request);
 */
export function createPipeline(
  options: PipelineOptions,
): (request: GatewayRequest) => Promise<Handled> {
  const { api, runtime, identity, logger, clock } = options;
  const routes = new RouteTable(api.routes);
  const throttler = new Throttler(api.methodSettings, clock);
  const cache = new AuthorizerCache(clock);
  const bodies = new BodyValidator(api.models);
  const invoke = (functionId: string, event: unknown) => runtime.invoke(functionId, event);

  return async (received) => {
    let authorizerLog: AccessLogEntry['authorizer'] = 'none';
    let authorizerContext: Record<string, string> | undefined;
    const { request, matched } = routeRequest(routes, api.stageName, received);
    const reject = (error: GatewayError, at: MatchedRoute | undefined): Handled => ({
      response: buildGatewayResponse(error, {
        request,
        api,
        matched: at,
        authorizer: authorizerContext,
      }),
      log: { authorizer: authorizerLog, error: error.type },
    });
    if (!matched) return reject(gatewayErrors.missingAuthenticationToken(), undefined);
    const { route } = matched;
    if (!throttler.admit(route)) return reject(gatewayErrors.throttled(), matched);

    let authorized: { output: AuthorizerOutput; latencyMs: number } | undefined;
    const authorizer =
      route.authorizer === undefined ? undefined : api.authorizers.get(route.authorizer);
    if (authorizer) {
      const arn = methodArn({
        ...identity,
        apiId: api.apiId,
        stage: api.stageName,
        method: request.method,
        path: request.path,
      });
      const timeoutMs = options.integrationTimeoutMs;
      const decision = await authorize(authorizer, request, arn, {
        invoke,
        cache,
        logger,
        timeoutMs,
      });
      authorizerLog = decision.cache;
      if (!decision.allowed) return reject(decision.error, matched);
      authorized = { output: decision.output, latencyMs: decision.latencyMs };
      authorizerContext = { ...decision.output.context, principalId: decision.output.principalId };
    }

    const invalid = validateRequest(route.validation, request, bodies);
    if (invalid) return reject(invalid, matched);

    const { integration } = route;
    if (integration.kind === 'cors-preflight') {
      const cors = api.cors;
      if (!cors) return reject(gatewayErrors.missingAuthenticationToken(), matched);
      return {
        response: preflightResponse(cors, integration.allowMethods, request.requestId),
        log: { authorizer: authorizerLog },
      };
    }

    const result = await callLambda(
      {
        request,
        matched,
        functionId: integration.functionId,
        authorizer: authorized,
        timeoutMs: integration.timeoutMs ?? options.integrationTimeoutMs,
      },
      { api, identity, logger, invoke },
    );
    if ('error' in result) return reject(result.error, matched);
    return { response: result.response, log: { authorizer: authorizerLog } };
  };
}
