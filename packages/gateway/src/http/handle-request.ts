import { buildMethodArn, type StageArn, stagePrefix } from '@petstore/iam-policy/execute-api-arn';
import type { CredentialStore } from '@petstore/sigv4/credentials';
import { AuthorizerCache } from '../authorizer/authorizer-cache';
import type { AuthorizerOutput } from '../authorizer/authorizer-output';
import { authorizeRequest } from '../authorizer/request-authorizer';
import { authorize } from '../authorizer/token-authorizer';
import { preflightResponse } from '../cors/preflight-response';
import { authorizeIam, type IamCaller } from '../iam/authorize-iam';
import { iamConfigurationError } from '../iam/iam-errors';
import type { LambdaRuntime } from '../lambda/lambda-runtime';
import type { AccessLogEntry, GatewayLogger } from '../logger';
import { ownRecord } from '../own-record';
import { callLambda } from '../proxy/lambda-integration';
import { buildGatewayResponse } from '../responses/build-gateway-response';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { MatchedRoute } from '../routing/matched-route';
import { routeRequest } from '../routing/route-request';
import { RouteTable } from '../routing/route-table';
import type { LocalIdentity } from '../template/local-identity';
import type { ApiModel, FunctionModel, RoleModel } from '../template/model';
import { Throttler } from '../throttle/throttler';
import { UsageMeters, UsagePlanGate } from '../usage-plans/usage-plan-gate';
import { BodyValidator } from '../validation/body-validator';
import { validateRequest } from '../validation/validate-request';
import { type GatewayRequest, headerValues } from './gateway-request';
import type { HttpResponse } from './http-response';
import { contentLengthExceeded, type RequestBody, RequestTooLargeError } from './read-request';

/** What `AWS_IAM` methods are authorized with. */
export interface IamOptions {
  readonly credentials: CredentialStore;
  /** The template's roles by ARN (`model.iam.roles`, re-keyed). */
  readonly roles: ReadonlyMap<string, RoleModel>;
}

export interface PipelineOptions {
  readonly api: ApiModel;
  /** Required when a route of `api` is `AWS_IAM` (without it such a route answers 500, never open). */
  readonly iam: IamOptions | undefined;
  /** The template's functions (their ARNs, for `InvokeRole: CALLER_CREDENTIALS`). */
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly runtime: LambdaRuntime;
  readonly identity: LocalIdentity;
  readonly logger: GatewayLogger;
  readonly integrationTimeoutMs: number;
  readonly clock: () => number;
  /** Values of the usage plans' API keys by logical id (`apiKeyValues`); default: none. */
  readonly apiKeys?: ReadonlyMap<string, string>;
  /** The usage plans' counters, shared by every API of the gateway; default: this API's own. */
  readonly usageMeters?: UsageMeters;
}

export type Handled = {
  readonly response: HttpResponse;
  readonly log: Pick<AccessLogEntry, 'authorizer' | 'error'>;
  /** End the connection after this response (a 413: the rest of the body was not read). */
  readonly close?: boolean;
};

/**
 * The request path of API Gateway, in its order: a declared body over 10 MB (413), route (G1),
 * throttle (T1), TOKEN authorizer (A1-A10), REQUEST authorizer (R1-R7) or `AWS_IAM` (SigV4 and
 * the caller's IAM policies), request validator (G7), then the integration: CORS mock (C1) or
 * Lambda proxy (L1-L5), each failure answered with its gateway response (G8). The body is read only after the checks that
 * need none (route, throttle, a Lambda authorizer, an `Authorization` header for `AWS_IAM`),
 * and never more than 10 MB and one chunk of it.
 *
 * @example
 * const handle = createPipeline(options);
 * const { response } = await handle(request, new RequestBody(incoming));
 */
