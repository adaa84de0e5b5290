import { hash } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuthorizerOutput } from '../authorizer/authorizer-output';
import { type GatewayRequest, headerValue } from '../http/gateway-request';
import type { IamCaller } from '../iam/authorize-iam';
import { ownRecord } from '../own-record';
import type { MatchedRoute } from '../routing/matched-route';
import type { LocalIdentity } from '../template/local-identity';
import { localDeploymentId } from '../template/local-identity';
import type { ApiModel } from '../template/model';
import { eventHeaders } from './event-headers';
import { matchesBinaryMediaType } from './media-types';
import { requestTime } from './request-time';

export interface ProxyEventInput {
  readonly request: GatewayRequest;
  readonly api: ApiModel;
  readonly matched: MatchedRoute;
  readonly identity: LocalIdentity;
  readonly authorizer:
    | { readonly output: AuthorizerOutput; readonly latencyMs: number }
    | undefined;
  /** The caller of an `AWS_IAM` method: `requestContext.identity` names its assumed role. */
  readonly caller?: IamCaller | undefined;
  /** The API key of a method that requires one (K8): `identity.apiKey` and `identity.apiKeyId`. */
  readonly apiKey?: { readonly value: string; readonly id: string } | undefined;
}

type Identity = APIGatewayProxyEvent['requestContext']['identity'];

/**
 * The v1 event as API Gateway sends it (Q10, Q11): `@types/aws-lambda` also lists `apiKey`,
 * `apiKeyId` and `clientCert` in `requestContext.identity`, which a request without an API key
 * on an API without mutual TLS does not have.
 */
export type ProxyEvent = Omit<APIGatewayProxyEvent, 'requestContext'> & {
  readonly requestContext: Omit<APIGatewayProxyEvent['requestContext'], 'identity'> & {
    readonly identity: Omit<Identity, 'apiKey' | 'apiKeyId' | 'clientCert'>;
  };
};

/**
 * The Lambda proxy integration event, payload v1 (L1, L2, Q1-Q15): `resource` is the route template,
 * `path` the concrete path, empty maps are `null`, the body a string (base64 for binary media
 * types), and `requestContext.authorizer` holds `principalId` and the context as strings (A10);
 * for an `AWS_IAM` caller, `requestContext.identity` holds the assumed role (`userArn`, `user`
 * and `caller` = `ROLE_ID:SESSION`, `accountId`, `accessKey`).
 *
 * @example
 * buildProxyEvent({ request, api, matched, identity, authorizer: undefined }).resource // '/pets/{petId}'
 */
export function buildProxyEvent(input: ProxyEventInput): ProxyEvent {
  const { request, api, matched, identity, authorizer, caller } = input;
  const session = caller?.session;
  const principal = session ? `${session.roleId}:${session.sessionName}` : null;
  // Names are the client's: grouped in Maps, then written as own keys (`constructor` is data).
  const headers = new Map<string, { readonly name: string; readonly values: string[] }>();
  for (const [name, value] of eventHeaders(request, api.endpointType)) {
    const key = name.toLowerCase();
    const group = headers.get(key);
    if (group) group.values.push(value);
    else headers.set(key, { name, values: [value] });
  }
  const query = new Map<string, string[]>();
  for (const [name, value] of request.query === '' ? [] : new URLSearchParams(request.query)) {
    const values = query.get(name);
    if (values) values.push(value);
    else query.set(name, [value]);
  }
  const groups = [...headers.values()];
  const single = ownRecord(groups.map(({ name, values }) => [name, values.at(-1) ?? ''] as const));
  const multi = ownRecord(groups.map(({ name, values }) => [name, values] as const));
  const singleQuery = ownRecord(
    [...query].map(([name, values]) => [name, values.at(-1) ?? ''] as const),
  );
  const multiQuery = ownRecord(query);
  const binary = matchesBinaryMediaType(headerValue(request, 'content-type'), api.binaryMediaTypes);
  const host = headerValue(request, 'host') ?? '127.0.0.1';
  const body = request.body.length === 0 ? null : request.body.toString(binary ? 'base64' : 'utf8');
  return {
    resource: matched.route.path,
    path: request.path,
    httpMethod: request.method,
    headers: single,
    multiValueHeaders: multi,
    queryStringParameters: orNull(singleQuery),
    multiValueQueryStringParameters: orNull(multiQuery),
    pathParameters: orNull(matched.pathParameters),
    stageVariables: orNull(api.stageVariables),
    requestContext: {
      resourceId: resourceIdOf(matched.route.path),
      resourcePath: matched.route.path,
      httpMethod: request.method,
      extendedRequestId: request.extendedRequestId,
      requestTime: requestTime(request.receivedAt),
      // What the client called (L2): `/prod/pets` on the execute-api URL, `/pets` at the root.
      path: request.calledPath ?? `${request.stagePrefix ?? ''}${request.path}`,
      accountId: identity.accountId,
      deploymentId: localDeploymentId(api.logicalId),
      protocol: request.protocol,
      stage: api.stageName,
      domainPrefix: host.split(/[.:]/)[0] ?? host,
      requestTimeEpoch: request.receivedAt,
      requestId: request.requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: session?.accountId ?? null,
        cognitoIdentityId: null,
        caller: principal,
        sourceIp: request.sourceIp,
        principalOrgId: null,
        accessKey: caller?.accessKeyId ?? null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: session?.assumedRoleArn ?? null,
        userAgent: headerValue(request, 'user-agent') ?? null,
        user: principal,
        // Only on a method that requires a key (K8); AWS's recording without one has neither (Q11).
        ...(input.apiKey ? { apiKey: input.apiKey.value, apiKeyId: input.apiKey.id } : {}),
      },
      domainName: host,
      apiId: api.apiId,
      ...(authorizer
        ? {
            authorizer: ownRecord<string | number>([
              ...Object.entries(authorizer.output.context),
              ['principalId', authorizer.output.principalId],
              ['integrationLatency', authorizer.latencyMs],
            ]),
          }
        : {}),
    } as ProxyEvent['requestContext'],
    body,
    isBase64Encoded: binary && body !== null,
  };
}

/** Computed once per resource path: every request's event carries it. */
const resourceIds = new Map<string, string>();

/** The resource's id (6 hex characters), stable for its path: `requestContext.resourceId`. */
function resourceIdOf(path: string): string {
  let id = resourceIds.get(path);
  if (id === undefined) {
    id = hash('sha256', path).slice(0, 6);
    resourceIds.set(path, id);
  }
  return id;
}

function orNull<T>(map: Readonly<Record<string, T>>): Record<string, T> | null {
  return Object.keys(map).length === 0 ? null : ownRecord(Object.entries(map));
}
