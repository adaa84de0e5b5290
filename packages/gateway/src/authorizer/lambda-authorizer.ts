import { evaluatePolicy } from '@petstore/iam-policy/evaluate';
import type { GatewayRequest } from '../http/gateway-request';
import type { InvokeOutcome } from '../lambda/invoke-outcome';
import { timedOut, within } from '../lambda/within';
import type { GatewayLogger } from '../logger';
import { responseTooLarge } from '../proxy/lambda-response-limit';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { AuthorizerCache } from './authorizer-cache';
import { type AuthorizerOutput, checkAuthorizerOutput } from './authorizer-output';

/** Whether the request may go on, and how the cache was used (for the access log). */
export type AuthorizerDecision =
  | {
      readonly allowed: true;
      readonly output: AuthorizerOutput;
      readonly cache: 'hit' | 'miss';
      readonly latencyMs: number;
    }
  | {
      readonly allowed: false;
      readonly error: GatewayError;
      readonly cache: 'hit' | 'miss' | 'not-invoked';
      /** The answer whose policy denied the request: its context serves the 403's template (P20). */
      readonly output?: AuthorizerOutput;
    };

export interface AuthorizerDeps {
  readonly invoke: (functionId: string, event: unknown) => Promise<InvokeOutcome>;
  readonly cache: AuthorizerCache;
  readonly logger: GatewayLogger;
  readonly timeoutMs: number;
}

/** One call of a Lambda authorizer, TOKEN or REQUEST: what to invoke, and what its result is cached by. */
export interface AuthorizerCall {
  /** The authorizer's name in `Auth.Authorizers` (the cache is per authorizer). */
  readonly name: string;
  readonly functionId: string;
  readonly ttlSeconds: number;
  /** The identity the result is cached by (A9, R5); `undefined`: never cached. */
  readonly cacheKey: string | undefined;
  /** What the function is invoked with: built on a cache miss only. */
  readonly event: () => unknown;
}

/**
 * A 401 without invoking the authorizer: its identity is missing, empty, refused or repeated (A2, A3, R3).
 *
 * @example
 * if (!token) return notInvoked(); // { allowed: false, error: UNAUTHORIZED, cache: 'not-invoked' }
 */
export function notInvoked(): AuthorizerDecision {
  return { allowed: false, error: gatewayErrors.unauthorized(), cache: 'not-invoked' };
}

/**
 * The part of a Lambda authorizer that TOKEN and REQUEST share (A4-A9, R5, R6): a cached result for
 * the identity if there is one (any method, any path), else the function within the timeout; its
 * error `Unauthorized` is a 401, any other failure or a malformed result a 500 whose cause only the
 * log names; then the policy against this request's method ARN.
 *
 * @example
 * const decision = await runAuthorizer(
 *   { name: 'Jwt', functionId: 'AuthFn', ttlSeconds: 300, cacheKey: token, event: () => event },
 *   request, methodArn, deps,
 * );
 * if (!decision.allowed) return decision.error; // 401, 403 or 500
 */
export async function runAuthorizer(
  call: AuthorizerCall,
  request: Pick<GatewayRequest, 'requestId'>,
  methodArn: string,
  deps: AuthorizerDeps,
): Promise<AuthorizerDecision> {
  const cacheKey = call.ttlSeconds > 0 ? call.cacheKey : undefined;
  const cached = cacheKey === undefined ? undefined : deps.cache.get(call.name, cacheKey);
  if (cached) return decide(cached, methodArn, 'hit', 0);

  const started = performance.now();
  const outcome = await within(deps.invoke(call.functionId, call.event()), deps.timeoutMs);
  const latencyMs = Math.round(performance.now() - started);
  const fail = (problem: string): AuthorizerDecision => {
    deps.logger.warn(`Authorizer ${call.name} (${request.requestId}): ${problem}`);
    return { allowed: false, error: gatewayErrors.authorizerConfiguration(), cache: 'miss' };
  };
  if (outcome === timedOut) return fail(`no answer within ${deps.timeoutMs} ms`);
  if (!outcome.ok) {
    if (outcome.error.errorMessage === 'Unauthorized') {
      return { allowed: false, error: gatewayErrors.unauthorized(), cache: 'miss' };
    }
    return fail(`the function failed (${outcome.error.errorType}: ${outcome.error.errorMessage})`);
  }
  const tooLarge = responseTooLarge(outcome.payload);
  if (tooLarge) return fail(tooLarge);
  const checked = checkAuthorizerOutput(JSON.parse(outcome.payload));
  if (!checked.ok) return fail(`malformed result: ${checked.problem}`);
  if (cacheKey !== undefined) deps.cache.set(call.name, cacheKey, checked.output, call.ttlSeconds);
  return decide(checked.output, methodArn, 'miss', latencyMs);
}

function decide(
  output: AuthorizerOutput,
  arn: string,
  cache: 'hit' | 'miss',
  latencyMs: number,
): AuthorizerDecision {
  const decision = evaluatePolicy(output.policyDocument, arn);
  if (decision === 'allow') return { allowed: true, output, cache, latencyMs };
  const error = gatewayErrors.accessDenied(decision === 'explicit-deny');
  return { allowed: false, error, cache, output };
}