export function createPipeline(
  options: PipelineOptions,
): (request: GatewayRequest, body: RequestBody) => Promise<Handled> {
  const { api, runtime, identity, logger, clock } = options;
  const routes = new RouteTable(api.routes);
  const throttler = new Throttler(api.methodSettings, clock);
  const cache = new AuthorizerCache(clock);
  const meters = options.usageMeters ?? new UsageMeters(clock);
  const keys = new UsagePlanGate(api, options.apiKeys ?? new Map(), meters, logger);
  const bodies = new BodyValidator(api.models);
  const invoke = (functionId: string, event: unknown) => runtime.invoke(functionId, event);
  const stage: StageArn = {
    partition: 'aws',
    region: identity.region,
    account: identity.accountId,
    apiId: api.apiId,
    stage: api.stageName,
  };
  // A region, account or stage no method ARN can hold fails here, not on every request.
  stagePrefix(stage);

  return async (head, body) => {
    let authorizerLog: AccessLogEntry['authorizer'] = 'none';
    let authorizerContext: Record<string, string> | undefined;
    const routed = routeRequest(routes, api.stageName, head);
    const { matched } = routed;
    let request = routed.request;
    const reject = (error: GatewayError, at: MatchedRoute | undefined): Handled => ({
      response: buildGatewayResponse(error, {
        request,
        api,
        matched: at,
        authorizer: authorizerContext,
        identity,
      }),
      log: { authorizer: authorizerLog, error: error.type },
    });
    // Over 10 MB: answered in front of the API (no gateway response), the connection closed.
    const tooLong = (): Handled => ({
      response: contentLengthExceeded(),
      log: { authorizer: authorizerLog, error: 'REQUEST_TOO_LARGE' },
      close: true,
    });
    if (body.declaredTooLarge) return tooLong();
    if (!matched) return reject(gatewayErrors.missingAuthenticationToken(), undefined);
    /** The request with its body, or `undefined` when the body passes the limit (413). */
    const withBody = async (): Promise<GatewayRequest | undefined> => {
      try {
        return { ...request, body: await body.read() };
      } catch (error) {
        if (error instanceof RequestTooLargeError) return undefined;
        throw error;
      }
    };
    const { route } = matched;
    if (!throttler.admit(route)) return reject(gatewayErrors.throttled(), matched);

    let authorized: { output: AuthorizerOutput; latencyMs: number } | undefined;
    let caller: IamCaller | undefined;
    const { authorization } = route;
    const arn = () => buildMethodArn({ ...stage, method: request.method, path: request.path });
    if (authorization.type === 'AWS_IAM') {
      authorizerLog = 'iam';
      if (!options.iam) {
        logger.error(`AWS_IAM (${request.requestId}): no credential store: refused`);
        return reject(iamConfigurationError(), matched);
      }
      // No signature at all: refused before the body is read (SigV4 needs it for the rest).
      if (headerValues(request, 'authorization').length === 0) {
        logger.warn(`AWS_IAM (${request.requestId}): no Authorization header`);
        return reject(gatewayErrors.missingAuthenticationToken(), matched);
      }
      const signed = await withBody();
      if (!signed) return tooLong();
      request = signed;
      const functionId =
        route.integration.kind === 'lambda' ? route.integration.functionId : undefined;
      // SigV4 covers the path as sent (stage prefix included).
      const decision = await authorizeIam(
        { ...head, body: signed.body },
        {
          methodArn: arn(),
          callerInvokes:
            authorization.callerCredentials && functionId !== undefined
              ? options.functions.get(functionId)?.arn
              : undefined,
        },
        { ...options.iam, region: identity.region, logger },
      );
      if (!decision.allowed) return reject(decision.error, matched);
      caller = decision.caller;
    }
    const authorizer =
      authorization.type === 'TOKEN' || authorization.type === 'REQUEST'
        ? api.authorizers.get(authorization.authorizer)
        : undefined;
    if (authorizer) {
      const deps = { invoke, cache, logger, timeoutMs: options.integrationTimeoutMs };
      const decision =
        authorizer.type === 'REQUEST'
          ? await authorizeRequest(authorizer, { request, api, matched, identity }, arn(), deps)
          : await authorize(authorizer, request, arn(), deps);
      authorizerLog = decision.cache;
      const { output } = decision;
      // For `$context.authorizer.*` in gateway responses, a denied request's too (P20).
      if (output)
        authorizerContext = ownRecord([
          ...Object.entries(output.context),
          ['principalId', output.principalId],
        ]);
      if (!decision.allowed) return reject(decision.error, matched);
      authorized = { output: decision.output, latencyMs: decision.latencyMs };
    }

    // After the authorizer, which may give the key (AUTHORIZER source); before the body (K3).
    const keyed = keys.admit(route, request, authorized?.output.usageIdentifierKey);
    if (!keyed.allowed) return reject(keyed.error, matched);

    if (authorization.type !== 'AWS_IAM') {
      const complete = await withBody();
      if (!complete) return tooLong();
      request = complete;
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
        caller,
        apiKey: keyed.key && { value: keyed.key.value, id: keyed.key.key.id },
        timeoutMs: integration.timeoutMs ?? options.integrationTimeoutMs,
      },
      { api, identity, logger, invoke },
    );
    if ('error' in result) return reject(result.error, matched);
    return { response: result.response, log: { authorizer: authorizerLog } };
  };
}
