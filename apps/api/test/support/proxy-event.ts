import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

export interface EventOptions {
  method: string;
  /** The route template, e.g. `/pets/{petId}`. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | null;
  isBase64Encoded?: boolean;
  /** `requestContext.authorizer`: principalId and the authorizer's context, strings only. */
  authorizer?: Record<string, string> | null;
}

/** Authorizer contexts as the TOKEN authorizer produces them for each kind of caller. */
export const callers = {
  admin: {
    principalId: 'dev-idp|admin',
    sub: 'dev-idp|admin',
    name: 'Ada Admin',
    permissions: 'read:pets create:pets delete:pets',
  },
  buyer: {
    principalId: 'amazon-demo|bea',
    sub: 'amazon-demo|bea',
    name: 'Bea Buyer',
    permissions: 'read:pets purchase:pets',
  },
  otherBuyer: {
    principalId: 'amazon-demo|cy',
    sub: 'amazon-demo|cy',
    name: 'Cy Buyer',
    permissions: 'read:pets purchase:pets',
  },
  machine: {
    principalId: 'petstore-m2m',
    sub: 'petstore-m2m',
    name: 'petstore-m2m',
    permissions: 'read:pets',
    clientId: 'petstore-m2m',
  },
} as const satisfies Record<string, Record<string, string>>;

/**
 * A REST API (v1) Lambda proxy event shaped like the ones API Gateway sends (AWS-BEHAVIOR.md
 * L1, L2): empty collections are `null`, headers come single- and multi-valued, the request
 * context carries the stage path and the authorizer's output.
 */
export function proxyEvent(options: EventOptions): APIGatewayProxyEvent {
  const path = options.resource.replace(/\{(\w+)\+?\}/g, (_, name: string) =>
    encodeURIComponent(options.pathParameters?.[name] ?? ''),
  );
  const headers = {
    Accept: 'application/json',
    Host: 'abc123.execute-api.eu-west-1.amazonaws.com',
    'User-Agent': 'vitest',
    'X-Forwarded-For': '198.51.100.7',
    'X-Forwarded-Proto': 'https',
    ...options.headers,
  };
  const query = options.query && Object.keys(options.query).length > 0 ? options.query : null;
  const now = Date.now();
  return {
    resource: options.resource,
    path,
    httpMethod: options.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters: query
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: options.pathParameters ?? null,
    stageVariables: null,
    body: options.body ?? null,
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      extendedRequestId: 'EXTENDED=',
      httpMethod: options.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '198.51.100.7',
        user: null,
        userAgent: 'vitest',
        userArn: null,
      },
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: new Date(now).toUTCString(),
      requestTimeEpoch: now,
      resourceId: 'abc1de',
      resourcePath: options.resource,
      stage: 'prod',
      authorizer: options.authorizer === null ? null : (options.authorizer ?? callers.admin),
    },
  } as APIGatewayProxyEvent;
}

/** A Lambda context like the runtime's. */
export function lambdaContext(functionName = 'PetsFunction'): Context {
  const deadline = Date.now() + 10_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/21/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
