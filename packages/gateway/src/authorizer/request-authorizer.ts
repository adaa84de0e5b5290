import type { ProxyEventInput } from '../proxy/build-proxy-event';
import type { RequestAuthorizerModel } from '../template/model';
import { readIdentity } from './identity-values';
import {
  type AuthorizerDecision,
  type AuthorizerDeps,
  notInvoked,
  runAuthorizer,
} from './lambda-authorizer';
import {
  buildRequestAuthorizerEvent,
  contextValue,
  type RequestAuthorizerEvent,
} from './request-authorizer-event';

/**
 * Runs a Lambda REQUEST authorizer as API Gateway does (R1-R7): every identity source present,
 * non-empty and given once, else 401 without invoking; a result cached by the identity sources'
 * values (any method, any path of the API and stage) if there is one, else the function with the
 * v1 REQUEST event; then, as for TOKEN, the policy against this request's method ARN.
 *
 * @example
 * const decision = await authorizeRequest(model, { request, api, matched, identity }, methodArn, deps);
 * if (!decision.allowed) return decision.error; // 401, 403 or 500
 */
export async function authorizeRequest(
  model: RequestAuthorizerModel,
  input: Omit<ProxyEventInput, 'authorizer' | 'caller'>,
  methodArn: string,
  deps: AuthorizerDeps,
): Promise<AuthorizerDecision> {
  const { request } = input;
  // Built once, when a `Context` source or a cache miss needs it (not for a cache hit).
  let built: RequestAuthorizerEvent | undefined;
  const event = () => {
    built ??= buildRequestAuthorizerEvent(input, methodArn);
    return built;
  };
  const identity = readIdentity(model.identitySources, {
    request,
    stageVariables: input.api.stageVariables,
    context: (name) => contextValue(event(), name),
  });
  if (!identity.ok) {
    const at = `Authorizer ${model.name} (${request.requestId})`;
    if (identity.repeated) deps.logger.warn(`${at}: ${identity.problem}: refused`);
    else deps.logger.info(`${at}: ${identity.problem}: 401 without invoking it`);
    return notInvoked();
  }
  return runAuthorizer(
    {
      name: model.name,
      functionId: model.functionId,
      ttlSeconds: model.ttlSeconds,
      // No sources (only with caching off): nothing to cache by.
      cacheKey: model.identitySources.length > 0 ? JSON.stringify(identity.values) : undefined,
      event,
    },
    request,
    methodArn,
    deps,
  );
}
