import { evaluatePolicy } from '@petstore/iam-policy/evaluate';
import { type GatewayRequest, headerValues } from '../http/gateway-request';
import type { InvokeOutcome } from '../lambda/invoke-outcome';
import { timedOut, within } from '../lambda/within';
import type { GatewayLogger } from '../logger';
import { responseTooLarge } from '../proxy/lambda-response-limit';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { TokenAuthorizerModel } from '../template/model';
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

export interface TokenAuthorizerDeps {
  readonly invoke: (functionId: string, event: unknown) => Promise<InvokeOutcome>;
  readonly cache: AuthorizerCache;
  readonly logger: GatewayLogger;
  readonly timeoutMs: number;
}

/**
 * Runs a Lambda TOKEN authorizer as API Gateway does (A1-A9): identity header present and
 * matching the validation expression, else 401 without invoking; a cached result for the
 * token if there is one (any method, any path), else the function; then the policy against
 * this request's method ARN. Failures are quiet to the caller and precise in the log.
 *
 * @example
 * const decision = await authorize(model, request, methodArn, deps);
 * if (!decision.allowed) return decision.error; // 401, 403 or 500
 */
export async function authorize(
  model: TokenAuthorizerModel,
  request: GatewayRequest,
  methodArn: string,
  deps: TokenAuthorizerDeps,
): Promise<AuthorizerDecision> {
  const sent = headerValues(request, model.header);
  if (sent.length > 1) {
    // Which one API Gateway would use is not documented: two identities are no identity.
    deps.logger.warn(
      `Authorizer ${model.name} (${request.requestId}): identity header ${model.header} sent ${sent.length} times: refused`,
    );
    return { allowed: false, error: gatewayErrors.unauthorized(), cache: 'not-invoked' };
  }
  const token = sent[0];
  if (!token) return { allowed: false, error: gatewayErrors.unauthorized(), cache: 'not-invoked' };
  if (
    model.validationExpression !== undefined &&
    !fullMatch(model.validationExpression).test(token)
  ) {
    return { allowed: false, error: gatewayErrors.unauthorized(), cache: 'not-invoked' };
  }
  const cached = model.ttlSeconds > 0 ? deps.cache.get(model.name, token) : undefined;
  if (cached) return decide(cached, methodArn, 'hit', 0);

  const started = performance.now();
  const event = { type: 'TOKEN', authorizationToken: token, methodArn };
  const outcome = await within(deps.invoke(model.functionId, event), deps.timeoutMs);
  const latencyMs = Math.round(performance.now() - started);
  const fail = (problem: string): AuthorizerDecision => {
    deps.logger.warn(`Authorizer ${model.name} (${request.requestId}): ${problem}`);
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
  deps.cache.set(model.name, token, checked.output, model.ttlSeconds);
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

const expressions = new Map<string, RegExp>();

/** `identityValidationExpression` must match the whole header value. */
function fullMatch(expression: string): RegExp {
  let compiled = expressions.get(expression);
  if (!compiled) {
    compiled = new RegExp(`^(?:${expression})$`);
    expressions.set(expression, compiled);
  }
  return compiled;
}
