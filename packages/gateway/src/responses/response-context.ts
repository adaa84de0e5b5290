import { type GatewayRequest, headerValue } from '../http/gateway-request';
import { ownValue } from '../own-record';
import { requestTime } from '../proxy/request-time';
import type { MatchedRoute } from '../routing/matched-route';
import type { LocalIdentity } from '../template/local-identity';
import type { ApiModel } from '../template/model';
import type { GatewayError } from './gateway-errors';

/** What a gateway response's header mappings and body templates can refer to. */
export interface ResponseContext {
  readonly request: GatewayRequest;
  readonly api: ApiModel;
  readonly matched: MatchedRoute | undefined;
  /**
   * `principalId` and the context of the TOKEN authorizer's answer, also when its policy denied
   * the request (P20), for `$context.authorizer.*`.
   */
  readonly authorizer: Readonly<Record<string, string>> | undefined;
  /** The local account, for `$context.accountId`. */
  readonly identity?: LocalIdentity | undefined;
}

/**
 * The `$context` variables of a gateway response, flattened (`error.messageString`, `requestId`,
 * ...), as the mapping template reference lists them (AWS-BEHAVIOR.md P19).
 *
 * @example
 * contextVariables(context, gatewayErrors.unauthorized()).get('error.messageString') // '"Unauthorized"'
 */
export function contextVariables(
  context: ResponseContext,
  error: GatewayError,
): ReadonlyMap<string, string> {
  const { request, api, matched, authorizer, identity } = context;
  const host = headerValue(request, 'host') ?? '';
  // A Map: `authorizer.*` keys are the authorizer's, and templates may name anything.
  const variables = new Map<string, string>(
    Object.entries({
      ...(identity ? { accountId: identity.accountId } : {}),
      protocol: request.protocol,
      requestTime: requestTime(request.receivedAt),
      requestTimeEpoch: String(request.receivedAt),
      domainPrefix: host.split(/[.:]/)[0] ?? host,
      requestId: request.requestId,
      extendedRequestId: request.extendedRequestId,
      apiId: api.apiId,
      stage: api.stageName,
      httpMethod: request.method,
      path: `/${api.stageName}${request.path}`,
      resourcePath: matched?.route.path ?? '',
      domainName: host,
      'identity.sourceIp': request.sourceIp,
      'identity.userAgent': headerValue(request, 'user-agent') ?? '',
      'error.message': error.message ?? '',
      'error.messageString': error.messageString ?? JSON.stringify(error.message),
      'error.responseType': error.type,
      'error.validationErrorString': '',
    }),
  );
  for (const [key, value] of Object.entries(authorizer ?? {}))
    variables.set(`authorizer.${key}`, value);
  return variables;
}

/**
 * Evaluates a `ResponseParameters` mapping expression: `'static'`, `method.request.header.X`,
 * `method.request.querystring.X`, `method.request.path.X`, `context.X` or `stageVariables.X`.
 *
 * @example
 * mapHeaderExpression("'*'", context, variables) // '*'
 * mapHeaderExpression('method.request.header.Origin', context, variables) // 'https://app.example.com'
 */
export function mapHeaderExpression(
  expression: string,
  context: ResponseContext,
  variables: ReadonlyMap<string, string>,
): string | undefined {
  const quoted = /^'(.*)'$/s.exec(expression);
  if (quoted) return quoted[1];
  const [source, ...rest] = expression.split('.');
  const name = rest.join('.');
  if (source === 'context') return variables.get(name);
  if (source === 'stageVariables') return ownValue(context.api.stageVariables, name);
  const [, location, ...nameParts] = rest;
  const parameter = nameParts.join('.');
  if (location === 'header') return headerValue(context.request, parameter);
  if (location === 'querystring')
    return new URLSearchParams(context.request.query).getAll(parameter).at(-1);
  if (location === 'path')
    return context.matched ? ownValue(context.matched.pathParameters, parameter) : undefined;
  return undefined;
}

/**
 * Renders a gateway response body template: `$context.*` and `$stageVariables.*` references
 * (also `${...}` and quiet `$!...` forms) are substituted; an unknown reference stays as written, as in VTL.
 *
 * @example
 * renderTemplate('{"message":$context.error.messageString}', variables, {}) // '{"message":"Unauthorized"}'
 */
export function renderTemplate(
  template: string,
  variables: ReadonlyMap<string, string>,
  stageVariables: Readonly<Record<string, string>>,
): string {
  const reference =
    /\$(!?)(?:\{(context|stageVariables)\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\}|(context|stageVariables)\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*))/g;
  return template.replace(
    reference,
    (whole, quiet: string, braceSource, braceName, source, name) => {
      const key = (braceName ?? name) as string;
      const value =
        (braceSource ?? source) === 'context' ? variables.get(key) : ownValue(stageVariables, key);
      if (value !== undefined) return value;
      return quiet ? '' : whole;
    },
  );
}
