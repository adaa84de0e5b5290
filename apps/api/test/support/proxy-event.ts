import { createHash, randomBytes, randomUUID } from 'node:crypto';
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
  /**
   * `requestContext.authorizer`: principalId and the authorizer's context, strings only.
   * Defaults to an admin's, except for an IAM request (`assumedRole`), which has none.
   */
  authorizer?: Record<string, string> | null;
  /** A SigV4-signed request of the IAM API: the assumed-role session API Gateway verified. */
  assumedRole?: AssumedRoleSession;
}

/** The names the template gives the IAM API's roles (`ADMIN_ROLE_NAME`, `BUYER_ROLE_NAME`). */
export const roleNames = { admin: 'AdminRole', buyer: 'BuyerRole' } as const;

export interface AssumedRoleSession {
  readonly roleName: string;
  /** The `RoleSessionName` given to STS. */
  readonly sessionName: string;
  /** The account of the role; defaults to the API's (`123456789012`). */
  readonly accountId?: string;
  /** Overrides `userArn` (e.g. an IAM user's ARN instead of an assumed role's). */
  readonly userArn?: string;
}

const apiAccountId = '123456789012';

/** A stable `AROA...` unique id per role name, as IAM gives each role one. */
function roleIdOf(roleName: string): string {
  const digest = createHash('sha256').update(roleName).digest('hex').toUpperCase();
  return `AROA${digest.slice(0, 17)}`;
}

/**
 * `requestContext.identity` of an `AWS_IAM` method called with an assumed role's temporary
 * credentials (IAM federation facts: `userArn` the assumed-role ARN, `user` and `caller`
 * `ROLE_ID:SESSION`, `accountId`, an `ASIA` access key; every `cognito*` field null).
 */
function assumedRoleIdentity(session: AssumedRoleSession) {
  const accountId = session.accountId ?? apiAccountId;
  const principal = `${roleIdOf(session.roleName)}:${session.sessionName}`;
  return {
    accessKey: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    accountId,
    caller: principal,
    user: principal,
    userArn:
      session.userArn ??
      `arn:aws:sts::${accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
  };
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
 * context carries the stage path and the authorizer's output (token API) or the assumed-role
 * caller (IAM API).
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
      accountId: apiAccountId,
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
        ...(options.assumedRole ? assumedRoleIdentity(options.assumedRole) : {}),
      },
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: new Date(now).toUTCString(),
      requestTimeEpoch: now,
      resourceId: 'abc1de',
      resourcePath: options.resource,
      stage: 'prod',
      ...authorizerOf(options),
    },
  } as APIGatewayProxyEvent;
}

function authorizerOf(options: EventOptions) {
  if (options.authorizer === null) return { authorizer: null };
  if (options.authorizer) return { authorizer: options.authorizer };
  // AWS_IAM methods: `requestContext.authorizer` is absent.
  return options.assumedRole ? {} : { authorizer: callers.admin };
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
