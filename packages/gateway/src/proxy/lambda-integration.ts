import type { AuthorizerOutput } from '../authorizer/authorizer-output';
import type { GatewayRequest } from '../http/gateway-request';
import type { HttpResponse } from '../http/http-response';
import type { IamCaller } from '../iam/authorize-iam';
import type { InvokeOutcome } from '../lambda/invoke-outcome';
import { timedOut, within } from '../lambda/within';
import { logText } from '../log-text';
import type { GatewayLogger } from '../logger';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { MatchedRoute } from '../routing/matched-route';
import type { LocalIdentity } from '../template/local-identity';
import type { ApiModel } from '../template/model';
import { buildProxyEvent } from './build-proxy-event';
import { responseTooLarge } from './lambda-response-limit';
import { readProxyResult } from './read-proxy-result';

/** Lambda's limit on a synchronous invocation's payload (6 MB), the proxy event here. */
export const lambdaPayloadBytes = 6 * 1024 * 1024;

export interface LambdaIntegrationInput {
  readonly request: GatewayRequest;
  readonly matched: MatchedRoute;
  readonly functionId: string;
  readonly authorizer:
    | { readonly output: AuthorizerOutput; readonly latencyMs: number }
    | undefined;
  /** The `AWS_IAM` caller, for `requestContext.identity`. */
  readonly caller: IamCaller | undefined;
  /** The API key the request was admitted with, for `requestContext.identity` (K8). */
  readonly apiKey?: { readonly value: string; readonly id: string } | undefined;
  readonly timeoutMs: number;
}

export interface LambdaIntegrationDeps {
  readonly api: ApiModel;
  readonly identity: LocalIdentity;
  readonly logger: GatewayLogger;
  readonly invoke: (functionId: string, event: unknown) => Promise<InvokeOutcome>;
}

/**
 * The Lambda proxy integration: the v1 event (L1, L2) to the function, its result read as a
 * proxy response (L3, L4, P1-P12); a failed function or an answer over Lambda's 6 MB is a 502
 * `INTEGRATION_FAILURE` (P13, P15), a malformed result a 502 (L3), a body that should be base64
 * and is not a 500 (P12), a throttled invocation a 500 (F15), no answer within the integration
 * timeout a 504 (L5). Why it failed goes to the log, not to the caller.
 *
 * @example
 * const result = await callLambda({ request, matched, functionId: 'ListPets', authorizer, timeoutMs: 29_000 }, deps);
 * if ('error' in result) // a gateway response
 */
export async function callLambda(
  input: LambdaIntegrationInput,
  deps: LambdaIntegrationDeps,
): Promise<{ readonly response: HttpResponse } | { readonly error: GatewayError }> {
  const { request, matched, functionId, authorizer, caller, timeoutMs } = input;
  const { api, identity, logger } = deps;
  const at = `Function ${functionId} (${request.requestId})`;
  const event = buildProxyEvent({
    request,
    api,
    matched,
    identity,
    authorizer,
    caller,
    apiKey: input.apiKey,
  });
  // Only a large body can take the event past Lambda's limit (headers are at most 16 KB here).
  if (request.body.length > lambdaPayloadBytes / 2) {
    const size = Buffer.byteLength(JSON.stringify(event));
    if (size > lambdaPayloadBytes) {
      logger.warn(`${at}: the event is ${size} bytes, over Lambda's ${lambdaPayloadBytes}`);
      return { error: gatewayErrors.requestTooLarge() };
    }
  }
  const invocation = deps.invoke(functionId, event);
  const outcome = await within(invocation, timeoutMs);
  if (outcome === timedOut) {
    void invocation.catch(() => {});
    logger.warn(`${at}: no answer within ${timeoutMs} ms`);
    return { error: gatewayErrors.integrationTimeout() };
  }
  if (!outcome.ok && outcome.reason === 'throttled') {
    logger.warn(`${at} throttled: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
    return { error: gatewayErrors.lambdaThrottled() };
  }
  if (!outcome.ok) {
    logger.error(`${at} failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
    return { error: gatewayErrors.integrationFailure() };
  }
  const tooLarge = responseTooLarge(outcome.payload);
  if (tooLarge) {
    logger.error(`${at}: Lambda Customer Function Error: ${tooLarge}`);
    return { error: gatewayErrors.integrationFailure() };
  }
  const result = readProxyResult(outcome.payload, request, api);
  if (!result.ok) {
    if (result.kind === 'bad-base64') {
      logger.error(`${at}: Execution failed due to configuration error: ${result.problem}`);
      return { error: gatewayErrors.apiConfiguration() };
    }
    // The problem may quote the function's header names: escaped for the log.
    logger.error(`${at}: malformed Lambda proxy response: ${logText(result.problem)}`);
    return { error: gatewayErrors.badLambdaResponse() };
  }
  // API Gateway's own headers follow the function's (which were remapped if they collide):
  // recorded on every proxy response, `X-Amzn-Trace-Id` being the trace the event carried (P9).
  const trace = Object.entries(event.headers).find(
    ([name]) => name.toLowerCase() === 'x-amzn-trace-id',
  )?.[1];
  const headers: (readonly [string, string])[] = [
    ...result.response.headers,
    ['x-amzn-RequestId', request.requestId],
    ['x-amz-apigw-id', request.extendedRequestId],
    ...(trace ? [['X-Amzn-Trace-Id', trace] as const] : []),
  ];
  return { response: { ...result.response, headers } };
}
