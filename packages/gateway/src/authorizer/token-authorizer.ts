import type { GatewayRequest } from '../http/gateway-request';
import type { TokenAuthorizerModel } from '../template/model';
import { readIdentity } from './identity-values';
import {
  type AuthorizerDecision,
  type AuthorizerDeps,
  notInvoked,
  runAuthorizer,
} from './lambda-authorizer';

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
  deps: AuthorizerDeps,
): Promise<AuthorizerDecision> {
  const source = {
    location: 'header',
    name: model.header,
    expression: `method.request.header.${model.header}`,
  } as const;
  const identity = readIdentity([source], {
    request,
    stageVariables: {},
    context: () => undefined,
  });
  if (!identity.ok) {
    // Which one API Gateway would use is not documented: two identities are no identity.
    if (identity.repeated)
      deps.logger.warn(
        `Authorizer ${model.name} (${request.requestId}): ${identity.problem}: refused`,
      );
    return notInvoked();
  }
  const token = identity.values[0] ?? '';
  if (
    model.validationExpression !== undefined &&
    !fullMatch(model.validationExpression).test(token)
  ) {
    return notInvoked();
  }
  return runAuthorizer(
    {
      name: model.name,
      functionId: model.functionId,
      ttlSeconds: model.ttlSeconds,
      cacheKey: token,
      event: () => ({ type: 'TOKEN', authorizationToken: token, methodArn }),
    },
    request,
    methodArn,
    deps,
  );
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
