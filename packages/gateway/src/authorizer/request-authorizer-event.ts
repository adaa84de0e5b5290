import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { buildProxyEvent, type ProxyEventInput } from '../proxy/build-proxy-event';
import { localDeploymentId } from '../template/local-identity';

type ProxyContext = APIGatewayProxyEvent['requestContext'];

/** The event of a Lambda REQUEST authorizer, payload v1 (R2), as a deployed REST API sends it. */
export type RequestAuthorizerEvent = Omit<APIGatewayRequestAuthorizerEvent, 'requestContext'> & {
  readonly requestContext: Omit<ProxyContext, 'authorizer' | 'identity'> & {
    readonly identity: Partial<ProxyContext['identity']>;
    readonly deploymentId: string;
  };
};

/**
 * The `$context` variables a REQUEST authorizer's `Context` identity source may name (R4): those
 * the request has before it is authorized, as its event's `requestContext` holds them.
 */
export const contextIdentityNames: readonly string[] = [
  'accountId',
  'apiId',
  'deploymentId',
  'domainName',
  'domainPrefix',
  'extendedRequestId',
  'httpMethod',
  'identity.sourceIp',
  'identity.userAgent',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
];

/** `identity` keys a capture without an API key or client certificate does not have (R2). */
const absentWhenNull = new Set(['apiKey', 'apiKeyId', 'clientCert']);

/**
 * The REQUEST authorizer's event (R2): the request as the proxy integration would see it (L1, L2,
 * one definition of headers, query, path parameters and `requestContext`), with `type: "REQUEST"`
 * and the `methodArn` first, empty maps as `{}` (not `null`), `requestContext.deploymentId`, and
 * neither `body`, `isBase64Encoded` nor `requestContext.authorizer`.
 *
 * @example
 * buildRequestAuthorizerEvent({ request, api, matched, identity }, methodArn).pathParameters // { petId: '7' }, or {}
 */
export function buildRequestAuthorizerEvent(
  input: Omit<ProxyEventInput, 'authorizer' | 'caller'>,
  methodArn: string,
): RequestAuthorizerEvent {
  const proxy = buildProxyEvent({ ...input, authorizer: undefined });
  const { identity, authorizer: _none, ...context } = proxy.requestContext;
  return {
    type: 'REQUEST',
    methodArn,
    resource: proxy.resource,
    path: proxy.path,
    httpMethod: proxy.httpMethod,
    headers: proxy.headers,
    multiValueHeaders: proxy.multiValueHeaders,
    queryStringParameters: proxy.queryStringParameters ?? {},
    multiValueQueryStringParameters: proxy.multiValueQueryStringParameters ?? {},
    pathParameters: proxy.pathParameters ?? {},
    stageVariables: proxy.stageVariables ?? {},
    requestContext: {
      ...context,
      identity: Object.fromEntries(
        Object.entries(identity).filter(
          ([key, value]) => !(absentWhenNull.has(key) && value === null),
        ),
      ),
      deploymentId: localDeploymentId(input.api.logicalId),
    },
  };
}

/**
 * A `$context` variable of the request by its name in {@link contextIdentityNames}, from the
 * authorizer's event: `identity.sourceIp`, `stage`, `requestTimeEpoch` (as a string).
 *
 * @example
 * contextValue(event, 'identity.sourceIp') // '127.0.0.1'
 */
export function contextValue(event: RequestAuthorizerEvent, name: string): string | undefined {
  if (!contextIdentityNames.includes(name)) return undefined;
  const { requestContext } = event;
  const [first, second] = name.split('.');
  const value =
    first === 'identity' && second !== undefined
      ? (requestContext.identity as Readonly<Record<string, unknown>>)[second]
      : (requestContext as unknown as Readonly<Record<string, unknown>>)[first ?? ''];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
